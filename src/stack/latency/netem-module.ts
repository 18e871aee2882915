/**
 * Gets the kernel's sch_netem module loaded on the host before the netem preflight.
 * GitHub's Ubuntu runners run an Azure kernel (`6.8.0-1021-azure`) whose sch_netem
 * ships in `linux-modules-extra-<release>`: often not installed, rarely loaded.
 * Every command is data run through the Runner; each step's outcome is read from
 * its exit code and output, so recorded outputs drive the tests.
 */
import { access, readFile } from 'node:fs/promises';
import { release as kernelRelease } from 'node:os';
import { join } from 'node:path';
import type { LatencyMethod } from '../../core/config/build.js';
import { describeCommand, type Command, type CommandResult, type Runner } from '../exec/command.js';
import { ALTERNATIVE } from './netem.js';

export const NETEM_MODULE = 'sch_netem';

/** What the host tells without running anything. */
export interface NetemHostFacts {
  /** `process.platform`: modules are a Linux matter. */
  platform: string;
  /** `uname -r`: names the module folder and the package. */
  release: string;
  /** Root runs modprobe and apt-get directly; anyone else through `sudo -n`. */
  root: boolean;
  /** /proc/modules, or null when the kernel cannot load modules (or hides the list). */
  procModules: string | null;
  /** /sys/module/sch_netem exists: loaded, or built in with a sysfs entry. */
  sysModule: boolean;
  /** /lib/modules/<release>/modules.builtin, the list of modules compiled into the kernel. */
  modulesBuiltin: string | null;
}

export interface HostFactsSource {
  /** Where /proc, /sys and /lib/modules are (tests point this at a folder of their own). */
  fsRoot?: string;
  platform?: string;
  release?: string;
  uid?: number;
}

export async function readNetemHostFacts(source: HostFactsSource = {}): Promise<NetemHostFacts> {
  const fsRoot = source.fsRoot ?? '/';
  const release = source.release ?? kernelRelease();
  const read = (path: string) => readFile(join(fsRoot, path), 'utf8').catch(() => null);
  return {
    platform: source.platform ?? process.platform,
    release,
    root: (source.uid ?? process.getuid?.()) === 0,
    procModules: await read('proc/modules'),
    sysModule: await access(join(fsRoot, 'sys/module', NETEM_MODULE)).then(
      () => true,
      () => false,
    ),
    modulesBuiltin: await read(join('lib/modules', release, 'modules.builtin')),
  };
}

export const netemLoaded = (facts: NetemHostFacts): boolean => new RegExp(`^${NETEM_MODULE}\\s`, 'm').test(facts.procModules ?? '');

/** Built in: listed in modules.builtin, or in /sys/module without being a loaded module. */
export const netemBuiltIn = (facts: NetemHostFacts): boolean =>
  new RegExp(`(^|/)${NETEM_MODULE}\\.ko$`, 'm').test(facts.modulesBuiltin ?? '') || (facts.sysModule && !netemLoaded(facts));

export interface NetemModulePolicy {
  /** May install linux-modules-extra-<release> with apt (changes the machine). */
  install: boolean;
  aptUpdateSeconds: number;
  aptInstallSeconds: number;
}

/** Bounds for apt: a hung mirror must not hold the run (GitHub jobs default to 6 h). */
export const APT_UPDATE_SECONDS = 120;
export const APT_INSTALL_SECONDS = 300;

/**
 * Loading an installed module is always tried (`sudo -n` never prompts). Installing a
 * package changes the machine: done on a GitHub Actions runner (a throwaway VM), or
 * when the user asked for netem explicitly; a workstation under `auto` gets the
 * command to run instead, and Toxiproxy.
 */
export function netemModulePolicy(requested: LatencyMethod, env: NodeJS.ProcessEnv): NetemModulePolicy {
  return {
    install: env.GITHUB_ACTIONS === 'true' || requested === 'netem',
    aptUpdateSeconds: APT_UPDATE_SECONDS,
    aptInstallSeconds: APT_INSTALL_SECONDS,
  };
}

export const modulesExtraPackage = (release: string): string => `linux-modules-extra-${release}`;

/** Root runs it as is; anyone else through `sudo -n`, which fails instead of asking for a password. */
function asRoot(facts: NetemHostFacts, command: string, args: string[]): Command {
  return facts.root ? { command, args } : { command: 'sudo', args: ['-n', command, ...args] };
}

export const modprobeCommand = (facts: NetemHostFacts): Command => asRoot(facts, 'modprobe', [NETEM_MODULE]);

/** coreutils `timeout` bounds apt; KILL 10 s after TERM if apt ignores it. */
const bounded = (seconds: number, args: string[]): string[] => ['--kill-after=10s', `${seconds}s`, 'apt-get', ...args];
/** Waits for a dpkg lock held by another apt (unattended upgrades at boot) instead of failing at once. */
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=60'];

export const aptUpdateCommand = (facts: NetemHostFacts, seconds: number): Command => asRoot(facts, 'timeout', bounded(seconds, [...LOCK_WAIT, 'update']));

export const aptInstallCommand = (facts: NetemHostFacts, seconds: number): Command =>
  asRoot(facts, 'timeout', bounded(seconds, [...LOCK_WAIT, 'install', '-y', '--no-install-recommends', modulesExtraPackage(facts.release)]));

export type NetemModuleCause =
  | 'not-linux'
  | 'no-module-support'
  | 'no-sudo'
  | 'sudo-refused'
  | 'no-modprobe'
  | 'load-refused'
  | 'not-installed'
  | 'package-not-found'
  | 'apt-timeout'
  | 'apt-failed'
  | 'load-failed';

export type NetemModuleOutcome =
  { ready: true; how: 'already loaded' | 'built in' | 'loaded' | 'installed and loaded' } | { ready: false; cause: NetemModuleCause; explanation: string };

/** exit 124: `timeout` stopped the command with TERM; 137: with KILL after --kill-after. */
const TIMED_OUT = new Set([124, 137]);

const outputOf = (result: CommandResult): string => `${result.stdout}\n${result.stderr}`;

/** The line that says what went wrong: the first matching `pattern`, else the last non-empty line. */
function keyLine(output: string, pattern?: RegExp): string {
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (pattern && lines.find((line) => pattern.test(line))) ?? lines.at(-1) ?? '(no output)';
}

const SUDO_REFUSED = /^sudo: .*(password is required|terminal is required|not in the sudoers|not allowed to execute|may not run sudo)/m;

/** sudo's own refusal, when the command never ran. */
function sudoCause(facts: NetemHostFacts, result: CommandResult): 'no-sudo' | 'sudo-refused' | null {
  if (facts.root) return null;
  // The Runner reports a missing executable as 127 and names it (timeout's own 127 names apt-get).
  if (result.exitCode === 127 && /\bsudo\b/.test(outputOf(result))) return 'no-sudo';
  return SUDO_REFUSED.test(outputOf(result)) ? 'sudo-refused' : null;
}

type ModprobeReading = 'loaded' | Exclude<NetemModuleCause, 'not-linux' | 'no-module-support' | 'package-not-found' | 'apt-timeout' | 'apt-failed'>;

export function readModprobe(facts: NetemHostFacts, result: CommandResult): ModprobeReading {
  if (result.exitCode === 0) return 'loaded';
  const output = outputOf(result);
  const sudo = sudoCause(facts, result);
  if (sudo) return sudo;
  if (result.exitCode === 127 || /modprobe: command not found/.test(output)) return 'no-modprobe';
  if (new RegExp(`Module ${NETEM_MODULE} not found`).test(output)) return 'not-installed';
  // A container without CAP_SYS_MODULE, or Secure Boot / lockdown refusing an unsigned module.
  if (/Operation not permitted|Key was rejected by service|Lockdown/i.test(output)) return 'load-refused';
  return 'load-failed';
}

export function readAptInstall(facts: NetemHostFacts, result: CommandResult): NetemModuleCause | null {
  if (result.exitCode === 0) return null;
  if (TIMED_OUT.has(result.exitCode)) return 'apt-timeout';
  const sudo = sudoCause(facts, result);
  if (sudo) return sudo;
  if (/Unable to locate package|has no installation candidate|Couldn't find any package/.test(outputOf(result))) return 'package-not-found';
  return 'apt-failed';
}

interface ExplainContext {
  facts: NetemHostFacts;
  /** The command whose failure is explained, and its result. */
  command?: Command;
  result?: CommandResult;
  policy?: NetemModulePolicy;
  /** Which apt step timed out. */
  aptStep?: 'update' | 'install';
}

/**
 * The cause first, in one short sentence (the report's headline quotes it), then
 * the evidence and what to do about it, then the way out.
 */
export function explainNetemModule(cause: NetemModuleCause, context: ExplainContext): string {
  const { facts, command, result, policy } = context;
  const kernel = facts.release;
  const pkg = modulesExtraPackage(kernel);
  const ran = command ? `"${describeCommand(command)}"` : '';
  const said = result ? `"${keyLine(outputOf(result), /^(E:|sudo:|modprobe:)/)}"` : '';
  const text: Record<NetemModuleCause, () => string> = {
    'not-linux': () =>
      `the host is ${facts.platform}, not Linux, so async-bench cannot load ${NETEM_MODULE}. Docker runs ` +
      `the containers in a Linux VM there (Docker Desktop), whose kernel usually has no ${NETEM_MODULE}.`,
    'no-module-support': () =>
      `kernel ${kernel} cannot load modules and does not list ${NETEM_MODULE} as built in. There is ` +
      `no /proc/modules, so netem works only if the kernel was built with CONFIG_NET_SCH_NETEM=y.`,
    'no-sudo': () => `loading ${NETEM_MODULE} needs root and sudo is not installed. Run "modprobe ${NETEM_MODULE}" as root before async-bench.`,
    'sudo-refused': () =>
      `loading ${NETEM_MODULE} needs root and sudo refused without a password. sudo said ${said}; async-bench ` +
      `runs ${ran} and never prompts: run "sudo modprobe ${NETEM_MODULE}" yourself first, or allow it without a password.`,
    'no-modprobe': () =>
      `modprobe is not installed, so ${NETEM_MODULE} cannot be loaded. The system said ${said}; install kmod, then run "modprobe ${NETEM_MODULE}" as root.`,
    'load-refused': () =>
      `the kernel refused to load ${NETEM_MODULE}. modprobe said ${said}: inside a container the host must load it, ` +
      `and Secure Boot refuses unsigned modules; run "modprobe ${NETEM_MODULE}" on the machine that runs the kernel.`,
    'not-installed': () =>
      `${NETEM_MODULE} is not installed for kernel ${kernel}. Install it with "sudo apt-get install ${pkg}" ` +
      `(Ubuntu)${policy && !policy.install ? ', or set latency-method: netem, which lets async-bench install it' : ''}.`,
    'package-not-found': () =>
      `${NETEM_MODULE} is not installed for kernel ${kernel} and apt has no package ${pkg}. apt-get said ${said}; Ubuntu removes the packages of ` +
      `superseded kernels from its mirrors, so a runner image older than the mirror cannot get them, and other distributions name the package differently.`,
    'apt-timeout': () =>
      `apt-get ${context.aptStep ?? 'install'} did not finish ` +
      `within ${context.aptStep === 'update' ? policy?.aptUpdateSeconds : policy?.aptInstallSeconds} s, ` +
      `so ${pkg} (with sch_netem) was not installed. The package mirror is slow or hung; ${ran} was stopped.`,
    'apt-failed': () => `installing ${pkg} (with sch_netem) failed (exit ${result?.exitCode}). apt-get said ${said}; the command was ${ran}.`,
    'load-failed': () =>
      `"modprobe ${NETEM_MODULE}" failed on kernel ${kernel} (exit ${result?.exitCode}). modprobe said ${said}; ` +
      `the module may not match the running kernel ("modinfo ${NETEM_MODULE}" shows which file modprobe found).`,
  };
  return `${text[cause]()} ${ALTERNATIVE}`;
}

export type HostLog = (line: string) => void;

/**
 * Loaded or built in: nothing to do, no command. Else `modprobe sch_netem`; when the
 * module is missing and the policy allows it, `apt-get update`, `apt-get install
 * linux-modules-extra-<release>` and modprobe again. Stops at the first failure
 * with its explanation; the netem preflight still runs after it (the kernel may
 * load the module on its own) and decides.
 */
export async function prepareNetemModule(run: Runner, facts: NetemHostFacts, policy: NetemModulePolicy, log: HostLog): Promise<NetemModuleOutcome> {
  const fail = (cause: NetemModuleCause, context: Omit<ExplainContext, 'facts' | 'policy'> = {}): NetemModuleOutcome => {
    const explanation = explainNetemModule(cause, { facts, policy, ...context });
    log(`Cannot prepare ${NETEM_MODULE}: ${explanation}`);
    return { ready: false, cause, explanation };
  };
  if (facts.platform !== 'linux') return fail('not-linux');
  if (netemLoaded(facts)) {
    log(`${NETEM_MODULE} is already loaded (listed in /proc/modules of kernel ${facts.release}).`);
    return { ready: true, how: 'already loaded' };
  }
  if (netemBuiltIn(facts)) {
    log(`${NETEM_MODULE} is built into kernel ${facts.release}.`);
    return { ready: true, how: 'built in' };
  }
  if (facts.procModules === null) return fail('no-module-support');

  const load = modprobeCommand(facts);
  log(`${NETEM_MODULE} is not loaded in kernel ${facts.release}; loading it: ${describeCommand(load)}`);
  const first = await run(load);
  const loaded = readModprobe(facts, first);
  if (loaded === 'loaded') {
    log(`${NETEM_MODULE} loaded.`);
    return { ready: true, how: 'loaded' };
  }
  if (loaded !== 'not-installed') return fail(loaded, { command: load, result: first });
  if (!policy.install) return fail('not-installed');

  const pkg = modulesExtraPackage(facts.release);
  const update = aptUpdateCommand(facts, policy.aptUpdateSeconds);
  log(`${NETEM_MODULE} is not installed for kernel ${facts.release}; installing ${pkg}. ${describeCommand(update)}`);
  const updated = await run(update);
  if (TIMED_OUT.has(updated.exitCode)) return fail('apt-timeout', { command: update, result: updated, aptStep: 'update' });
  const updateSudo = sudoCause(facts, updated);
  if (updateSudo) return fail(updateSudo, { command: update, result: updated });
  if (updated.exitCode !== 0) {
    // One broken third-party list fails the update; the Ubuntu lists may still hold the package.
    log(`apt-get update failed (exit ${updated.exitCode}: ${keyLine(outputOf(updated), /^(E:|W:)/)}); installing from the package lists the machine has.`);
  }
  const install = aptInstallCommand(facts, policy.aptInstallSeconds);
  log(describeCommand(install));
  const installed = await run(install);
  const installFailure = readAptInstall(facts, installed);
  if (installFailure) return fail(installFailure, { command: install, result: installed, aptStep: 'install' });

  log(`${pkg} installed; loading ${NETEM_MODULE}: ${describeCommand(load)}`);
  const second = await run(load);
  const reloaded = readModprobe(facts, second);
  if (reloaded === 'loaded') {
    log(`${NETEM_MODULE} loaded.`);
    return { ready: true, how: 'installed and loaded' };
  }
  return fail(reloaded === 'not-installed' ? 'load-failed' : reloaded, { command: load, result: second });
}

/** Reads the host, then prepares it under the policy for the requested method. */
export async function prepareNetemHost(run: Runner, requested: LatencyMethod, env: NodeJS.ProcessEnv, log: HostLog): Promise<NetemModuleOutcome> {
  return prepareNetemModule(run, await readNetemHostFacts(), netemModulePolicy(requested, env), log);
}
