const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Max sRPS as the study prints it: one decimal. */
export const formatRate = (value: number): string => oneDecimal.format(value);

/** Counts with thousands separators: 24,328. */
export const formatCount = (value: number): string => grouped.format(value);

export const formatMs = (value: number | null): string => (value === null ? 'n/a' : `${grouped.format(value)} ms`);

/** A signed relative change: +12.3 %, −4.0 % (a real minus sign, so it reads as one). */
export function formatChange(relative: number): string {
  const percent = relative * 100;
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${oneDecimal.format(Math.abs(percent))} %`;
}

export const formatPercent = (ratio: number): string => `${oneDecimal.format(ratio * 100)} %`;
