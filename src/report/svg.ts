// Self-contained SVG line/scatter plots for the report: linear or log axes, dashed series,
// marker-only series, a legend. No external fonts, scripts or styles.
import type { Figure, FigureSeries } from '../core/claim.js';

const W = 720;
const H = 400;
const M = { left: 72, right: 230, top: 36, bottom: 52 };
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
}

function axisFor(values: number[], log: boolean): Axis {
  const v = values.filter((x) => Number.isFinite(x) && (!log || x > 0));
  if (v.length === 0) return { lo: log ? 1 : 0, hi: log ? 10 : 1, log };
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (log) {
    lo = Math.log10(lo);
    hi = Math.log10(hi);
  }
  if (hi - lo < 1e-12) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  } else {
    const pad = (hi - lo) * 0.04;
    lo -= pad;
    hi += pad;
  }
  return { lo, hi, log };
}

function toUnit(a: Axis, x: number): number {
  const v = a.log ? Math.log10(x) : x;
  return (v - a.lo) / (a.hi - a.lo);
}

function niceTicks(a: Axis): number[] {
  if (a.log && a.hi - a.lo < 2) {
    // Less than two decades: 1-2-5 ticks so the axis is readable.
    const out: number[] = [];
    for (let e = Math.floor(a.lo); e <= Math.ceil(a.hi); e++) for (const k of [1, 2, 5]) {
      const v = Math.log10(k * 10 ** e);
      if (v >= a.lo && v <= a.hi) out.push(k * 10 ** e);
    }
    if (out.length >= 2) return out;
  }
  if (a.log) {
    const out: number[] = [];
    const step = Math.max(1, Math.ceil((Math.floor(a.hi) - Math.ceil(a.lo) + 1) / 7));
    for (let e = Math.ceil(a.lo); e <= Math.floor(a.hi); e += step) out.push(10 ** e);
    if (out.length >= 2) return out;
    return [10 ** a.lo, 10 ** ((a.lo + a.hi) / 2), 10 ** a.hi];
  }
  const span = a.hi - a.lo;
  const raw = span / 6;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => span / s <= 7) ?? 10 * mag;
  const out: number[] = [];
  for (let t = Math.ceil(a.lo / step) * step; t <= a.hi + 1e-12 * span; t += step) out.push(Math.abs(t) < 1e-12 * span ? 0 : t);
  return out;
}

function tickLabel(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e4) return String(Number(x.toPrecision(3)));
  return x.toExponential(0).replace('e+', 'e');
}

/** Renders one figure as an SVG string. */
export function figureToSvg(fig: Figure): string {
  const xs = fig.series.flatMap((s) => s.x);
  const ys = fig.series.flatMap((s) => s.y);
  const ax = axisFor(xs, !!fig.logX);
  const ay = axisFor(ys, !!fig.logY);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const X = (x: number) => M.left + toUnit(ax, x) * pw;
  const Y = (y: number) => M.top + (1 - toUnit(ay, y)) * ph;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<title>${esc(fig.title)}</title>`);
  parts.push(`<rect x="0" y="0" width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${M.left}" y="20" font-size="13" font-weight="bold">${esc(fig.title)}</text>`);
  parts.push(`<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#444"/>`);
  for (const t of niceTicks(ax)) {
    const px = X(t);
    if (px < M.left - 0.5 || px > M.left + pw + 0.5) continue;
    parts.push(`<line x1="${px.toFixed(1)}" y1="${M.top + ph}" x2="${px.toFixed(1)}" y2="${M.top + ph + 4}" stroke="#444"/>`);
    parts.push(`<line x1="${px.toFixed(1)}" y1="${M.top}" x2="${px.toFixed(1)}" y2="${M.top + ph}" stroke="#eee"/>`);
    parts.push(`<text x="${px.toFixed(1)}" y="${M.top + ph + 16}" text-anchor="middle">${esc(tickLabel(t))}</text>`);
  }
  for (const t of niceTicks(ay)) {
    const py = Y(t);
    if (py < M.top - 0.5 || py > M.top + ph + 0.5) continue;
    parts.push(`<line x1="${M.left - 4}" y1="${py.toFixed(1)}" x2="${M.left}" y2="${py.toFixed(1)}" stroke="#444"/>`);
    parts.push(`<line x1="${M.left}" y1="${py.toFixed(1)}" x2="${M.left + pw}" y2="${py.toFixed(1)}" stroke="#eee"/>`);
    parts.push(`<text x="${M.left - 7}" y="${(py + 4).toFixed(1)}" text-anchor="end">${esc(tickLabel(t))}</text>`);
  }
  parts.push(`<text x="${M.left + pw / 2}" y="${H - 12}" text-anchor="middle">${esc(fig.xLabel)}${fig.logX ? ' (log)' : ''}</text>`);
  parts.push(
    `<text transform="translate(16 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(fig.yLabel)}${fig.logY ? ' (log)' : ''}</text>`,
  );
  parts.push(`<clipPath id="plot-${esc(fig.id)}"><rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}"/></clipPath>`);
  // Colours by group (a curve and its bound share one), else by name.
  const colourKey = (s: FigureSeries) => s.group ?? s.name;
  const legendNames = new Map<string, number>();
  fig.series.forEach((s, i) => {
    const key = colourKey(s);
    if (!legendNames.has(key)) legendNames.set(key, legendNames.size);
    parts.push(seriesSvg(s, PALETTE[legendNames.get(key)! % PALETTE.length], X, Y, ax.log, ay.log, fig.id, i));
  });
  // Legend: one entry per distinct series name.
  let ly = M.top + 6;
  const seen = new Set<string>();
  fig.series.forEach((s) => {
    if (seen.has(s.name) || !s.name) return;
    seen.add(s.name);
    const color = PALETTE[legendNames.get(colourKey(s))! % PALETTE.length];
    const lx = M.left + pw + 10;
    if (s.points) parts.push(`<circle cx="${lx + 10}" cy="${ly}" r="3.5" fill="${color}"/>`);
    else parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 20}" y2="${ly}" stroke="${color}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`);
    parts.push(`<text x="${lx + 26}" y="${ly + 4}">${esc(s.name.length > 34 ? `${s.name.slice(0, 33)}…` : s.name)}</text>`);
    ly += 16;
  });
  parts.push('</svg>');
  return parts.join('\n');
}

function seriesSvg(
  s: FigureSeries,
  color: string,
  X: (x: number) => number,
  Y: (y: number) => number,
  logX: boolean,
  logY: boolean,
  figId: string,
  idx: number,
): string {
  const pts: [number, number][] = [];
  const n = Math.min(s.x.length, s.y.length);
  for (let i = 0; i < n; i++) {
    const x = s.x[i];
    const y = s.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y) || (logX && x <= 0) || (logY && y <= 0)) continue;
    pts.push([X(x), Y(y)]);
  }
  if (pts.length === 0) return '';
  const clip = `clip-path="url(#plot-${esc(figId)})"`;
  if (s.points) {
    return pts.map(([px, py]) => `<circle ${clip} cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3" fill="${color}"/>`).join('');
  }
  const d = pts.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`).join('');
  return `<path ${clip} data-series="${idx}" d="${d}" fill="none" stroke="${color}" stroke-width="1.6"${s.dashed ? ' stroke-dasharray="5,3"' : ''}/>`;
}
