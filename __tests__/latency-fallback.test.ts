import { describe, expect, it } from 'vitest';
import { renderReport } from '../src/core/report/body.js';
import { latencyLine, shortFallbackReason } from '../src/core/report/latency.js';
import { parseResults, serializeResults, type Results } from '../src/core/results/results.js';
import { makeResults } from './helpers/results.js';

const REASON =
  'sch_netem is not installed for kernel 6.8.0-1021-azure and apt has no package linux-modules-extra-6.8.0-1021-azure. ' +
  'apt-get said "E: Unable to locate package linux-modules-extra-6.8.0-1021-azure"; Ubuntu removes the packages of superseded kernels from its mirrors. ' +
  'Use latency-method: toxiproxy (or auto, which falls back to it).';

function withLatency(method: 'netem' | 'toxiproxy' | null, reason: string | null, latencyMethod = 'auto'): Results {
  const results = makeResults({ 'latency-method': latencyMethod }, () => ({}));
  return { ...results, environment: { ...results.environment, latencyMethod: method, latencyFallbackReason: reason } };
}

describe('results record why Toxiproxy replaced netem', () => {
  it('round-trips latencyFallbackReason', () => {
    const results = withLatency('toxiproxy', REASON);
    expect(parseResults('r.json', serializeResults(results)).environment.latencyFallbackReason).toBe(REASON);
  });

  it('reads files written before the field existed, and refuses a reason that is not text', () => {
    const old = JSON.parse(serializeResults(withLatency('toxiproxy', null)));
    delete old.environment.latencyFallbackReason;
    expect(() => parseResults('old.json', JSON.stringify(old))).not.toThrow();
    old.environment.latencyFallbackReason = 42;
    expect(() => parseResults('fork.json', JSON.stringify(old))).toThrow(/results\.environment\.latencyFallbackReason should be a string, not 42/);
  });
});

describe('the report says which method added the latency', () => {
  it('netem, under the headline', () => {
    const body = renderReport(withLatency('netem', null), { comparison: null });
    // The recommendation comes first under the headline (recommendation.test.ts), then the latency line.
    const [headline, , latency] = body.split('\n\n');
    expect([headline, latency]).toEqual(['### async-bench: 27 cells, no baseline', 'Latency added with netem, as in the study.']);
  });

  it('Toxiproxy after a fallback: the short cause under the headline, the full reason in Environment', () => {
    // Escaping puts invisible word joiners where GitHub would link (`-1021` reads as an issue reference).
    const body = renderReport(withLatency('toxiproxy', REASON), { comparison: null }).replaceAll('\u2060', '');
    expect(body.split('\n\n')[2]).toBe(
      'Latency added with Toxiproxy (netem unavailable: sch\\_netem is not installed for kernel 6.8.0-1021-azure and apt has no package linux-modules-extra-6.8.0-1021-azure).',
    );
    const environment = body.slice(body.indexOf('<summary>Environment</summary>'));
    expect(environment).toContain('Unable to locate package linux-modules-extra-6.8.0-1021-azure');
    expect(environment).toContain('Use latency-method: toxiproxy');
  });

  it('Toxiproxy by request, and nothing when no method ran', () => {
    expect(latencyLine(withLatency('toxiproxy', null, 'toxiproxy'))).toBe('Latency added with Toxiproxy (latency-method: toxiproxy).');
    expect(latencyLine(withLatency(null, null))).toBe('');
    expect(renderReport(withLatency(null, null), { comparison: null })).not.toContain('Latency added');
  });

  it('the short cause is the first sentence, not cut inside a version number, and bounded', () => {
    expect(shortFallbackReason('kernel 6.8.0-1021-azure cannot load modules and does not list sch_netem as built in. There is more.')).toBe(
      'kernel 6.8.0-1021-azure cannot load modules and does not list sch_netem as built in',
    );
    expect(shortFallbackReason(`${'x'.repeat(300)}. y`)).toHaveLength(140);
  });
});
