import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES } from './helpers/fixtures.js';

const ROOT = join(FIXTURES, '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface ActionYml {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string };
}
const action = parse(read('action.yml')) as ActionYml;
const readme = read('README.md');

/** Rows of the markdown table that follows `<!-- name -->`. */
function tableAfter(marker: string): string[][] {
  const start = readme.indexOf(`<!-- ${marker}`);
  expect(start, marker).toBeGreaterThan(-1);
  // Prettier keeps a blank line between the marker and the table.
  const after = readme.slice(start).split('\n').slice(1);
  const lines = after.slice(after.findIndex((line) => line.startsWith('|')));
  const rows = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  );
  // No cell of these tables holds a pipe, so splitting on it is exact.
  return rows.slice(2).map((row) =>
    row
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim()),
  );
}
const unquote = (cell: string) => cell.replace(/^`|`$/g, '');

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps?: Step[] }>;
}
const isOurs = (uses: string | undefined) => uses === './' || uses?.startsWith('org/async-bench@');

function checkWorkflow(where: string, workflow: Workflow) {
  expect(workflow.on, `${where}: on`).toBeDefined();
  expect(workflow.permissions, `${where}: least-privilege permissions`).toBeDefined();
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);
  const ours = steps.filter((step) => isOurs(step.uses));
  expect(ours.length, `${where} uses the action`).toBeGreaterThan(0);
  for (const step of ours) {
    for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${where}: input "${key}"`).toContain(key);
  }
}

describe('action.yml', () => {
  it('runs on node24 with a post step for teardown', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/post.js' });
  });

  it('describes every input and output, and gives every input a default', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toMatch(/\w{3,}/);
      expect(input.default, name).toBeTypeOf('string');
    }
    for (const [name, output] of Object.entries(action.outputs)) expect(output.description, name).toMatch(/\w{3,}/);
  });
});

describe('README agrees with action.yml', () => {
  it('lists every input with its default and description, in order', () => {
    const rows = tableAfter('inputs-table');
    expect(rows.map(([name]) => unquote(name!))).toEqual(Object.keys(action.inputs));
    for (const [name, defaultCell, description] of rows) {
      const input = action.inputs[unquote(name!)]!;
      expect(unquote(defaultCell!), `default of ${name}`).toBe(input.default);
      expect(description, `description of ${name}`).toBe(input.description);
    }
  });

  it('lists every output with its description', () => {
    const rows = tableAfter('outputs-table');
    expect(rows.map(([name]) => unquote(name!))).toEqual(Object.keys(action.outputs));
    for (const [name, description] of rows) expect(description).toBe(action.outputs[unquote(name!)]!.description);
  });

  it('has snippets that are valid workflow YAML using only declared inputs (README and docs/)', () => {
    const docs = readdirSync(join(ROOT, 'docs')).filter((file) => file.endsWith('.md'));
    const sources = [['README.md', readme] as const, ...docs.map((file) => [`docs/${file}`, read(`docs/${file}`)] as const)];
    const workflows = sources.flatMap(([file, text]) =>
      [...text.matchAll(/```yaml\n([\s\S]*?)```/g)]
        .map((match) => parse(match[1]!) as Workflow & Record<string, unknown>)
        .filter((doc) => 'jobs' in doc)
        .map((workflow, i) => ({ where: `${file} workflow snippet ${i + 1}`, workflow })),
    );
    // The README's minimal and gating workflows; the sharded study and the fork-safe pair in docs/action.md.
    expect(workflows.filter(({ where }) => where.startsWith('README')).length).toBeGreaterThanOrEqual(2);
    expect(workflows.length).toBeGreaterThanOrEqual(5);
    for (const { where, workflow } of workflows) checkWorkflow(where, workflow);
  });

  it('.github/workflows use only declared inputs and set permissions', () => {
    const dir = join(ROOT, '.github', 'workflows');
    const files = readdirSync(dir).filter((file) => file.endsWith('.yml'));
    for (const file of files) {
      const workflow = parse(readFileSync(join(dir, file), 'utf8')) as Workflow;
      expect(workflow.permissions, `${file}: permissions`).toBeDefined();
      if (Object.values(workflow.jobs).some((job) => job.steps?.some((step) => isOurs(step.uses)))) checkWorkflow(file, workflow);
    }
  });

  it('gives the two first-screen commands, and .ci/run runs the test command', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm run bench');
    expect(firstScreen).toContain('npm ci && npm test');
    // How a team tries it in its own repository, without a clone.
    expect(firstScreen).toContain('npx async-bench run');
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm test\b/m);
    expect(ci).toMatch(/^npm run test:e2e\b/m);
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['bench', 'test', 'test:e2e', 'bench:harness', 'lint', 'package']) expect(scripts[name], name).toBeDefined();
  });
});
