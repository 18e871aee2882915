import { execFile, execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { CELL_FILES } from '../../src/core/ingest/cell.js';
import { parseResults, type Results } from '../../src/core/results/results.js';
import { artifactFiles } from '../../src/publish/artifacts.js';
import { commentMarker } from '../../src/publish/marker.js';
import { inputEnv } from '../helpers/action-inputs.js';
import { startGitHubServer, type GitHubServer } from '../helpers/github-server.js';
import { ROOT } from './stack-helpers.js';

/*
 * A team's project through the bundled action, as a workflow runs it: `node dist/index.js`
 * (build it first: `npm run package`) in mode run, in a repository of its own that is not
 * this one: a copy of examples/shop, committed, as GITHUB_WORKSPACE. The comment goes to the
 * local GitHub stand-in; the artifact upload is skipped as on a server without the artifact
 * service (the upload itself is tested with a recording store in __tests__/publish), so the
 * test checks the folder it would upload. 2 setups × 3 routes (a plain one, a mix, a team locustfile's)
 * × 1 latency, 4 s each: about 1.5 min.
 */

/** The project's config in the copied repository: the one line to change to run another variant of the shop. */
const CONFIG = 'examples/shop/async-bench.dockerfile.yml';
/**
 * A plain route of the project, a mix of two of its routes (list weighted 3, detail 1) and a
 * route run by the team's own Locust file, added to the copied config (whatever else it holds).
 */
const ROUTES = ['list', 'browse', 'shopper'];
const TEAM_LOCUSTFILE = `from locust import HttpUser, constant, task


class ShopperUser(HttpUser):
    wait_time = constant(0)

    @task
    def shop(self):
        self.client.get("/products/", params={"category": "books"}, name="shopper: list")
        self.client.get("/products/1/", name="shopper: detail")
`;

async function addRoutes(configPath: string): Promise<void> {
  const config = parse(await readFile(configPath, 'utf8')) as { routes: Record<string, unknown>[] };
  config.routes.find((route) => route.name === 'list')!.weight = 3;
  config.routes.push(
    { name: 'browse', title: 'Browsing mix', mix: ['list', 'detail'] },
    { name: 'shopper', title: 'Team shopper', locustfile: 'loadtest/locustfile.py', 'user-class': 'ShopperUser' },
  );
  await writeFile(configPath, stringify(config));
}

/** Request counts per row name of a cell's locust_stats.csv. */
async function statsRows(dir: string): Promise<Map<string, number>> {
  const [header, ...rows] = (await readFile(join(dir, CELL_FILES.stats), 'utf8')).trim().split('\n');
  const columns = header!.split(',');
  const [name, count] = [columns.indexOf('Name'), columns.indexOf('Request Count')];
  return new Map(rows.map((row) => row.split(',')).map((cells) => [cells[name]!, Number(cells[count])]));
}
const SETUPS = ['sync', 'async-limited'];
const PR = 7;
const DIST = join(ROOT, 'dist', 'index.js');

describe("the action's run of a team's own project (node dist/index.js, mode run)", () => {
  let workspace: string;
  let server: GitHubServer;
  let commit: string;
  let stdout = '';
  let exitCode: number;
  let summary: string;
  let results: Results;
  let seconds: number;
  let project = '';
  const out = () => join(workspace, 'bench');

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'async-bench-team-'));
    await cp(join(ROOT, 'examples', 'shop'), join(workspace, 'examples', 'shop'), { recursive: true });
    await writeFile(join(workspace, '.gitignore'), '*.whl\nbench/\n');
    await addRoutes(join(workspace, CONFIG));
    await mkdir(join(workspace, 'loadtest'));
    await writeFile(join(workspace, 'loadtest', 'locustfile.py'), TEAM_LOCUSTFILE);
    const git = (...args: string[]) => execFileSync('git', ['-C', workspace, ...args], { encoding: 'utf8' }).trim();
    git('init', '--quiet');
    git('add', '-A');
    git('-c', 'user.name=Team', '-c', 'user.email=team@example.test', 'commit', '--quiet', '-m', 'the shop');
    commit = git('rev-parse', 'HEAD');

    server = await startGitHubServer({ owner: 'team', repo: 'shop' });
    server.addToken('gh-token', { login: 'github-actions[bot]', kind: 'app', permission: 'write' });
    server.addPullRequest(PR, commit);
    await writeFile(
      join(workspace, 'event.json'),
      JSON.stringify({
        pull_request: { number: PR, base: { ref: 'main' }, head: { sha: commit } },
        repository: { name: 'shop', owner: { login: 'team' } },
      }),
    );
    summary = join(workspace, 'summary.md');
    await writeFile(summary, '');
    await writeFile(join(workspace, 'output.txt'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...(process.env.BASE_IMAGE ? { BASE_IMAGE: process.env.BASE_IMAGE } : {}),
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(workspace, 'event.json'),
      GITHUB_REPOSITORY: 'team/shop',
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.test',
      GITHUB_RUN_ID: '77',
      GITHUB_WORKSPACE: workspace,
      GITHUB_STEP_SUMMARY: summary,
      GITHUB_OUTPUT: join(workspace, 'output.txt'),
      ...inputEnv({
        config: CONFIG,
        setups: SETUPS.join(','),
        routes: ROUTES.join(','),
        latencies: '0',
        users: '10',
        'spawn-rate': '10',
        'run-time': '4s',
        baseline: 'none',
        out: 'bench',
        'github-token': 'gh-token',
      }),
    };
    const started = Date.now();
    // The action names its compose project after its process id: async-bench-<pid>.
    const result = await new Promise<{ stdout: string; code: number }>((resolve) => {
      const child = execFile(process.execPath, [DIST], { env, cwd: workspace, maxBuffer: 64 * 1024 * 1024, timeout: 300_000 }, (error, stdout) =>
        resolve({ stdout, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 }),
      );
      project = `async-bench-${child.pid}`;
    });
    seconds = (Date.now() - started) / 1000;
    stdout = result.stdout;
    exitCode = result.code;
    process.stderr.write(`e2e action run of a team's project: ${seconds.toFixed(0)} s\n`);
    summary = await readFile(summary, 'utf8');
    results = parseResults('results.json', await readFile(join(out(), 'results.json'), 'utf8'));
  }, 400_000);

  afterAll(async () => {
    await server?.close();
    if (workspace) await rm(workspace, { recursive: true, force: true });
  });

  it('exits 0 with no error, within 3 minutes', () => {
    expect(exitCode, stdout.slice(-3000)).toBe(0);
    expect(stdout).not.toMatch(/::error::/);
    expect(seconds).toBeLessThan(180);
  });

  it('measures every cell of the matrix with no failed request', () => {
    expect(results.cells.map((cell) => cell.id)).toEqual(SETUPS.flatMap((setup) => ROUTES.map((route) => `${setup}/${route}/0ms`)));
    for (const cell of results.cells) {
      expect(cell.status, `${cell.id}: ${cell.reason}`).toBe('ok');
      expect(cell.metrics!.totalRequests, cell.id).toBeGreaterThan(0);
      expect(cell.metrics!.totalFailures, cell.id).toBe(0);
    }
  });

  it("results.json names the project: its folder, the team repository's commit, the image built", () => {
    expect(results.config.app).toMatchObject({ name: 'shop-dockerfile', context: 'examples/shop', dockerfile: 'deploy/Dockerfile' });
    expect(results.environment.app).toEqual({ path: join(workspace, 'examples', 'shop'), commit, image: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  });

  it('sets the outputs: where results.json is', async () => {
    expect(await readFile(join(workspace, 'output.txt'), 'utf8')).toMatch(new RegExp(`results-path<<.*\n${join(out(), 'results.json')}\n`));
  });

  it('writes Tables into the job summary and tables.md, and comments on the pull request', async () => {
    for (const text of [summary, await readFile(join(out(), 'tables.md'), 'utf8'), server.comments[0]?.body ?? '']) {
      expect(text).toContain('**Table 1: Product list, filtered**');
      expect(text).toContain('**Table 2: Browsing mix**');
      expect(text).toContain('**Table 3: Team shopper**');
    }
    expect(server.comments).toHaveLength(1);
    expect(server.comments[0]!.body).toContain(commentMarker('default'));
  });

  it('leaves the folder the artifact takes: results, report and every cell with its Locust files', async () => {
    expect(stdout).toMatch(/::warning::The results artifact will not be uploaded/);
    const files = (await artifactFiles(out())).map((file) => file.slice(out().length + 1));
    expect(files).toEqual(expect.arrayContaining(['results.json', 'tables.md', 'report.html', 'pr-number.txt']));
    const cells = await readdir(join(out(), 'cells'));
    expect(cells.sort()).toEqual(results.cells.map((cell) => cell.id.replaceAll('/', '__')).sort());
    for (const cell of cells) {
      for (const file of [CELL_FILES.stats, CELL_FILES.history, CELL_FILES.html, CELL_FILES.runner, CELL_FILES.appLog]) {
        expect(files, `${cell}/${file}`).toContain(`cells/${cell}/${file}`);
      }
    }
  });

  it("a mix cell sends its routes by weight, a row each; the team's class runs from its own file", async () => {
    for (const setup of SETUPS) {
      const mix = await statsRows(join(out(), 'cells', `${setup}__browse__0ms`));
      const [list, detail] = [mix.get('list')!, mix.get('detail')!];
      expect(mix.get('Aggregated')).toBe(list + detail);
      // 3:1 over a few hundred requests: list's share within 0.6–0.9 (p = 0.75).
      expect(list / (list + detail), `${setup}: ${list} list, ${detail} detail`).toBeGreaterThan(0.6);
      expect(list / (list + detail)).toBeLessThan(0.9);
      const team = await statsRows(join(out(), 'cells', `${setup}__shopper__0ms`));
      expect([...team.keys()].sort()).toEqual(['Aggregated', 'shopper: detail', 'shopper: list']);
      expect(team.get('shopper: list')).toBeGreaterThan(0);
    }
  });

  it('leaves no containers of the run', () => {
    const left = execFileSync('docker', ['ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.Names}}'], {
      encoding: 'utf8',
    });
    expect(left.trim()).toBe('');
  });
});
