import { describe, expect, it } from 'vitest';
import { BUILT_IN_ROUTES } from '../../src/core/config/defaults.js';
import { GENERIC_USER_CLASS } from '../../src/core/config/specs.js';
import { describeCommand } from '../../src/stack/exec/command.js';
import { locustArgs } from '../../src/stack/locust-command.js';
import { Compose } from '../../src/stack/compose.js';
import { explainNetemFailure, netemAddArgs } from '../../src/stack/latency/netem.js';
import { latencyRequests, PROXIES } from '../../src/stack/latency/toxiproxy.js';

const v2 = new Compose(
  { command: 'docker', prefix: ['compose'], version: '2.26.1' },
  { name: 'ab-1', files: ['/a/compose.yml', '/o/setup.yml'], env: { X: '1' } },
);
const v1 = new Compose({ command: 'docker-compose', prefix: [], version: '1.29.2' }, { name: 'ab-1', files: ['/a/compose.yml'], env: {} });

describe('compose commands are argument arrays', () => {
  it('v2 puts the plugin word first, then project and files', () => {
    expect(v2.up(['app'], { recreate: true, noDeps: true })).toEqual({
      command: 'docker',
      args: [
        'compose',
        '--project-name',
        'ab-1',
        '--file',
        '/a/compose.yml',
        '--file',
        '/o/setup.yml',
        'up',
        '--detach',
        '--force-recreate',
        '--timeout',
        '0',
        '--no-deps',
        'app',
      ],
      env: { X: '1' },
    });
  });

  it('v1 is its own executable with the same arguments', () => {
    expect(v1.down()).toEqual({
      command: 'docker-compose',
      args: ['--project-name', 'ab-1', '--file', '/a/compose.yml', 'down', '--volumes', '--remove-orphans', '--timeout', '5'],
      env: {},
    });
  });

  it('a one-off run carries volumes and environment as separate arguments', () => {
    const command = v2.run('load', ['locust', '--version'], { volumes: ['/tmp/cell dir:/out'], env: { A: 'x y' } });
    expect(command.args.slice(7)).toEqual([
      'run',
      '--rm',
      '--no-deps',
      '-T',
      '--volume',
      '/tmp/cell dir:/out',
      '--env',
      'A=x y',
      'load',
      'locust',
      '--version',
    ]);
    expect(describeCommand(command)).toContain("'/tmp/cell dir:/out'");
  });

  it('exec never allocates a TTY (CI has none)', () => {
    expect(v2.exec('app', netemAddArgs(100)).args.slice(7)).toEqual([
      'exec',
      '-T',
      'app',
      'tc',
      'qdisc',
      'add',
      'dev',
      'eth0',
      'root',
      'netem',
      'delay',
      '100ms',
    ]);
  });
});

describe('netem', () => {
  it('builds the study command: tc qdisc add dev eth0 root netem delay <L>ms', () => {
    expect(netemAddArgs(200).join(' ')).toBe('tc qdisc add dev eth0 root netem delay 200ms');
  });

  it('explains a kernel without sch_netem, naming the module and the alternative', () => {
    const error = explainNetemFailure(2, 'Error: Specified qdisc kind is unknown.\n');
    expect(error.message).toMatch(/sch_netem module is missing/);
    expect(error.message).toMatch(/modprobe sch_netem/);
    expect(error.message).toMatch(/latency-method: toxiproxy/);
  });

  it('explains a missing NET_ADMIN capability', () => {
    expect(explainNetemFailure(2, 'RTNETLINK answers: Operation not permitted').message).toMatch(/NET_ADMIN capability/);
  });

  it('explains an image without tc', () => {
    expect(explainNetemFailure(127, 'exec: "tc": executable file not found in $PATH').message).toMatch(/install iproute2/);
  });
});

describe('toxiproxy requests', () => {
  const proxies = PROXIES;

  it("delays what the app sends: app→db upstream, app→client downstream, base's app alike", () => {
    const requests = latencyRequests(proxies, 100);
    expect(requests[0]).toEqual({ method: 'POST', path: '/reset' });
    expect(requests.slice(1)).toEqual([
      {
        method: 'POST',
        path: '/proxies/db_proxy/toxics',
        body: { name: 'latency', type: 'latency', stream: 'upstream', toxicity: 1, attributes: { latency: 100, jitter: 0 } },
      },
      {
        method: 'POST',
        path: '/proxies/app_proxy/toxics',
        body: { name: 'latency', type: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 100, jitter: 0 } },
      },
      {
        method: 'POST',
        path: '/proxies/app_base_proxy/toxics',
        body: { name: 'latency', type: 'latency', stream: 'downstream', toxicity: 1, attributes: { latency: 100, jitter: 0 } },
      },
    ]);
  });

  it('0 ms resets and adds nothing', () => {
    expect(latencyRequests(proxies, 0)).toEqual([{ method: 'POST', path: '/reset' }]);
  });
});

describe('locust arguments', () => {
  it('headless, ramp then hold, full-history CSVs, HTML and log into the cell folder; failures are data', () => {
    const ioRead = BUILT_IN_ROUTES.find((route) => route.name === 'io_read')!;
    const { args, env } = locustArgs(ioRead, { users: 500, spawnRate: 5, runTimeSeconds: 180, processes: 1 }, 'http://app:8000');
    expect(args).toEqual([
      '-f',
      '/locust/locustfile.py',
      '--headless',
      '--host',
      'http://app:8000',
      '--users',
      '500',
      '--spawn-rate',
      '5',
      '--run-time',
      '180s',
      '--stop-timeout',
      '5',
      '--csv',
      '/out/locust',
      '--csv-full-history',
      '--html',
      '/out/report.html',
      '--json-file',
      '/out/locust_final',
      '--logfile',
      '/out/locust.log',
      '--only-summary',
      '--exit-code-on-error',
      '0',
      'IoReadUser',
    ]);
    expect(JSON.parse(env.ASYNC_BENCH_ROUTE!)).toEqual({
      name: '/posts/io_read/',
      method: 'GET',
      path: [{ kind: 'text', text: '/posts/io_read/' }],
      query: [],
      headers: [],
      form: null,
      json: null,
      expect: [],
    });
  });

  it('several processes when configured; custom routes use the generic user', () => {
    const route = {
      name: 'search',
      title: 'Search',
      method: 'POST' as const,
      path: '/s/',
      query: {},
      headers: { Authorization: 'Bearer ${SEARCH_TOKEN}' },
      form: { q: '{choice:a,b}' },
      json: null,
      expect: [200],
      userClass: GENERIC_USER_CLASS,
    };
    const { args, env, passEnv } = locustArgs(route, { users: 10, spawnRate: 1, runTimeSeconds: 30, processes: 2 }, 'http://toxiproxy:18000');
    expect(args.slice(-3)).toEqual(['--processes', '2', 'RouteUser']);
    expect(JSON.parse(env.ASYNC_BENCH_ROUTE!)).toMatchObject({
      method: 'POST',
      form: [['q', [{ kind: 'choice', values: ['a', 'b'] }]]],
      headers: [
        [
          'Authorization',
          [
            { kind: 'text', text: 'Bearer ' },
            { kind: 'env', name: 'SEARCH_TOKEN' },
          ],
        ],
      ],
      expect: [200],
    });
    // The token goes by name: its value is in no argument of the command.
    expect(passEnv).toEqual(['SEARCH_TOKEN']);
  });
});
