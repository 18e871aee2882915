/**
 * Upper tails of Student's t and of Fisher's F, through one regularised incomplete beta.
 *
 * The upper tail P(T ≥ t) of Student's t with `df` degrees of freedom, for the p-values of the
 * family's claims (core/compare/family.ts). Through the regularised incomplete beta function:
 * P(|T| ≥ |t|) = I_x(df/2, 1/2) with x = df / (df + t²), so tiny tails keep their precision.
 */
export function tUpperTail(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) throw new RangeError(`tUpperTail: needs a number and df > 0, got t ${t}, df ${df}.`);
  // Beyond 10⁷ df the t is the normal to far more digits than any p-value here needs.
  const v = Math.min(df, 1e7);
  const half = 0.5 * incompleteBeta(v / (v + t * t), v / 2, 0.5);
  return t >= 0 ? half : 1 - half;
}

/**
 * The upper tail P(F ≥ f) of Fisher's F with (d1, d2) degrees of freedom: I_x(d2/2, d1/2) with
 * x = d2 / (d2 + d1 f). The pooled paired noise tests a cell's spread against the others' with it.
 */
export function fUpperTail(f: number, d1: number, d2: number): number {
  if (Number.isNaN(f) || !(d1 > 0) || !(d2 > 0)) throw new RangeError(`fUpperTail: needs a number and df > 0, got f ${f}, df ${d1}, ${d2}.`);
  if (f <= 0) return 1;
  if (!Number.isFinite(f)) return 0;
  return incompleteBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, nine terms). */
function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.61503916999186, 12.507343278686905, -0.13857109526572012,
    9.984369578019572e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let a = c[0]!;
  for (let i = 1; i < c.length; i += 1) a += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised incomplete beta I_x(a, b), by its continued fraction on the side where it converges fast. */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** The continued fraction of I_x(a, b), evaluated by the modified Lentz method. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    for (const term of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + term * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + term / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}
