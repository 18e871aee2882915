import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/cli.js';
import { errorMessage } from '../src/core/error-message.js';
import { serializeResults } from '../src/core/results/results.js';
import { makeResults } from './helpers/results.js';
import { scratch } from './helpers/fixtures.js';

describe('errorMessage', () => {
  it("gives an Error's message, and anything else thrown as text", () => {
    expect(errorMessage(new TypeError('bad type'))).toBe('bad type');
    expect(errorMessage('a string was thrown')).toBe('a string was thrown');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe("the CLI's last-resort error message", () => {
  const saved = process.env.ASYNC_BENCH_DEBUG;
  afterEach(() => {
    if (saved === undefined) delete process.env.ASYNC_BENCH_DEBUG;
    else process.env.ASYNC_BENCH_DEBUG = saved;
  });

  async function compareWithMissingBaseline(): Promise<{ code: number; err: string }> {
    const { dir, cleanup } = await scratch();
    try {
      await writeFile(join(dir, 'results.json'), serializeResults(makeResults({ setups: 'sync', routes: 'cpu', latencies: '0' }, () => ({}))));
      const err: string[] = [];
      const io = { stdout: { write: () => true }, stderr: { write: (t: string) => err.push(t) }, cwd: dir };
      const code = await runCli(['compare', 'results.json', '--baseline', 'missing.json'], io);
      return { code, err: err.join('') };
    } finally {
      await cleanup();
    }
  }

  it('is the message alone, and with ASYNC_BENCH_DEBUG set, the stack for a bug report', async () => {
    delete process.env.ASYNC_BENCH_DEBUG;
    const plain = await compareWithMissingBaseline();
    expect(plain.code).toBe(1);
    expect(plain.err).toMatch(/^async-bench: .*missing\.json/);
    expect(plain.err).not.toMatch(/\n\s+at /);

    process.env.ASYNC_BENCH_DEBUG = '1';
    const debug = await compareWithMissingBaseline();
    expect(debug.code).toBe(1);
    expect(debug.err).toMatch(/^async-bench: Error: .*missing\.json/);
    expect(debug.err).toMatch(/\n\s+at /);
  });
});
