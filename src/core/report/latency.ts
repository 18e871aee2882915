import type { Results } from '../results/results.js';
import { clip, escapeMarkdown } from './escape.js';

/** The cause of a fallback in a few words: its first sentence, which the stack writes as the cause. */
export function shortFallbackReason(reason: string): string {
  const first = reason.split(/(?<=[^\s.]{2})\.\s/)[0] ?? reason;
  return clip(first.replace(/\.$/, ''), 140);
}

/**
 * Which method added the latency, under the headline: netem and Toxiproxy delay
 * different packets, so numbers from the two are not the same experiment.
 */
export function latencyLine(results: Results): string {
  const { latencyMethod, latencyFallbackReason } = results.environment;
  if (latencyMethod === 'netem') return 'Latency added with netem, as in the study.';
  if (latencyMethod !== 'toxiproxy') return '';
  // Files written before the reason was recorded lack the field.
  if (latencyFallbackReason) return `Latency added with Toxiproxy (netem unavailable: ${escapeMarkdown(shortFallbackReason(latencyFallbackReason))}).`;
  return `Latency added with Toxiproxy (latency-method: ${escapeMarkdown(results.config.latencyMethod)}).`;
}
