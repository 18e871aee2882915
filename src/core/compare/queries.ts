import type { Signals } from '../results/schema.js';
import { median } from '../stats/describe.js';
import type { ChangeInterval } from '../stats/interval.js';
import type { SignalSample } from './signal-samples.js';

/**
 * Queries per request are counted, not metered: a deterministic view reads the same count
 * in every sample, so one sample a side tells a change exactly. Two counts read as the
 * same within QUERY_TOLERANCE: the window's edges (requests in flight when it opens and
 * closes) blur the last digits of a count divided by the requests it covers.
 */
export const QUERY_TOLERANCE = { absolute: 0.05, relative: 0.01 } as const;

export const sameCount = (a: number, b: number): boolean =>
  Math.abs(a - b) <= QUERY_TOLERANCE.absolute + QUERY_TOLERANCE.relative * Math.max(Math.abs(a), Math.abs(b));

/** A statement whose calls per request differ between baseline and head (0 on the side that lacks it). */
export interface StatementChange {
  /** The contract's stable id (hash of the normalised text): how statements are matched. */
  id: string;
  query: string;
  base: number;
  head: number;
}

export interface QueryComparison {
  /** Median queries per request of each side. */
  base: number;
  head: number;
  /** Rows per request, median of each side: "more rows" is a likely why. */
  rows: { base: number; head: number };
  /** When a side's count varies between its samples: each side's range; the verdict then rests on `interval`. */
  varies: { base: [number, number]; head: [number, number] } | null;
  /** Only when the count varies: the relative change with its interval, as for a metered signal. */
  interval: ChangeInterval | null;
  /**
   * One request's queries as a share of a sample's count (queries per request ÷ its successes, the
   * largest of any sample): a request in flight at the measured window's edge moves the count by
   * up to this much, so a difference within it is not a change (a slow cell: 3 → 3.27 queries per
   * request over 11 requests was one such request).
   */
  edge: number;
  /** Statements that appeared, vanished or changed their calls per request, the largest change first. */
  statements: StatementChange[];
  /** Every statement of either side, most calls per request in head first (report.html's table). */
  all: StatementChange[];
}

export const sqlOf = (samples: readonly SignalSample[]): NonNullable<Signals['sql']>[] => samples.flatMap((sample) => sample.signals.sql ?? []);

const range = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];

/** Per statement id, its calls per request in each sample (0 where a sample lacks it), reduced to the median. */
function statementMedians(samples: readonly SignalSample[]): Map<string, { query: string; perRequest: number }> {
  const calls = new Map<string, { query: string; values: number[] }>();
  samples.forEach((sample, i) => {
    for (const statement of sample.signals.sql?.statements ?? []) {
      const entry = calls.get(statement.id) ?? { query: statement.query, values: Array<number>(samples.length).fill(0) };
      entry.values[i]! += statement.calls / sample.signals.window.successes;
      calls.set(statement.id, entry);
    }
  });
  return new Map([...calls].map(([id, entry]) => [id, { query: entry.query, perRequest: median(entry.values) }]));
}

/** Every statement of either side, matched by id (head's text wins when both have one), most calls per request in head first. */
function statementRows(head: readonly SignalSample[], base: readonly SignalSample[]): StatementChange[] {
  const [h, b] = [statementMedians(head), statementMedians(base)];
  const ids = [...new Set([...h.keys(), ...b.keys()])];
  return ids
    .map((id) => ({ id, query: (h.get(id) ?? b.get(id))!.query, base: b.get(id)?.perRequest ?? 0, head: h.get(id)?.perRequest ?? 0 }))
    .sort((x, y) => y.head - x.head || y.base - x.base || x.id.localeCompare(y.id));
}

/** The statements whose calls per request changed, the largest change first. */
const changedStatements = (rows: StatementChange[]): StatementChange[] =>
  rows
    .filter((change) => !sameCount(change.base, change.head))
    .sort((x, y) => Math.abs(y.head - y.base) - Math.abs(x.head - x.base) || x.id.localeCompare(y.id));

/**
 * Queries per request of both sides, or null when a side collected none. `interval` is
 * asked only when a side's count varies.
 */
export function compareQueries(head: readonly SignalSample[], base: readonly SignalSample[], interval: () => ChangeInterval | null): QueryComparison | null {
  const [h, b] = [sqlOf(head), sqlOf(base)];
  if (h.length === 0 || b.length === 0) return null;
  const queries = (sql: typeof h) => sql.map((s) => s.perRequest.queries);
  const [hq, bq] = [queries(h), queries(b)];
  const edge = Math.max(
    ...[...head, ...base].flatMap(({ signals }) =>
      signals.sql && signals.window.successes > 0 ? [signals.sql.perRequest.queries / signals.window.successes] : [],
    ),
    0,
  );
  const varying = (values: number[]) => !sameCount(Math.min(...values), Math.max(...values)) && Math.max(...values) - Math.min(...values) > edge;
  const varies = varying(hq) || varying(bq) ? { base: range(bq), head: range(hq) } : null;
  const withSql = (samples: readonly SignalSample[]) => samples.filter((sample) => sample.signals.sql);
  const all = statementRows(withSql(head), withSql(base));
  return {
    base: median(bq),
    head: median(hq),
    rows: { base: median(b.map((s) => s.perRequest.rows)), head: median(h.map((s) => s.perRequest.rows)) },
    varies,
    interval: varies ? interval() : null,
    edge,
    statements: changedStatements(all),
    all,
  };
}
