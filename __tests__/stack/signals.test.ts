import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverWorkers } from '../../src/core/config/server-command.js';
import type { Command, CommandResult, Runner } from '../../src/stack/exec/command.js';
import { CGROUP_FILES, cgroupDumpArgv, parseCgroupFiles, parseHeadDump, withCgroupDumpAfter } from '../../src/stack/signals/cgroup.js';
import { closeWindowStatements, openWindowStatements, parseDatabaseReading } from '../../src/stack/signals/sql.js';
import { LOAD_CGROUP_DUMP, parseProjectContainers, projectContainersCommand, SignalsWindow } from '../../src/stack/signals/collect.js';
import { RawSignalsSchema } from '../../src/core/ingest/signals.js';
import { fixture } from '../helpers/fixtures.js';

const cgroupFixture = (...parts: string[]) => readFile(fixture('cgroup', ...parts), 'utf8');

describe('cgroup readings', () => {
  it('v1 (captured here): cpuacct.usage in ns → µs, memory.max_usage_in_bytes as the peak', async () => {
    const files = parseHeadDump(await cgroupFixture('v1', 'head-dump.txt'));
    expect(Object.keys(files)).toEqual([CGROUP_FILES.v1Cpu, CGROUP_FILES.v1Peak]);
    expect(parseCgroupFiles(files)).toEqual({ version: 'v1', cpuUsec: 1096888.421, peakBytes: 85815296 });
  });

  it('v1 through psql (the db container): the same files as JSON, missing ones null', async () => {
    const reading = parseDatabaseReading(await cgroupFixture('v1', 'psql-files.txt'));
    expect(reading.statements).toBeNull();
    expect(reading.files[CGROUP_FILES.v2Cpu]).toBeNull();
    expect(parseCgroupFiles(reading.files)).toEqual({ version: 'v1', cpuUsec: 1116607.078, peakBytes: 85815296 });
  });

  it("v2 (the kernel's documented format): cpu.stat's usage_usec, memory.peak", async () => {
    const files = parseHeadDump(await cgroupFixture('v2', 'head-dump.txt'));
    expect(parseCgroupFiles(files)).toEqual({ version: 'v2', cpuUsec: 4816207, peakBytes: 71962624 });
    // The same files read one by one, as pg_read_file gives them to the db reading.
    const single = { [CGROUP_FILES.v2Cpu]: await cgroupFixture('v2', 'cpu.stat'), [CGROUP_FILES.v2Peak]: await cgroupFixture('v2', 'memory.peak') };
    expect(parseCgroupFiles(single)).toEqual({ version: 'v2', cpuUsec: 4816207, peakBytes: 71962624 });
  });

  it('v2 as a real kernel writes it (captured: 6.18, an app container under load): usage_usec among four keys, a window a delta', async () => {
    const before = await cgroupFixture('v2-captured', 'cpu.stat.before');
    const after = await cgroupFixture('v2-captured', 'cpu.stat.after');
    // No memory controller in that hierarchy: no memory.peak file, so the peak is unknown and the CPU still counts.
    const read = (text: string) => parseCgroupFiles({ [CGROUP_FILES.v2Cpu]: text });
    expect(read(before)).toEqual({ version: 'v2', cpuUsec: 21088186, peakBytes: null });
    expect(read(after).cpuUsec - read(before).cpuUsec).toBe(27193206 - 21088186);
  });

  it('v2 without memory.peak (kernels before 5.19): CPU still, peak unknown; keys in any order', () => {
    const files = { [CGROUP_FILES.v2Cpu]: 'core_sched.force_idle_usec 0\nsystem_usec 10\nusage_usec 35\nuser_usec 25\n' };
    expect(parseCgroupFiles(files)).toEqual({ version: 'v2', cpuUsec: 35, peakBytes: null });
  });

  it('refuses what is not a counter, naming the file', () => {
    expect(() => parseCgroupFiles({})).toThrow(/neither \/sys\/fs\/cgroup\/cpu\.stat \(cgroup v2\) nor \/sys\/fs\/cgroup\/cpuacct\/cpuacct\.usage/);
    expect(() => parseCgroupFiles({ [CGROUP_FILES.v2Cpu]: 'user_usec 3\n' })).toThrow(/cpu\.stat has no usage_usec line/);
    expect(() => parseCgroupFiles({ [CGROUP_FILES.v1Cpu]: 'max\n' })).toThrow(/cpuacct\.usage reads "max"; expected a whole number/);
  });

  it('one head for both hierarchies, headers even for one file', () => {
    expect(cgroupDumpArgv()).toEqual(['head', '-v', '-n', '64', ...Object.values(CGROUP_FILES)]);
  });
});

describe("the load container's wrapper, run by a real shell", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signals-wrapper-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("keeps Locust's exit code and arguments, then dumps the cgroup files", async () => {
    const dump = join(dir, LOAD_CGROUP_DUMP);
    const [command, ...args] = withCgroupDumpAfter(['sh', '-c', 'echo "$1 $2" > "$3"; exit 3', 'x', 'a b', "c'd", join(dir, 'argv')], dump);
    const failure = await promisify(execFile)(command!, args).catch((error: { code: number }) => error);
    expect((failure as { code: number }).code).toBe(3);
    expect(await readFile(join(dir, 'argv'), 'utf8')).toBe("a b c'd\n");
    // Whatever this machine's hierarchy, the dump is head's output of the files it has (maybe none).
    const text = await readFile(dump, 'utf8');
    for (const path of Object.keys(parseHeadDump(text))) expect(Object.values(CGROUP_FILES)).toContain(path);
  });
});

describe('the database reading', () => {
  it('opens: the extension made sure of, the counters reset, then the cgroup and the connections read', () => {
    const [create, reset, read] = openWindowStatements({ database: "b'ench", user: 'postgres' });
    expect(create).toBe('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    expect(reset).toBe('SELECT pg_stat_statements_reset()');
    expect(read).toContain(`pg_read_file('${CGROUP_FILES.v1Cpu}', 0, 65536, true)`);
    expect(read).toMatch(
      /'sessions', to_jsonb\(d\) -> 'sessions', 'backends', d\.numbackends, 'sessionMs', to_jsonb\(d\) -> 'session_time'\)\s+FROM pg_stat_database d WHERE d\.datname = 'b''ench'/,
    );
  });

  it("closes: only the app's database and user, top-level statements; the connections of the app's database", () => {
    const [read] = closeWindowStatements({ database: 'bench', user: "o'brien" });
    expect(read).toMatch(/WHERE d\.datname = 'bench' AND r\.rolname = 'o''brien' AND s\.toplevel/);
    expect(read).toMatch(/FROM pg_stat_database d WHERE d\.datname = 'bench'/);
  });

  it('reads the connections; null where the server has no sessions counter or the database is missing', () => {
    const files = {};
    const connections = { sessions: 7, backends: 2, sessionMs: 1234.5 };
    expect(parseDatabaseReading(JSON.stringify({ files, connections })).connections).toEqual(connections);
    expect(parseDatabaseReading(JSON.stringify({ files, connections: { sessions: null, backends: 2, sessionMs: null } })).connections).toBeNull();
    expect(parseDatabaseReading(JSON.stringify({ files, connections: null })).connections).toBeNull();
    expect(parseDatabaseReading(JSON.stringify({ files })).connections).toBeNull();
    expect(() => parseDatabaseReading(JSON.stringify({ files, connections: { ...connections, sessions: 1.5 } }))).toThrow(
      /pg_stat_database's connections are {"sessions":1.5,"backends":2,"sessionMs":1234.5}; expected sessions, backends and sessionMs/,
    );
    expect(() => parseDatabaseReading(JSON.stringify({ files, connections: { sessions: 1, backends: 2 } }))).toThrow(
      /expected sessions, backends and sessionMs/,
    );
  });

  it("parses psql's last line; the reset's own output before it is skipped", () => {
    const line = JSON.stringify({
      files: { [CGROUP_FILES.v1Cpu]: '5000\n', [CGROUP_FILES.v2Cpu]: null },
      statements: [{ query: 'SELECT $1', calls: 3, rows: 3, totalMs: 0.25 }],
    });
    const reading = parseDatabaseReading(`2026-12-07 04:26:03.089109+00\n${line}\n`);
    expect(reading.statements).toEqual([{ query: 'SELECT $1', calls: 3, rows: 3, totalMs: 0.25 }]);
    expect(reading.files).toEqual({ [CGROUP_FILES.v1Cpu]: '5000\n', [CGROUP_FILES.v2Cpu]: null });
  });

  it('refuses output that is not the reading, saying what it got', () => {
    expect(() => parseDatabaseReading('ERROR: relation "pg_stat_statements" does not exist')).toThrow(
      /psql printed "ERROR: relation.*expected one JSON object/,
    );
    expect(() => parseDatabaseReading('{"statements": []}')).toThrow(/expected an object with "files"/);
    expect(() => parseDatabaseReading('{"files": {}, "statements": [{"query": "x", "calls": -1, "rows": 0, "totalMs": 0}]}')).toThrow(
      /statement 0 of pg_stat_statements.*expected query, calls and rows/,
    );
  });
});

describe('finding the containers', () => {
  it('one docker ps for the project, by label', () => {
    expect(projectContainersCommand('async-bench-7').args).toEqual([
      'ps',
      '--no-trunc',
      '--filter',
      'label=com.docker.compose.project=async-bench-7',
      '--format',
      '{{.Label "com.docker.compose.service"}} {{.ID}}',
    ]);
    expect(parseProjectContainers('db 111\napp 222\n\ntoxiproxy 333\n')).toEqual(
      new Map([
        ['db', '111'],
        ['app', '222'],
        ['toxiproxy', '333'],
      ]),
    );
  });
});

describe('serverWorkers: the processes a setup starts', () => {
  it.each([
    [['gunicorn', '--workers', '5', '--bind', '0.0.0.0:8000', 'app.wsgi'], 5],
    [['gunicorn', '--workers=3', 'app.wsgi'], 3],
    [['python', '-m', 'gunicorn', '-w', '2', 'app.wsgi'], 2],
    [['gunicorn', '--bind', '0.0.0.0:8000', 'app.wsgi'], 1],
    [['/venv/bin/uvicorn', 'app.asgi:application'], 1],
    [['gunicorn', '--workers', '{workers}', 'app.wsgi'], null],
    [['./serve.sh'], null],
  ])('%j → %j', (argv, workers) => {
    expect(serverWorkers(argv)).toBe(workers);
  });
});

/** A runner standing in for docker: answers by the command's first arguments, records every call. */
function scripted(answers: (command: Command) => CommandResult): { run: Runner; calls: Command[] } {
  const calls: Command[] = [];
  return {
    calls,
    run: (command) => {
      calls.push(command);
      return Promise.resolve(answers(command));
    },
  };
}

describe('SignalsWindow: what cannot be read is null and a warning, never a lost sample', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signals-window-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  const target = { projectName: 'p', scope: { database: 'bench', user: 'postgres' }, workers: 2, loadCpus: 1, appService: 'app' };
  const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

  it('reads every counter at both edges and removes the load dump', async () => {
    let [edge, appEdge] = [0, 0];
    const files = (usec: number) => ({ [CGROUP_FILES.v1Cpu]: `${usec * 1000}\n`, [CGROUP_FILES.v1Peak]: '9000\n' });
    const { run, calls } = scripted((command) => {
      if (command.args[0] === 'ps') return ok('db D1\napp A1\n');
      if (command.args.includes('psql')) {
        edge += 1;
        return ok(
          edge === 1
            ? `\n${JSON.stringify({ files: files(100), connections: { sessions: 5, backends: 2, sessionMs: 300 } })}`
            : JSON.stringify({
                files: files(400),
                connections: { sessions: 45, backends: 0, sessionMs: 900.5 },
                statements: [{ query: 'SELECT 1', calls: 2, rows: 2, totalMs: 1 }],
              }),
        );
      }
      appEdge += 1;
      return ok(`==> ${CGROUP_FILES.v1Cpu} <==\n${appEdge === 1 ? 10_000 : 250_000}\n\n==> ${CGROUP_FILES.v1Peak} <==\n123456\n`);
    });
    const window = await SignalsWindow.open(run, target);
    await writeFile(join(dir, LOAD_CGROUP_DUMP), `==> ${CGROUP_FILES.v2Cpu} <==\nusage_usec 700\n`);
    const raw = await window.close(dir, { drained: true });
    expect(RawSignalsSchema.parse(JSON.parse(await readFile(join(dir, 'signals.json'), 'utf8')))).toEqual(raw);
    expect(raw).toMatchObject({
      cgroup: 'v1',
      sql: { statements: [{ query: 'SELECT 1', calls: 2, rows: 2, totalMs: 1 }] },
      cpu: { app: { startUsec: 10, endUsec: 250 }, db: { startUsec: 100, endUsec: 400 }, load: { usageUsec: 700, cpus: 1 } },
      memory: { appPeakBytes: 123456, workers: 2 },
      connections: { start: { sessions: 5, backends: 2, sessionMs: 300 }, end: { sessions: 45, backends: 0, sessionMs: 900.5 } },
      warnings: [],
    });
    expect(calls.filter((call) => call.args[0] === 'exec').map((call) => call.args[1])).toEqual(['D1', 'A1', 'D1', 'A1']);
    await expect(readFile(join(dir, LOAD_CGROUP_DUMP))).rejects.toThrow(/ENOENT/);
  });

  it('a server without the sessions counter: no connections, with the reason; the rest still read', async () => {
    const { run } = scripted((command) => {
      if (command.args[0] === 'ps') return ok('db D1\n');
      if (command.args.includes('psql'))
        return ok(JSON.stringify({ files: {}, connections: { sessions: null, backends: 0, sessionMs: null }, statements: [] }));
      return ok('');
    });
    const raw = await (await SignalsWindow.open(run, target)).close(dir, { drained: true });
    expect(raw.connections).toBeNull();
    expect(raw.sql).toEqual({ statements: [] });
    expect(raw.warnings).toContain("The app database's connections were not read (pg_stat_database has no sessions before PostgreSQL 14).");
  });

  it('a failed reset leaves no SQL (a count from an unreset window would be wrong), with the reason', async () => {
    const { run } = scripted((command) => {
      if (command.args[0] === 'ps') return ok('db D1\n');
      if (command.args.includes('psql')) return { exitCode: 1, stdout: '', stderr: 'ERROR:  could not access file "pg_stat_statements"' };
      return ok('');
    });
    const window = await SignalsWindow.open(run, target);
    const raw = await window.close(dir, { drained: null });
    expect(raw.sql).toBeNull();
    expect(raw.connections).toBeNull();
    expect(raw.cpu).toEqual({ app: null, db: null, load: null });
    expect(raw.warnings.join('\n')).toMatch(
      /counters were not reset at the window's start: psql exited 1: ERROR: {2}could not access file "pg_stat_statements"/,
    );
    expect(raw.warnings.join('\n')).toMatch(/app container's cgroup was not read at the window's start: no running app container/);
    expect(raw.warnings.join('\n')).toMatch(/load container's cgroup was not read: the load container left no load-cgroup\.txt/);
  });
});
