import { escapeHtml } from './escape.js';

/** One line of a chart: its values at the chart's x positions (null: no sample there). */
export interface Line {
  name: string;
  color: string;
  values: (number | null)[];
}

export interface ChartOptions {
  title: string;
  /** Seconds since the cell started, one per value. */
  xs: number[];
  lines: Line[];
  unit: string;
  /** The y axis's top, for charts that share a scale; default: this chart's own largest value. */
  yMax?: number;
}

const WIDTH = 300;
const HEIGHT = 110;
const PAD = { left: 44, right: 8, top: 22, bottom: 20 };

/** A round upper end for the y axis: 1, 2 or 5 times a power of ten. */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].find((step) => step * power >= value) ?? 10) * power;
}

const label = (value: number): string => (value >= 1000 ? `${Number((value / 1000).toFixed(1))}k` : Number.isInteger(value) ? String(value) : value.toFixed(1));

/** The polyline segments of a line; a null value breaks the line. */
function segments(xs: number[], values: (number | null)[], x: (v: number) => number, y: (v: number) => number): string[] {
  const runs: string[][] = [[]];
  values.forEach((value, i) => {
    if (value === null || !Number.isFinite(value)) {
      if (runs.at(-1)!.length > 0) runs.push([]);
      return;
    }
    runs.at(-1)!.push(`${x(xs[i]!).toFixed(1)},${y(value).toFixed(1)}`);
  });
  return runs.filter((run) => run.length > 0).map((run) => (run.length === 1 ? [run[0]!, run[0]!] : run).join(' '));
}

/**
 * A small line chart drawn as inline SVG (no script, no library): a y axis from 0
 * to a round maximum, time in seconds along x, one polyline per line, and a key.
 */
export function lineChart(options: ChartOptions): string {
  const { xs, lines } = options;
  const all = lines.flatMap((line) => line.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const top = niceMax(options.yMax ?? Math.max(0, ...all));
  const right = Math.max(1, ...xs);
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (t: number) => PAD.left + (t / right) * plotW;
  const y = (v: number) => PAD.top + plotH - (Math.min(v, top) / top) * plotH;
  const grid = [0, 0.5, 1]
    .map((f) => {
      const gy = (PAD.top + plotH - f * plotH).toFixed(1);
      return (
        `<line x1="${PAD.left}" y1="${gy}" x2="${WIDTH - PAD.right}" y2="${gy}" class="grid"/><text ` +
        `x="${PAD.left - 4}" y="${gy}" class="ytick">${escapeHtml(label(top * f))}</text>`
      );
    })
    .join('');
  const xAxis =
    `<text x="${PAD.left}" y="${HEIGHT - 6}" class="xtick">0 s</text><text x="${WIDTH - PAD.right}" ` +
    `y="${HEIGHT - 6}" class="xtick end">${escapeHtml(label(right))} s</text>`;
  const polylines = lines
    .flatMap((line) => segments(xs, line.values, x, y).map((points) => `<polyline points="${points}" stroke="${escapeHtml(line.color)}"/>`))
    .join('');
  let keyX = PAD.left;
  const key = lines
    .map((line) => {
      const text =
        `<rect x="${keyX}" y="6" width="10" height="3" fill="${escapeHtml(line.color)}"/><text ` +
        `x="${keyX + 13}" y="11" class="key">${escapeHtml(line.name)}</text>`;
      keyX += 22 + line.name.length * 6;
      return text;
    })
    .join('');
  const unit = `<text x="${WIDTH - PAD.right}" y="11" class="key end">${escapeHtml(options.unit)}</text>`;
  const title = `${options.title} (${options.unit})`;
  const empty = all.length === 0 ? `<text x="${WIDTH / 2}" y="${HEIGHT / 2}" class="empty">no samples</text>` : '';
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" ` +
    `aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>${grid}${xAxis}${polylines}${key}${unit}${empty}</svg>`
  );
}
