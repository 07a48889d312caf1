/**
 * Pure helpers behind LineChart, kept free of React and the DOM so they can be
 * unit-tested in a plain Node environment.
 */
import { bisector, format, scaleLinear } from 'd3';
import { lttb } from './lttb';

/** The minimal shape these helpers need from a chart series. */
export interface XYSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

const byValue = bisector<number, number>((d) => d);

/** Number of usable points in a series (xs and ys may disagree in length mid-update). */
function seriesLength(s: XYSeries): number {
  return Math.min(s.xs.length, s.ys.length);
}

/** Total number of points across all series (full data, before downsampling). */
export function totalPoints(series: readonly XYSeries[]): number {
  let n = 0;
  for (const s of series) n += seriesLength(s);
  return n;
}

/** True when at least one series has a point with finite x and y. */
export function hasFiniteData(series: readonly XYSeries[]): boolean {
  for (const s of series) {
    const n = seriesLength(s);
    for (let i = 0; i < n; i++) if (Number.isFinite(s.xs[i]) && Number.isFinite(s.ys[i])) return true;
  }
  return false;
}

/**
 * Index of the element of ascending `xs` closest to `x` (ties go left), or -1
 * when `xs` is empty. `n` limits the search to the first n elements.
 */
export function nearestIndex(xs: ArrayLike<number>, x: number, n: number = xs.length): number {
  if (n <= 0 || !Number.isFinite(x)) return n > 0 ? 0 : -1;
  return byValue.center(xs, x, 0, n);
}

/**
 * Like {@link nearestIndex} but only considers points whose y is finite, so a
 * hover readout lands on a real value rather than a gap. Returns -1 when the
 * series has no finite point.
 */
export function nearestFiniteIndex(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const n = Math.min(xs.length, ys.length);
  const i = nearestIndex(xs, x, n);
  if (i < 0) return -1;
  const ok = (j: number) => Number.isFinite(ys[j]) && Number.isFinite(xs[j]);
  if (ok(i)) return i;
  // Walk outwards to the first finite point on each side, then take the closer.
  let l = i - 1;
  while (l >= 0 && !ok(l)) l--;
  let r = i + 1;
  while (r < n && !ok(r)) r++;
  if (l < 0 && r >= n) return -1;
  if (l < 0) return r;
  if (r >= n) return l;
  return Math.abs(x - xs[l]) <= Math.abs(xs[r] - x) ? l : r;
}

/**
 * The y domain to plot. A valid `fixed` domain wins (e.g. [0, 1] for accuracy).
 * Otherwise the extent of the finite data, anchored at 0 when every value is
 * non-negative (losses and accuracies read better against a zero baseline),
 * rounded outward to nice tick values. Falls back to [0, 1] with no data.
 */
export function niceYDomain(
  series: readonly XYSeries[],
  fixed?: readonly [number, number],
  tickCount = 5,
): [number, number] {
  if (fixed && Number.isFinite(fixed[0]) && Number.isFinite(fixed[1]) && fixed[0] !== fixed[1]) {
    return [fixed[0], fixed[1]];
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const n = seriesLength(s);
    for (let i = 0; i < n; i++) {
      const y = s.ys[i];
      if (!Number.isFinite(y)) continue;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
  }
  if (lo > hi) return [0, 1];
  if (lo >= 0) lo = 0;
  if (lo === hi) {
    // Flat data: give it some room so the line is not glued to an edge.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    if (lo === 0) hi = pad;
    else {
      lo -= pad;
      hi += pad;
    }
  }
  const [a, b] = scaleLinear().domain([lo, hi]).nice(tickCount).domain();
  return [a, b];
}

/**
 * The x domain to plot: `fixed` when valid, else [0, max finite x] with a
 * minimum of [0, 1] so an empty or single-point chart still has an axis.
 */
export function defaultXDomain(series: readonly XYSeries[], fixed?: readonly [number, number]): [number, number] {
  if (fixed && Number.isFinite(fixed[0]) && Number.isFinite(fixed[1]) && fixed[0] !== fixed[1]) {
    return [fixed[0], fixed[1]];
  }
  let hi = 1;
  for (const s of series) {
    const n = seriesLength(s);
    for (let i = 0; i < n; i++) {
      const x = s.xs[i];
      if (Number.isFinite(x) && x > hi) hi = x;
    }
  }
  return [0, hi];
}

/**
 * Downsample for drawing while keeping gaps: the series is split into runs of
 * finite points, each run gets a share of `threshold` proportional to its
 * length (at least 2), is reduced with LTTB, and runs are re-joined with a NaN
 * separator so `d3.line().defined()` draws a break there.
 */
export function downsampleSeries(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  threshold: number,
): { xs: Float64Array; ys: Float64Array } {
  const n = Math.min(xs.length, ys.length);
  const runs: Array<[number, number]> = []; // [start, end) of finite runs
  let finite = 0;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const ok = i < n && Number.isFinite(xs[i]) && Number.isFinite(ys[i]);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      runs.push([start, i]);
      finite += i - start;
      start = -1;
    }
  }
  if (runs.length <= 1) return lttb(xs, ys, threshold);

  const partsX: Float64Array[] = [];
  const partsY: Float64Array[] = [];
  let total = 0;
  for (const [s, e] of runs) {
    const share = Math.max(2, Math.round((threshold * (e - s)) / finite));
    const sub = lttb(sliceOf(xs, s, e), sliceOf(ys, s, e), share);
    partsX.push(sub.xs);
    partsY.push(sub.ys);
    total += sub.xs.length;
  }
  const outX = new Float64Array(total + runs.length - 1);
  const outY = new Float64Array(total + runs.length - 1);
  let o = 0;
  partsX.forEach((px, k) => {
    if (k > 0) {
      outX[o] = NaN;
      outY[o] = NaN;
      o++;
    }
    outX.set(px, o);
    outY.set(partsY[k], o);
    o += px.length;
  });
  return { xs: outX, ys: outY };
}

function sliceOf(a: ArrayLike<number>, start: number, end: number): ArrayLike<number> {
  // Typed arrays can share memory; plain arrays need a copy either way.
  if (ArrayBuffer.isView(a)) return (a as unknown as Float64Array).subarray(start, end);
  return Array.prototype.slice.call(a, start, end) as number[];
}

const fmtX = format('.2~f');

/** Hover-readout formatting of an x value: up to two decimals, trailing zeros dropped ("2.35", "3"). */
export function formatXValue(x: number): string {
  return fmtX(x);
}
