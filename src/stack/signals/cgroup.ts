/**
 * A container's CPU and memory from its own cgroup, read inside the container, where
 * /sys/fs/cgroup is that container's cgroup on both hierarchies Docker uses:
 *  - v1 (this project's 2-core machine): cpuacct.usage (ns), memory.max_usage_in_bytes;
 *  - v2 (GitHub's Ubuntu runners): cpu.stat's usage_usec (µs), memory.peak (kernel 5.19+).
 * Formats: the kernel's Documentation/admin-guide/cgroup-v1/cpuacct.rst and memory.rst,
 * cgroup-v2.rst ("cpu.stat", "memory.peak"); fixtures in __tests__/fixtures/cgroup/.
 */

export const CGROUP_FILES = {
  v2Cpu: '/sys/fs/cgroup/cpu.stat',
  v2Peak: '/sys/fs/cgroup/memory.peak',
  v1Cpu: '/sys/fs/cgroup/cpuacct/cpuacct.usage',
  v1Peak: '/sys/fs/cgroup/memory/memory.max_usage_in_bytes',
} as const;

const PATHS: string[] = Object.values(CGROUP_FILES);

/** A file's text, or null where it does not exist. */
export type CgroupFiles = Record<string, string | null>;

export interface CgroupReading {
  version: 'v1' | 'v2';
  /** Cumulative CPU time of every process in the cgroup, in µs. */
  cpuUsec: number;
  /** The highest memory charged to the cgroup since it was made; null where the kernel does not keep it. */
  peakBytes: number | null;
}

export class CgroupError extends Error {
  override name = 'CgroupError';
}

/**
 * Every candidate file in one `head`, headed `==> path <==` (-v: even for one file); a missing
 * file only costs a line on stderr, so one command serves both hierarchies.
 */
export function cgroupDumpArgv(): string[] {
  return ['head', '-v', '-n', '64', ...PATHS];
}

/** `head -v`'s output → each file's text. */
export function parseHeadDump(text: string): CgroupFiles {
  const files: CgroupFiles = {};
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const header = /^==> (.+) <==$/.exec(line);
    if (header) {
      current = header[1]!;
      files[current] = '';
    } else if (current !== null) files[current] += `${line}\n`;
  }
  return files;
}

function integer(text: string, what: string): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) throw new CgroupError(`${what} reads ${JSON.stringify(trimmed.slice(0, 80))}; expected a whole number.`);
  return Number(trimmed);
}

/** cpu.stat is flat-keyed (`usage_usec 123`); its first three keys are always there. */
function usageUsec(cpuStat: string): number {
  const line = cpuStat.split('\n').find((entry) => entry.startsWith('usage_usec '));
  if (!line) throw new CgroupError(`${CGROUP_FILES.v2Cpu} has no usage_usec line: ${JSON.stringify(cpuStat.slice(0, 120))}.`);
  return integer(line.slice('usage_usec '.length), `${CGROUP_FILES.v2Cpu} usage_usec`);
}

/** v2 when its cpu.stat is there (a v1 cpu controller also has a cpu.stat, elsewhere, without usage_usec). */
export function parseCgroupFiles(files: CgroupFiles): CgroupReading {
  const text = (path: string) => files[path] ?? null;
  const v2Cpu = text(CGROUP_FILES.v2Cpu);
  if (v2Cpu !== null) {
    const peak = text(CGROUP_FILES.v2Peak);
    return { version: 'v2', cpuUsec: usageUsec(v2Cpu), peakBytes: peak === null ? null : integer(peak, CGROUP_FILES.v2Peak) };
  }
  const v1Cpu = text(CGROUP_FILES.v1Cpu);
  if (v1Cpu !== null) {
    const peak = text(CGROUP_FILES.v1Peak);
    const nanoseconds = integer(v1Cpu, CGROUP_FILES.v1Cpu);
    return { version: 'v1', cpuUsec: nanoseconds / 1000, peakBytes: peak === null ? null : integer(peak, CGROUP_FILES.v1Peak) };
  }
  throw new CgroupError(`neither ${CGROUP_FILES.v2Cpu} (cgroup v2) nor ${CGROUP_FILES.v1Cpu} (cgroup v1) could be read.`);
}

/**
 * The load container exists only while Locust runs: this wraps its argv so the container
 * dumps its cgroup into `dumpPath` after Locust exits (Locust's exit code kept).
 */
export function withCgroupDumpAfter(argv: string[], dumpPath: string): string[] {
  const dump = cgroupDumpArgv()
    .map((arg) => `'${arg}'`)
    .join(' ');
  return ['sh', '-c', `"$@"; code=$?; ${dump} >'${dumpPath}' 2>/dev/null; exit $code`, 'sh', ...argv];
}
