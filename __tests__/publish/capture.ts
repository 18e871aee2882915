import { vi } from 'vitest';

/**
 * Collects what @actions/core writes to stdout (`::warning::…`, `::notice::…`, info lines)
 * without stubbing @actions/core itself. Call `restore()` in afterEach.
 */
export function captureStdout(): { text: () => string; lines: (command: string) => string[]; restore: () => void } {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  });
  const text = (): string => chunks.join('');
  return {
    text,
    lines: (command) =>
      text()
        .split('\n')
        .filter((line) => line.startsWith(`::${command}`)),
    restore: () => spy.mockRestore(),
  };
}
