const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Every number the report prints goes through here: thousands separators, and a real minus sign (U+2212). */
const signed = (format: Intl.NumberFormat, value: number): string =>
  `${value < 0 && format.format(Math.abs(value)) !== format.format(0) ? '−' : ''}${format.format(Math.abs(value))}`;

/** Max sRPS as the study prints it: one decimal. */
export const formatRate = (value: number): string => signed(oneDecimal, value);

/** Counts with thousands separators: 24,328. */
export const formatCount = (value: number): string => signed(grouped, value);

export const formatMs = (value: number | null): string => (value === null ? 'n/a' : `${signed(grouped, value)} ms`);

/** A signed relative change: +12.3 %, −4.0 % (a real minus sign, so it reads as one). */
export function formatChange(relative: number): string {
  const percent = relative * 100;
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${oneDecimal.format(Math.abs(percent))} %`;
}

export const formatPercent = (ratio: number): string => `${signed(oneDecimal, ratio * 100)} %`;

/** A ratio to a baseline, prefixed: ×746, ×25, ×2.4, ×0.42. */
export function formatRatio(ratio: number): string {
  if (ratio >= 10) return `×${grouped.format(ratio)}`;
  return `×${ratio >= 1 ? oneDecimal.format(ratio) : twoDecimals.format(ratio)}`;
}

/** How many times one number is another, in prose: 1.21×, 7.95×, 57×. */
export function formatFactor(factor: number): string {
  return `${factor >= 10 ? grouped.format(factor) : twoDecimals.format(factor)}×`;
}

/** A latency in the report's words: 0 ms, 1,000 ms; fractions (interpolated) to whole ms. */
export const formatLatency = (ms: number): string => `${signed(grouped, ms)} ms`;

/** A duration measured in seconds, shown in ms with one decimal: 5.0 ms. */
export const formatSecondsAsMs = (seconds: number): string => `${signed(oneDecimal, seconds * 1000)} ms`;
