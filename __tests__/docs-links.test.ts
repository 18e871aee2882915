import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures.js';
import { anchors, checkCodeNames, checkLinks, codeNameKind, formatProblem, indexSource, pathExists, slug } from './helpers/markdown-refs.js';

// The docs a reader follows from the README, and the two that cite the code by name.
// The rules for what counts as a link, a code name and a source path are written
// beside the functions in helpers/markdown-refs.ts.
const ROOT = join(FIXTURES, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const DOCS = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const CITING_CODE = ['ARCHITECTURE.md', 'docs/glossary.md'];
const index = indexSource(ROOT);

describe('the docs', () => {
  it('link only to files and #anchors that exist (README.md, ARCHITECTURE.md, docs/)', () => {
    const problems = DOCS.flatMap((file) => checkLinks(ROOT, file, read(file)));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('cite only code names and source paths that exist (ARCHITECTURE.md, docs/glossary.md)', () => {
    const problems = CITING_CODE.flatMap((file) => checkCodeNames(index, file, read(file)));
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('are all linked from the README', () => {
    const readme = read('README.md');
    const unlinked = DOCS.filter((file) => file.startsWith('docs/') && !readme.includes(`](${file}`));
    expect(unlinked).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it("make GitHub's anchors: lowercase, punctuation dropped, spaces to hyphens, repeats numbered", () => {
    expect(slug('async-bench.yml')).toBe('async-benchyml');
    expect(slug("The host's sch_netem module, before the preflight")).toBe('the-hosts-sch_netem-module-before-the-preflight');
    expect(slug('Gating pull requests: `baseline: base`')).toBe('gating-pull-requests-baseline-base');
    expect(slug('Measured on this machine (2 cores, Toxiproxy)')).toBe('measured-on-this-machine-2-cores-toxiproxy');
    expect(slug('Tables 1–3 and [the study](docs/study.md)')).toBe('tables-13-and-the-study');
    expect([...anchors('# A\n\n## Notes\n\n```\n# not a heading\n```\n\n## Notes\n')]).toEqual(['a', 'notes', 'notes-1']);
  });

  it('report a missing file and a missing anchor with file and line, and pass good ones', () => {
    const doc = [
      '# Title',
      '[fine](README.md#async-bench) [here](#title) [web](https://example.com/x)',
      'See [gone](docs/nowhere.md) and',
      '[bad anchor](ARCHITECTURE.md#no-such-heading), `[in code](nowhere.md)`',
      '```',
      '[in a block](nowhere.md)',
      '```',
      'A paragraph ends on',
      '[1, 2]: not a reference definition',
      '',
      '[ref]: docs/gone.md',
    ].join('\n');
    expect(checkLinks(ROOT, 'x.md', doc).map(formatProblem)).toEqual([
      'x.md:3: link "docs/nowhere.md": docs/nowhere.md does not exist',
      'x.md:4: link "ARCHITECTURE.md#no-such-heading": ARCHITECTURE.md has no heading with the anchor #no-such-heading',
      'x.md:11: link "docs/gone.md": docs/gone.md does not exist',
    ]);
  });

  it('tell code names from words', () => {
    const names = ['planShard', 'CellMetrics', 'SetupSpecSchema', 'LIMITS', 'CELL_FILES', 'Config'];
    expect(names.map((n) => codeNameKind(n, true))).toEqual(names.map(() => 'name'));
    expect(codeNameKind('Sample.side', true)).toBe('member');
    const words = ['paper', 'io_read', 'max_connections', 'Aggregated', 'baseline: base', 'status: "ok"', '1.x'];
    expect(words.map((w) => codeNameKind(w, true))).toEqual(words.map(() => undefined));
    // Outside backticks a capitalised word is prose: only compound names count.
    expect([codeNameKind('Config', false), codeNameKind('Welch', false), codeNameKind('runBenchmark', false)]).toEqual([undefined, undefined, 'name']);
  });

  it('tell source paths from other slashed words', () => {
    expect(pathExists(index, 'core/plan/cells.ts')).toBe(true);
    expect(pathExists(index, 'src/core/plan/cells.ts')).toBe(true);
    expect(pathExists(index, 'stack/latency/')).toBe(true);
    expect(pathExists(index, 'latency/*.ts')).toBe(true);
    expect(pathExists(index, 'build.ts')).toBe(true);
    expect(pathExists(index, 'compose/derived/Dockerfile')).toBe(true);
    expect(pathExists(index, 'core/plan/nowhere.ts')).toBe(false);
    expect(pathExists(index, 'nowhere.ts')).toBe(false);
    expect(pathExists(index, 'compose/nowhere')).toBe(false);
    for (const word of ['i/n', 'import-x/no-cycle', 'cells/<cell>/r<n>/', 'async-limited/io_read/100ms', 'cell.json']) {
      expect(pathExists(index, word), word).toBeUndefined();
    }
  });

  it('report a name the source does not declare and a path that does not exist, with file and line', () => {
    const doc = [
      'Made by `planCells` in `core/plan/cells.ts`, kept in `Sample.side`.',
      '',
      '`computeMetrics` reads `LocustOutput` (`core/ingest/gone.ts`); `Sample.nothing`.',
      '```',
      '  runBenchmark (stack/run.ts) → noSuchStep (stack/nowhere.ts)',
      '```',
    ].join('\n');
    expect(checkCodeNames(index, 'g.md', doc).map(formatProblem)).toEqual([
      'g.md:3: `computeMetrics`: neither declared nor a member name under src/',
      'g.md:3: `LocustOutput`: neither declared nor a member name under src/',
      'g.md:3: `core/ingest/gone.ts`: no such file or folder in the repository',
      'g.md:3: `Sample.nothing`: no member nothing under src/',
      'g.md:5: `noSuchStep`: neither declared nor a member name under src/',
      'g.md:5: `stack/nowhere.ts`: no such file or folder in the repository',
    ]);
  });
});
