import { IngestError } from './csv.js';
import type { CellMetrics } from '../results/schema.js';
import type { WindowCounts } from './signals.js';
import { AGGREGATED, type FailureRow, type HistoryRow, type StatsRow } from './rows.js';

export type { CellMetrics } from '../results/schema.js';

/** Locust's history Requests/s averages about the last 10 s. */
export const RATE_WINDOW_SECONDS = 10;

const TOP_FAILURES = 3;

/**
 * Locust's own warnings that a load process was CPU-bound: the single process or
 * master ("CPU usage above 90%!"), and workers as the master reports them
 * ("Worker … exceeded cpu threshold") when --processes is above 1.
 */
export const LOCUST_CPU_WARNING = /CPU usage above 90%|exceeded cpu threshold/;

/**
 * Numbers kept for a median without keeping rows: 8 bytes each, grown by
 * doubling, sorted in place (no copy) when the median is taken.
 */
class NumberList {
  private values = new Float64Array(64);
  length = 0;

  /** Empties the list and keeps its buffer: a long ramp resets it once a row. */
  clear(): void {
    this.length = 0;
  }

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  median(): number {
    const sorted = this.values.subarray(0, this.length).sort();
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  }
}

/** Locust's settled rows count whole requests over one rate window: their rate moves in steps of 0.1 sRPS. */
const ROW_RATE_STEP = 1 / RATE_WINDOW_SECONDS;

/**
 * The rows are too coarse where one step is more than this share of the rate (below 10 sRPS, where
 * the step is more than 1 %). There the steady rate comes from the history's request counts.
 */
const COARSE_STEP_SHARE = 0.01;

/** One history row of the hold phase, as the count-based rate needs it. */
interface CountMark {
  timestamp: number;
  /** Total Request Count − Total Failure Count: successes since the start. */
  successes: number;
  /** The row's index within the hold phase. */
  index: number;
}

/**
 * The seconds between two history rows. Locust writes a row every second (a little more when it is
 * busy) and stamps it with whole seconds: the stamps bound the time within a second either side, the
 * rows in between from below. So the fewest seconds both allow: one a row unless the stamps say more.
 */
const secondsBetween = (from: CountMark, to: CountMark): number => Math.max(to.index - from.index, to.timestamp - from.timestamp - 1);

/**
 * The hold phase's successes from the history's cumulative count columns: counts need no settling
 * (Locust's rate averages the last 10 s, so it still covers the ramp; a count does not). The rate is
 * the successes between the first and the last row whose count rose, over the seconds between them:
 * a server that shares its CPU among its requests (an event loop running CPU-bound views) finishes
 * them in bursts, one every few seconds, and a count over a fixed window then moves by a whole
 * burst with where the window happens to fall; from one completion to the last it does not.
 * Blocks: successes per stretch of one rate window or more.
 */
/** Rises of the count the first-to-last rate needs: two stretches between completions, at least. */
const MIN_GAINS = 3;

class HoldCounts {
  private first: CountMark | null = null;
  private last: CountMark | null = null;
  private blockStart: CountMark | null = null;
  /** The first and the latest row whose count rose, and how many rose. */
  private firstGain: CountMark | null = null;
  private lastGain: CountMark | null = null;
  private gains = 0;
  readonly blocks: number[] = [];

  reset(): void {
    this.first = this.last = this.blockStart = this.firstGain = this.lastGain = null;
    this.gains = 0;
    this.blocks.length = 0;
  }

  add(row: HistoryRow): void {
    const mark = { timestamp: row.timestamp, successes: row.totalRequestCount - row.totalFailureCount, index: (this.last?.index ?? -1) + 1 };
    if (this.last && mark.successes > this.last.successes) {
      this.firstGain ??= mark;
      this.lastGain = mark;
      this.gains += 1;
    }
    this.first ??= mark;
    this.blockStart ??= mark;
    this.last = mark;
    if (mark.timestamp - this.blockStart.timestamp >= RATE_WINDOW_SECONDS) {
      this.blocks.push((mark.successes - this.blockStart.successes) / secondsBetween(this.blockStart, mark));
      this.blockStart = mark;
    }
  }

  /**
   * Successes ÷ seconds from the first rise of the count to the last, once the count rose at least
   * MIN_GAINS times (else over the whole phase); null when the phase lasted no longer than a rate
   * window or counted none (a history without count columns).
   */
  rate(): { srps: number; seconds: number } | null {
    if (!this.first || !this.last) return null;
    const seconds = secondsBetween(this.first, this.last);
    const successes = this.last.successes - this.first.successes;
    if (!(seconds > RATE_WINDOW_SECONDS && successes > 0)) return null;
    if (this.gains >= MIN_GAINS && this.firstGain && this.lastGain) {
      const span = secondsBetween(this.firstGain, this.lastGain);
      return { srps: (this.lastGain.successes - this.firstGain.successes) / span, seconds: span };
    }
    return { srps: successes / seconds, seconds };
  }
}

/** The steady rate of a sample and the blocks its own spread is read from. */
interface SteadyRate {
  srps: number;
  blocks: number[];
  /** `rows`: median of Locust's settled rates; `counts`: successes over the hold ÷ its seconds. */
  source: 'rows' | 'counts';
}

/**
 * The hold phase, followed while the history streams by: the rows at the highest
 * user count seen so far. A higher count starts it again. Only sRPS values are
 * kept, split at one rate window after the phase's first row, and the counts.
 */
class HoldPhase {
  users = -Infinity;
  private settledFrom = 0;
  /** The first rate window at full users: its average still covers the ramp. */
  private readonly settling = new NumberList();
  private readonly settled = new NumberList();
  /** One settled row per rate window: Locust's rates are moving averages, so only rows a window apart do not overlap. */
  private readonly blocks: number[] = [];
  private nextBlockAt = 0;
  private readonly counts = new HoldCounts();

  add(row: HistoryRow): void {
    if (row.userCount > this.users) {
      this.users = row.userCount;
      this.settledFrom = row.timestamp + RATE_WINDOW_SECONDS;
      this.settling.clear();
      this.settled.clear();
      this.blocks.length = 0;
      this.nextBlockAt = this.settledFrom;
      this.counts.reset();
    }
    if (row.userCount !== this.users) return;
    this.counts.add(row);
    const srps = row.requestsPerSecond - row.failuresPerSecond;
    if (row.timestamp >= this.settledFrom) this.settled.push(srps);
    else this.settling.push(srps);
    if (row.timestamp >= this.nextBlockAt) {
      this.blocks.push(srps);
      this.nextBlockAt = row.timestamp + RATE_WINDOW_SECONDS;
    }
  }

  /**
   * Median sRPS while all users ran, after the first rate window; every row of the phase when
   * it was shorter than the window; null when no user ever ran. Where that median is too coarse
   * (its 0.1 step is more than 1 % of it) and the counts cover more than a rate window, the
   * successes counted over the hold ÷ its seconds instead, with blocks from the counts too.
   */
  steady(): SteadyRate | null {
    if (!(this.users > 0)) return null;
    // When nothing settled, every row of the phase is in `settling` (at least the one that set `users`).
    const median = (this.settled.length > 0 ? this.settled : this.settling).median();
    const counted = ROW_RATE_STEP > COARSE_STEP_SHARE * median ? this.counts.rate() : null;
    if (counted) return { srps: counted.srps, blocks: [...this.counts.blocks], source: 'counts' };
    return { srps: median, blocks: [...this.blocks], source: 'rows' };
  }
}

/** What a cell's files come to, folded row by row as they stream in. */
export class CellMetricsFold {
  /** The final Aggregated row of locust_stats.csv. */
  private total: StatsRow | null = null;
  private historySamples = 0;
  private maxSrps = -Infinity;
  private peakUsers = -Infinity;
  private readonly hold = new HoldPhase();
  /** The most frequent failures so far, largest first, ties in file order. */
  private readonly topFailures: FailureRow[] = [];
  locustCpuWarning = false;

  /** The files' names as the reader knows them, for the reasons a cell fails. */
  constructor(private readonly files: { stats: string; history: string }) {}

  addStats(row: StatsRow): void {
    if (row.name === AGGREGATED) this.total = row;
  }

  addHistory(row: HistoryRow): void {
    if (row.name !== AGGREGATED) return;
    this.historySamples += 1;
    this.maxSrps = Math.max(this.maxSrps, row.requestsPerSecond - row.failuresPerSecond);
    this.peakUsers = Math.max(this.peakUsers, row.userCount);
    this.hold.add(row);
  }

  addFailure(row: FailureRow): void {
    // After every kept row with as many occurrences: a stable sort, three rows at a time.
    const at = this.topFailures.findIndex((kept) => kept.occurrences < row.occurrences);
    this.topFailures.splice(at === -1 ? this.topFailures.length : at, 0, row);
    this.topFailures.length = Math.min(this.topFailures.length, TOP_FAILURES);
  }

  /** Requests, successes and mean response size of the final Aggregated row: the signals' denominator. */
  windowCounts(): WindowCounts | null {
    const total = this.total;
    return total && { requests: total.requestCount, successes: total.requestCount - total.failureCount, averageContentSize: total.averageContentSize ?? null };
  }

  metrics(): CellMetrics {
    const total = this.total;
    if (!total) throw new IngestError(`${this.files.stats} has no "Aggregated" row.`);
    if (this.historySamples === 0) throw new IngestError(`${this.files.history} has no "Aggregated" row.`);
    const steady = this.hold.steady();
    return {
      maxSrps: this.maxSrps,
      totalSuccesses: total.requestCount - total.failureCount,
      totalRequests: total.requestCount,
      totalFailures: total.failureCount,
      failureRatio: total.requestCount === 0 ? 0 : total.failureCount / total.requestCount,
      steadySrps: steady?.srps ?? null,
      steadyBlocks: steady?.blocks ?? [],
      p50Ms: total.percentilesMs['50%'],
      p95Ms: total.percentilesMs['95%'],
      p99Ms: total.percentilesMs['99%'],
      averageMs: total.averageMs,
      peakUsers: this.peakUsers,
      historySamples: this.historySamples,
      locustCpuWarning: this.locustCpuWarning,
      topFailures: this.topFailures.map(({ error, occurrences }) => ({ error, occurrences })),
    };
  }
}
