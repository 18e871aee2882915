import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fitSummary, writeJobSummary } from '../../src/publish/summary.js';

// core.summary remembers the first GITHUB_STEP_SUMMARY it sees (as on a runner, where it never
// changes within a step): one file for this whole test file, emptied before each test.
const file = join(mkdtempSync(join(tmpdir(), 'summary-')), 'step-summary.md');

beforeEach(() => {
  writeFileSync(file, 'earlier step\n');
  vi.stubEnv('GITHUB_STEP_SUMMARY', file);
});
afterEach(() => vi.unstubAllEnvs());

describe('writeJobSummary', () => {
  it('appends the markdown to GITHUB_STEP_SUMMARY', async () => {
    const outcome = await writeJobSummary('## Table 1\n\n| a |\n|---|\n| 1 |');
    expect(outcome.written).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('earlier step\n## Table 1\n\n| a |\n|---|\n| 1 |\n');
  });

  it('writes no bidirectional control, whatever the markdown holds', async () => {
    await writeJobSummary('cmd \u202egnp.exe \u2066x\u2069 \u200f\u061c');
    expect(readFileSync(file, 'utf8')).toBe('earlier step\ncmd \ufffdgnp.exe \ufffdx\ufffd \ufffd\ufffd\n');
  });

  it('is a no-op outside Actions', async () => {
    vi.stubEnv('GITHUB_STEP_SUMMARY', '');
    expect(await writeJobSummary('x')).toEqual({ written: false, reason: 'GITHUB_STEP_SUMMARY is not set' });
  });

  it('appends each call after the last', async () => {
    await writeJobSummary('one');
    await writeJobSummary('two');
    expect(readFileSync(file, 'utf8')).toBe('earlier step\none\ntwo\n');
  });
});

describe('fitSummary', () => {
  it('keeps a small report as is', () => {
    expect(fitSummary('a\nb')).toBe('a\nb');
  });

  it('cuts an oversized report at a line break and says so', () => {
    const report = Array.from({ length: 100 }, (_, i) => `line ${i} ${'x'.repeat(50)}`).join('\n');
    const fitted = fitSummary(report, 1000);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(1000);
    expect(fitted).toMatch(/truncated/);
    expect(fitted.split('\n')[0]).toBe(report.split('\n')[0]);
  });
});
