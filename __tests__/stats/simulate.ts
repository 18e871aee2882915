import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RunSample } from '../../src/core/stats/interval.js';
import { logVarianceOfCov } from '../../src/core/stats/noise.js';

/** A seeded source of standard normal draws (Box–Muller), so every simulation is reproducible. */
export function normals(seed: number): () => number {
  const generator = xoroshiro128plus(seed);
  return () => {
    const u = 1 - uniformFloat64(generator); // (0, 1]: log(0) never happens
    const v = uniformFloat64(generator);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

/** `n` runs of a rate `level` with log-normal between-run noise of coefficient of variation `cov`. */
export function runs(normal: () => number, n: number, level: number, cov: number): RunSample[] {
  const sd = Math.sqrt(logVarianceOfCov(cov));
  return Array.from({ length: n }, () => ({ value: level * Math.exp(sd * normal() - (sd * sd) / 2) }));
}
