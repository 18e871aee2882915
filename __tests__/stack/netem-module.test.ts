import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Command, CommandResult, Runner } from '../../src/stack/exec/command.js';
import { processRunner } from '../../src/stack/exec/runner.js';
import {
  explainNetemModule,
  modprobeCommand,
  netemModulePolicy,
  prepareNetemModule,
  readNetemHostFacts,
  type NetemHostFacts,
  type NetemModuleCause,
  type NetemModuleOutcome,
  type NetemModulePolicy,
} from '../../src/stack/latency/netem-module.js';
import { shortFallbackReason } from '../../src/core/report/latency.js';

const RELEASE = '6.8.0-1021-azure';
const PACKAGE = `linux-modules-extra-${RELEASE}`;

/** A GitHub-hosted ubuntu-24.04 runner: Azure kernel, user `runner` with passwordless sudo, netem not loaded. */
const runnerHost: NetemHostFacts = {
  platform: 'linux',
  release: RELEASE,
  root: false,
  procModules: 'overlay 212992 1 - Live 0x0000000000000000\nbr_netfilter 32768 0 - Live 0x0000000000000000\n',
  sysModule: false,
  modulesBuiltin: 'kernel/net/sched/sch_fifo.ko\nkernel/net/sched/sch_mq.ko\n',
};
const asRoot: NetemHostFacts = { ...runnerHost, root: true };
const install: NetemModulePolicy = { install: true, aptUpdateSeconds: 120, aptInstallSeconds: 300 };
const noInstall: NetemModulePolicy = { ...install, install: false };

const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '' });
const failed = (exitCode: number, stderr: string, stdout = ''): CommandResult => ({ exitCode, stdout, stderr });

// Outputs as the tools print them (modprobe/kmod 31, apt 2.7, sudo 1.9, coreutils timeout).
const MODULE_NOT_FOUND = failed(1, `modprobe: FATAL: Module sch_netem not found in directory /lib/modules/${RELEASE}\n`);
const SUDO_PASSWORD = failed(1, 'sudo: a password is required\n');
const NO_SUDO = failed(
  127,
  'Unable to locate executable file: sudo. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable.\n',
);
const PACKAGE_NOT_FOUND = failed(
  100,
  `E: Unable to locate package ${PACKAGE}\nE: Couldn't find any package by glob '${PACKAGE}'\nE: Couldn't find any package by regex '${PACKAGE}'\n`,
  'Reading package lists...\nBuilding dependency tree...\nReading state information...\n',
);
const TIMEOUT_TERM = failed(124, '');
const TIMEOUT_KILL = failed(137, '');

/** Replays recorded results in order and records every command; more commands than results is a test failure. */
function recorded(...results: CommandResult[]): { run: Runner; commands: Command[] } {
  const commands: Command[] = [];
  const run: Runner = async (command) => {
    commands.push(command);
    const result = results[commands.length - 1];
    if (!result) throw new Error(`unexpected command: ${command.command} ${command.args.join(' ')}`);
    return result;
  };
  return { run, commands };
}

async function prepare(facts: NetemHostFacts, policy: NetemModulePolicy, ...results: CommandResult[]) {
  const { run, commands } = recorded(...results);
  const log: string[] = [];
  const outcome = await prepareNetemModule(run, facts, policy, (line) => log.push(line));
  return { outcome, argv: commands.map((c) => [c.command, ...c.args]), log };
}

const explanation = (outcome: NetemModuleOutcome): string => {
  if (outcome.ready) throw new Error(`expected a failure, got ${outcome.how}`);
  return outcome.explanation;
};

const MODPROBE_SUDO = ['sudo', '-n', 'modprobe', 'sch_netem'];
const APT_UPDATE_SUDO = ['sudo', '-n', 'timeout', '--kill-after=10s', '120s', 'apt-get', '-o', 'DPkg::Lock::Timeout=60', 'update'];
const APT_INSTALL_SUDO = [
  'sudo',
  '-n',
  'timeout',
  '--kill-after=10s',
  '300s',
  'apt-get',
  '-o',
  'DPkg::Lock::Timeout=60',
  'install',
  '-y',
  '--no-install-recommends',
  PACKAGE,
];

describe('preparing sch_netem: no command when there is nothing to do', () => {
  it('already loaded (listed in /proc/modules)', async () => {
    const { outcome, argv, log } = await prepare(
      { ...runnerHost, procModules: `${runnerHost.procModules}sch_netem 24576 0 - Live 0xffffffffc0a3e000\n`, sysModule: true },
      install,
    );
    expect(outcome).toEqual({ ready: true, how: 'already loaded' });
    expect(argv).toEqual([]);
    expect(log).toEqual([`sch_netem is already loaded (listed in /proc/modules of kernel ${RELEASE}).`]);
  });

  it('built in: listed in modules.builtin, or in /sys/module without being loaded', async () => {
    const listed = await prepare({ ...runnerHost, modulesBuiltin: 'kernel/net/sched/sch_netem.ko\n' }, install);
    expect(listed.outcome).toEqual({ ready: true, how: 'built in' });
    expect(listed.argv).toEqual([]);
    const sysfs = await prepare({ ...runnerHost, sysModule: true, modulesBuiltin: null }, install);
    expect(sysfs.outcome).toEqual({ ready: true, how: 'built in' });
    expect(sysfs.argv).toEqual([]);
  });

  it('a module of a similar name is not netem', async () => {
    const { argv } = await prepare(
      { ...runnerHost, procModules: 'sch_netem_extra 1 0 - Live 0x0\n', modulesBuiltin: 'kernel/net/sched/xsch_netem.ko\n' },
      install,
      ok(),
    );
    expect(argv).toEqual([MODPROBE_SUDO]);
  });

  it('not Linux: nothing to load on the host; the explanation names the platform and the alternative', async () => {
    const { outcome, argv } = await prepare({ ...runnerHost, platform: 'darwin' }, install);
    expect(argv).toEqual([]);
    expect(outcome).toMatchObject({ ready: false, cause: 'not-linux' });
    expect(explanation(outcome)).toMatch(/^the host is darwin, not Linux, so async-bench cannot load sch_netem\. .*Docker Desktop.*latency-method: toxiproxy/);
  });

  it('a kernel without loadable modules (no /proc/modules, as on our machines): nothing to run', async () => {
    const { outcome, argv } = await prepare({ ...runnerHost, procModules: null, modulesBuiltin: null }, install);
    expect(argv).toEqual([]);
    expect(outcome).toMatchObject({ ready: false, cause: 'no-module-support' });
    expect(explanation(outcome)).toMatch(new RegExp(`^kernel ${RELEASE} cannot load modules .*CONFIG_NET_SCH_NETEM=y.*latency-method: toxiproxy`));
  });
});

describe('preparing sch_netem: loading', () => {
  it('loads an installed module through sudo -n when not root', async () => {
    const { outcome, argv, log } = await prepare(runnerHost, install, ok());
    expect(outcome).toEqual({ ready: true, how: 'loaded' });
    expect(argv).toEqual([MODPROBE_SUDO]);
    expect(log).toEqual([`sch_netem is not loaded in kernel ${RELEASE}; loading it: sudo -n modprobe sch_netem`, 'sch_netem loaded.']);
  });

  it('runs modprobe directly as root', async () => {
    const { argv } = await prepare(asRoot, install, ok());
    expect(argv).toEqual([['modprobe', 'sch_netem']]);
  });

  it('sudo needs a password: stops at once, quoting sudo and saying how to load it by hand', async () => {
    const { outcome, argv } = await prepare(runnerHost, install, SUDO_PASSWORD);
    expect(argv).toEqual([MODPROBE_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'sudo-refused' });
    const text = explanation(outcome);
    expect(text).toMatch(/^loading sch_netem needs root and sudo refused without a password\. sudo said "sudo: a password is required"/);
    expect(text).toContain('"sudo -n modprobe sch_netem" and never prompts');
    expect(text).toContain('run "sudo modprobe sch_netem" yourself first');
    expect(text).toMatch(/latency-method: toxiproxy/);
  });

  it('no sudo at all (the Runner reports the missing executable as 127)', async () => {
    const { outcome, argv } = await prepare(runnerHost, install, NO_SUDO);
    expect(argv).toEqual([MODPROBE_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'no-sudo' });
    expect(explanation(outcome)).toMatch(
      /^loading sch_netem needs root and sudo is not installed\. Run "modprobe sch_netem" as root.*latency-method: toxiproxy/,
    );
  });

  it('root in a container without CAP_SYS_MODULE: the host has to load it', async () => {
    const { outcome } = await prepare(asRoot, install, failed(1, "modprobe: ERROR: could not insert 'sch_netem': Operation not permitted\n"));
    expect(outcome).toMatchObject({ ready: false, cause: 'load-refused' });
    expect(explanation(outcome)).toMatch(
      /modprobe said "modprobe: ERROR: could not insert 'sch_netem': Operation not permitted": inside a container the host must load it/,
    );
  });

  it("no modprobe: as root (127 from the Runner) and through sudo (sudo's own message)", async () => {
    const root = await prepare(asRoot, install, failed(127, 'Unable to locate executable file: modprobe.\n'));
    expect(root.outcome).toMatchObject({ ready: false, cause: 'no-modprobe' });
    const sudo = await prepare(runnerHost, install, failed(1, 'sudo: modprobe: command not found\n'));
    expect(sudo.outcome).toMatchObject({ ready: false, cause: 'no-modprobe' });
    expect(explanation(sudo.outcome)).toMatch(/The system said "sudo: modprobe: command not found"; install kmod/);
  });
});

describe("preparing sch_netem: installing the kernel's modules-extra package", () => {
  it('module missing: apt-get update, apt-get install linux-modules-extra-<release>, modprobe again', async () => {
    const { outcome, argv, log } = await prepare(runnerHost, install, MODULE_NOT_FOUND, ok('Reading package lists...\n'), ok('Setting up ...\n'), ok());
    expect(outcome).toEqual({ ready: true, how: 'installed and loaded' });
    expect(argv).toEqual([MODPROBE_SUDO, APT_UPDATE_SUDO, APT_INSTALL_SUDO, MODPROBE_SUDO]);
    expect(log).toEqual([
      `sch_netem is not loaded in kernel ${RELEASE}; loading it: sudo -n modprobe sch_netem`,
      `sch_netem is not installed for kernel ${RELEASE}; installing ${PACKAGE}. ${APT_UPDATE_SUDO.join(' ')}`,
      APT_INSTALL_SUDO.join(' '),
      `${PACKAGE} installed; loading sch_netem: sudo -n modprobe sch_netem`,
      'sch_netem loaded.',
    ]);
  });

  it('as root, without sudo', async () => {
    const { argv } = await prepare(asRoot, install, MODULE_NOT_FOUND, ok(), ok(), ok());
    expect(argv).toEqual([['modprobe', 'sch_netem'], APT_UPDATE_SUDO.slice(2), APT_INSTALL_SUDO.slice(2), ['modprobe', 'sch_netem']]);
  });

  it('apt has no package for this kernel (image older than the mirror): quotes apt, names package and kernel', async () => {
    const { outcome, argv } = await prepare(runnerHost, install, MODULE_NOT_FOUND, ok(), PACKAGE_NOT_FOUND);
    expect(argv).toEqual([MODPROBE_SUDO, APT_UPDATE_SUDO, APT_INSTALL_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'package-not-found' });
    const text = explanation(outcome);
    expect(text).toMatch(
      new RegExp(
        `^sch_netem is not installed for kernel ${RELEASE} and apt has no package ${PACKAGE}\\. apt-get said "E: Unable to locate package ${PACKAGE}"`,
      ),
    );
    expect(text).toMatch(/latency-method: toxiproxy/);
    expect(shortFallbackReason(text)).toBe(`sch_netem is not installed for kernel ${RELEASE} and apt has no package ${PACKAGE}`);
  });

  it('"has no installation candidate" is the same case', async () => {
    const { outcome } = await prepare(runnerHost, install, MODULE_NOT_FOUND, ok(), failed(100, `E: Package '${PACKAGE}' has no installation candidate\n`));
    expect(outcome).toMatchObject({ ready: false, cause: 'package-not-found' });
  });

  it('apt-get update times out (hung mirror): stops there, saying which step and how long', async () => {
    const { outcome, argv } = await prepare(runnerHost, install, MODULE_NOT_FOUND, TIMEOUT_TERM);
    expect(argv).toEqual([MODPROBE_SUDO, APT_UPDATE_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'apt-timeout' });
    expect(explanation(outcome)).toMatch(
      new RegExp(
        `^apt-get update did not finish within 120 s, so ${PACKAGE} \\(with sch_netem\\) was not installed\\. The package mirror is slow or hung.*latency-method: toxiproxy`,
      ),
    );
  });

  it('apt-get install killed after its timeout (137)', async () => {
    const { outcome, argv } = await prepare(runnerHost, install, MODULE_NOT_FOUND, ok(), TIMEOUT_KILL);
    expect(argv).toEqual([MODPROBE_SUDO, APT_UPDATE_SUDO, APT_INSTALL_SUDO]);
    expect(explanation(outcome)).toMatch(/^apt-get install did not finish within 300 s/);
  });

  it('a failed update (one broken list) still tries the install from the lists the machine has', async () => {
    const { outcome, argv, log } = await prepare(
      runnerHost,
      install,
      MODULE_NOT_FOUND,
      failed(
        100,
        'W: Failed to fetch https://packages.example/dists/noble/InRelease  403  Forbidden\nE: Some index files failed to download. They have been ignored, or old ones used instead.\n',
      ),
      ok(),
      ok(),
    );
    expect(outcome).toEqual({ ready: true, how: 'installed and loaded' });
    expect(argv).toHaveLength(4);
    expect(log).toContain(
      'apt-get update failed (exit 100: W: Failed to fetch https://packages.example/dists/noble/InRelease  403  Forbidden); installing from the package lists the machine has.',
    );
  });

  it('sudo allowed modprobe but refuses apt-get', async () => {
    const { outcome, argv } = await prepare(runnerHost, install, MODULE_NOT_FOUND, SUDO_PASSWORD);
    expect(argv).toEqual([MODPROBE_SUDO, APT_UPDATE_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'sudo-refused' });
    expect(explanation(outcome)).toContain('async-bench runs "sudo -n timeout --kill-after=10s 120s apt-get');
  });

  it("any other apt failure quotes apt's error", async () => {
    const { outcome } = await prepare(runnerHost, install, MODULE_NOT_FOUND, ok(), failed(100, 'E: Sub-process /usr/bin/dpkg returned an error code (1)\n'));
    expect(outcome).toMatchObject({ ready: false, cause: 'apt-failed' });
    expect(explanation(outcome)).toMatch(
      new RegExp(
        `^installing ${PACKAGE} \\(with sch_netem\\) failed \\(exit 100\\)\\. apt-get said "E: Sub-process /usr/bin/dpkg returned an error code \\(1\\)"`,
      ),
    );
  });

  it("installed but modprobe still fails: says so, with modprobe's words", async () => {
    const { outcome, argv } = await prepare(
      runnerHost,
      install,
      MODULE_NOT_FOUND,
      ok(),
      ok(),
      failed(1, "modprobe: ERROR: could not insert 'sch_netem': Exec format error\n"),
    );
    expect(argv).toEqual([MODPROBE_SUDO, APT_UPDATE_SUDO, APT_INSTALL_SUDO, MODPROBE_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'load-failed' });
    expect(explanation(outcome)).toMatch(
      /^"modprobe sch_netem" failed on kernel 6\.8\.0-1021-azure \(exit 1\)\. modprobe said "modprobe: ERROR: could not insert 'sch_netem': Exec format error"/,
    );
  });

  it('without permission to install (CLI, auto, off GitHub): one modprobe, then the command to run', async () => {
    const { outcome, argv } = await prepare(runnerHost, noInstall, MODULE_NOT_FOUND);
    expect(argv).toEqual([MODPROBE_SUDO]);
    expect(outcome).toMatchObject({ ready: false, cause: 'not-installed' });
    expect(explanation(outcome)).toBe(
      `sch_netem is not installed for kernel ${RELEASE}. Install it with "sudo apt-get install ${PACKAGE}" (Ubuntu), or set latency-method: netem, which lets async-bench install it. ` +
        'Use latency-method: toxiproxy (or auto, which falls back to it).',
    );
  });
});

describe('every explanation', () => {
  const causes: NetemModuleCause[] = [
    'not-linux',
    'no-module-support',
    'no-sudo',
    'sudo-refused',
    'no-modprobe',
    'load-refused',
    'not-installed',
    'package-not-found',
    'apt-timeout',
    'apt-failed',
    'load-failed',
  ];
  it.each(causes)('%s: names sch_netem, starts with a short cause, ends with the alternative', (cause) => {
    const text = explainNetemModule(cause, { facts: runnerHost, policy: install, command: modprobeCommand(runnerHost), result: failed(1, 'x\n') });
    expect(text).toContain('sch_netem');
    expect(shortFallbackReason(text).length).toBeLessThan(140);
    expect(text.endsWith('Use latency-method: toxiproxy (or auto, which falls back to it).')).toBe(true);
  });
});

describe('who may install a package', () => {
  it('a GitHub Actions runner always (the action, or the CLI in a workflow); elsewhere only when netem was asked for', () => {
    expect(netemModulePolicy('auto', { GITHUB_ACTIONS: 'true' }).install).toBe(true);
    expect(netemModulePolicy('netem', { GITHUB_ACTIONS: 'true' }).install).toBe(true);
    expect(netemModulePolicy('auto', {}).install).toBe(false);
    expect(netemModulePolicy('netem', {}).install).toBe(true);
    expect(netemModulePolicy('auto', {})).toMatchObject({ aptUpdateSeconds: 120, aptInstallSeconds: 300 });
  });
});

describe('reading the host', () => {
  const made: string[] = [];
  afterEach(async () => {
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('reads /proc/modules, /sys/module/sch_netem and modules.builtin under the given root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netem-host-'));
    made.push(root);
    await mkdir(join(root, 'proc'));
    await writeFile(join(root, 'proc/modules'), 'sch_netem 24576 0 - Live 0x0\n');
    await mkdir(join(root, 'sys/module/sch_netem'), { recursive: true });
    await mkdir(join(root, 'lib/modules', RELEASE), { recursive: true });
    await writeFile(join(root, 'lib/modules', RELEASE, 'modules.builtin'), 'kernel/net/sched/sch_fifo.ko\n');
    expect(await readNetemHostFacts({ fsRoot: root, platform: 'linux', release: RELEASE, uid: 1001 })).toEqual({
      platform: 'linux',
      release: RELEASE,
      root: false,
      procModules: 'sch_netem 24576 0 - Live 0x0\n',
      sysModule: true,
      modulesBuiltin: 'kernel/net/sched/sch_fifo.ko\n',
    });
  });

  it('missing files read as null / false', async () => {
    const root = await mkdtemp(join(tmpdir(), 'netem-host-'));
    made.push(root);
    expect(await readNetemHostFacts({ fsRoot: root, platform: 'linux', release: RELEASE, uid: 0 })).toMatchObject({
      root: true,
      procModules: null,
      sysModule: false,
      modulesBuiltin: null,
    });
  });
});

/** The first directory on PATH that holds coreutils' timeout. */
const timeoutDir = process.env.PATH?.split(':').find((dir) => dir && existsSync(join(dir, 'timeout')));

describe('through the real process runner, with stand-in executables', () => {
  const made: string[] = [];
  afterEach(async () => {
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function binWith(scripts: Record<string, string>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'netem-bin-'));
    made.push(dir);
    for (const [name, body] of Object.entries(scripts)) {
      await writeFile(join(dir, name), `#!/bin/sh\n${body}\n`);
      await chmod(join(dir, name), 0o755);
    }
    return dir;
  }

  const runIn = (path: string): Runner => {
    const runner = processRunner({ write: () => undefined });
    return (command, options) => runner({ ...command, env: { ...command.env, PATH: path } }, options);
  };

  it('no sudo on PATH reads as "sudo is not installed"', async () => {
    const empty = await binWith({});
    const saved = process.env.PATH;
    process.env.PATH = empty; // @actions/exec looks executables up on this process's PATH
    try {
      const outcome = await prepareNetemModule(runIn(empty), runnerHost, install, () => undefined);
      expect(outcome).toMatchObject({ ready: false, cause: 'no-sudo' });
    } finally {
      process.env.PATH = saved;
    }
  });

  it.runIf(timeoutDir)('a hung apt-get update is stopped by timeout and explained', async () => {
    const bin = await binWith({
      modprobe: `echo "modprobe: FATAL: Module sch_netem not found in directory /lib/modules/${RELEASE}" >&2; exit 1`,
      'apt-get': 'exec sleep 30',
    });
    const path = `${bin}:${timeoutDir}`;
    const saved = process.env.PATH;
    process.env.PATH = path;
    const started = Date.now();
    try {
      const outcome = await prepareNetemModule(runIn(path), asRoot, { install: true, aptUpdateSeconds: 1, aptInstallSeconds: 1 }, () => undefined);
      expect(outcome).toMatchObject({ ready: false, cause: 'apt-timeout' });
      expect(explanation(outcome)).toMatch(/^apt-get update did not finish within 1 s/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      process.env.PATH = saved;
    }
  });
});
