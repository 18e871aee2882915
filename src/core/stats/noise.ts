/**
 * How much one run's verdict metric moves between runs of the same code on the same
 * runner, as a coefficient of variation with the degrees of freedom it was estimated
 * with. The interval treats it as prior knowledge of the between-run variance, so a run
 * with few repeats cannot claim more certainty than the runner allows.
 */
export interface NoiseFloor {
  /** Between-run coefficient of variation of the verdict metric (0.08 = 8 %). */
  cov: number;
  /** How much it is trusted: the degrees of freedom of its estimate (a calibration's), or a small default. */
  df: number;
  /** Where it came from, for the report: `default` or a calibration's date. */
  source: string;
}

/**
 * Used until a calibration says otherwise: 8 % CoV, trusted like five runs (4 df), so
 * repeats that scatter more than that widen the interval quickly.
 */
export const DEFAULT_NOISE: NoiseFloor = { cov: 0.08, df: 4, source: 'default' };

/** The variance of ln(X) for a log-normal X with this coefficient of variation. */
export const logVarianceOfCov = (cov: number): number => Math.log1p(cov * cov);

/** The coefficient of variation of a log-normal X whose ln has this variance. */
export const covOfLogVariance = (variance: number): number => Math.sqrt(Math.expm1(variance));
