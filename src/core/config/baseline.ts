/**
 * The baseline setting, typed: the one place that knows its keywords. Config and results.json
 * keep the setting as text (null for none), the form every results.json has recorded, so older
 * readers read newer files and the reverse; `baselineChoice` turns it into the union the code
 * switches on. The input reader (`baselineSource` in fields.ts) refuses a bad setting, naming the
 * input, so the text in a Config always parses.
 */

export const PAPER_BASELINE_NAME = 'paper';
/** The base branch's results artifact: only the GitHub edge can fetch it. */
export const ARTIFACT_BASELINE_NAME = 'artifact';
/** The base commit, measured on the same runner in the same run, alternating with head. */
export const BASE_BASELINE_NAME = 'base';
/** No comparison; also written as an empty value. */
export const NO_BASELINE_NAME = 'none';

const KEYWORDS = [PAPER_BASELINE_NAME, ARTIFACT_BASELINE_NAME, BASE_BASELINE_NAME, NO_BASELINE_NAME] as const;

export type BaselineChoice =
  | { kind: 'none' }
  /** The study's published Tables 1–3. */
  | { kind: 'paper' }
  /** A results.json, relative to the working directory. */
  | { kind: 'file'; path: string }
  | { kind: 'artifact' }
  | { kind: 'base' };

/** What Config.compare.baseline records: a keyword, a results.json path, or null for none. */
export type BaselineSetting = string | null;

/** The setting as the union; total, because the input reader refused what does not parse. */
export function baselineChoice(setting: BaselineSetting | undefined): BaselineChoice {
  const text = setting?.trim() ?? '';
  if (text === '' || text === NO_BASELINE_NAME) return { kind: 'none' };
  if (text === PAPER_BASELINE_NAME || text === ARTIFACT_BASELINE_NAME || text === BASE_BASELINE_NAME) return { kind: text };
  return { kind: 'file', path: text };
}

/** The union as Config records it (the inverse of baselineChoice). */
export function baselineSetting(choice: BaselineChoice): BaselineSetting {
  if (choice.kind === 'none') return null;
  return choice.kind === 'file' ? choice.path : choice.kind;
}

/**
 * Why a written value is no baseline, or null when it is one. A keyword in another case
 * (`Paper`) would otherwise be read as a file of that name and fail later as unreadable.
 */
export function baselineProblem(written: string): string | null {
  const text = written.trim();
  const keyword = KEYWORDS.find((name) => name === text.toLowerCase());
  if (keyword && keyword !== text) return `${JSON.stringify(text)} is not a baseline; the keywords are lowercase: did you mean "${keyword}"?`;
  return null;
}

/** Whether the run measures the base commit beside head (`baseline: base`). */
export const measuresBaseSide = (setting: BaselineSetting | undefined): boolean => baselineChoice(setting).kind === 'base';
