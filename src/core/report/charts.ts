import type { Results } from '../results/results.js';
import { labelText } from './escape.js';
import { formatCount } from './format.js';
import { summarize } from './summary.js';

/**
 * One Mermaid `xychart-beta` per route: max sRPS against added latency, one line per
 * setup. GitHub renders Mermaid in comments and job summaries. xychart has no legend,
 * so each line's colour is pinned with `plotColorPalette` and a row of matching
 * coloured squares under the chart names the setups.
 */

const PALETTE = [
  { color: '#1f77b4', swatch: '🟦' },
  { color: '#ff7f0e', swatch: '🟧' },
  { color: '#2ca02c', swatch: '🟩' },
  { color: '#d62728', swatch: '🟥' },
  { color: '#9467bd', swatch: '🟪' },
  { color: '#8c564b', swatch: '🟫' },
  { color: '#000000', swatch: '⬛' },
  { color: '#e6b800', swatch: '🟨' },
] as const;

/**
 * Text inside the chart comes from configuration (route titles). Mermaid has no
 * escape for `"` in a title, and a backtick run could close the code fence, so only
 * letters, digits, spaces and plain punctuation stay.
 */
export function chartText(text: string): string {
  return text
    .replace(/[^\p{L}\p{N} .,:;()/+\-–·×&']/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
}

/** A round axis maximum a little above the data: 1, 2, 2.5, 5 × a power of ten. */
export function axisMax(value: number): number {
  if (!(value > 0)) return 1;
  const target = value * 1.05;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= target)!;
  return Number((step * magnitude).toPrecision(6));
}

/** Mermaid's number grammar: plain decimals, no exponent, no grouping. */
const plain = (value: number): string => (Math.round(Math.max(value, 0) * 10) / 10).toFixed(1);

/** The charts one by one, so a report that must shrink can leave out whole ones. */
export function chartList(results: Results): string[] {
  const summary = summarize(results);
  const colours = new Map(summary.setups.map((setup, i) => [setup.name, PALETTE[i % PALETTE.length]!]));
  return summary.routes.map((route, i) => {
    const lines = summary.setups.map((setup) => ({
      setup,
      values: summary.latencies.map((ms) => summary.cell(setup.name, route.name, ms)?.maxSrps.value),
    }));
    const drawn = lines.filter((line) => line.values.every((v) => v !== undefined)) as { setup: (typeof lines)[number]['setup']; values: number[] }[];
    const left = lines.filter((line) => !drawn.includes(line as (typeof drawn)[number]));
    const leftNote = left.map(
      (line) =>
        `${labelText(line.setup.label)}: no line, ${line.values.filter((v) => v === undefined).length} of ${summary.latencies.length} cells not measured`,
    );
    if (drawn.length === 0) return `<sub>Chart ${i + 1}: nothing to draw; no setup was measured at every latency of ${labelText(route.title)}.</sub>`;
    const top = axisMax(Math.max(...drawn.flatMap((line) => line.values)));
    const chart = [
      '```mermaid',
      `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${drawn.map((line) => colours.get(line.setup.name)!.color).join(', ')}"}}}}%%`,
      'xychart-beta',
      `  title "Chart ${i + 1}: ${chartText(route.title)}, max sRPS by added latency"`,
      `  x-axis "Added latency (ms)" [${summary.latencies.map((ms) => `"${formatCount(ms)}"`).join(', ')}]`,
      `  y-axis "Max sRPS" 0 --> ${plain(top)}`,
      ...drawn.map((line) => `  line [${line.values.map(plain).join(', ')}]`),
      '```',
    ].join('\n');
    const key = drawn.map((line) => `${colours.get(line.setup.name)!.swatch} ${labelText(line.setup.label)}`).join(' · ');
    return `${chart}\n\n<sub>${[key, ...leftNote].join(' · ')}</sub>`;
  });
}
