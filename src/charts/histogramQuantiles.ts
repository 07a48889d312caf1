/**
 * Maths behind WeightHistogram's "distribution" view: approximate quantiles
 * read back from equal-width histograms, as TensorBoard's compressed
 * histograms do. Free of React and the DOM so it can be unit-tested in Node.
 */

/** The minimal histogram shape: equal-width bins from x0 to x1. */
export interface HistogramLike {
  x0: number;
  x1: number;
  counts: ArrayLike<number>;
}

/**
 * TensorBoard's distribution percentiles (0, ±1.5σ, ±1σ, ±0.5σ of a normal,
 * and the median): 0, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 100 %.
 */
export const TENSORBOARD_QUANTILES: readonly number[] = [
  0, 0.0668, 0.1587, 0.3085, 0.5, 0.6915, 0.8413, 0.9332, 1,
];

/**
 * Approximate quantiles of the data behind an equal-width histogram, assuming
 * values are spread evenly inside each bin: the cumulative count is walked to
 * the bin holding q·total and interpolated linearly within it. q = 0 gives the
 * left edge of the first non-empty bin and q = 1 the right edge of the last.
 * q is clamped to [0, 1]; an empty histogram gives NaN for every q.
 */
export function histogramQuantiles(h: HistogramLike, qs: readonly number[]): number[] {
  const n = h.counts.length;
  const w = n > 0 ? (h.x1 - h.x0) / n : 0;
  let total = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const c = h.counts[i];
    if (c > 0) {
      total += c;
      last = i;
    }
  }
  return qs.map((q) => {
    if (total <= 0 || Number.isNaN(q)) return NaN;
    const target = Math.min(1, Math.max(0, q)) * total;
    let cum = 0;
    for (let i = 0; i < n; i++) {
      const c = h.counts[i];
      if (!(c > 0)) continue;
      if (cum + c >= target) return h.x0 + (i + Math.max(0, target - cum) / c) * w;
      cum += c;
    }
    return h.x0 + (last + 1) * w; // rounding left target a hair above the total
  });
}

/**
 * Up to `max` indices into a list of length `n`, evenly spaced and always
 * including the first and last, ascending and without duplicates. Used to
 * thin a long run of snapshots to a readable number of ridgeline curves.
 */
export function evenlySpacedIndices(n: number, max: number): number[] {
  const len = Math.max(0, Math.floor(n));
  const k = Math.max(1, Math.floor(max));
  if (len <= k) return Array.from({ length: len }, (_, i) => i);
  if (k === 1) return [len - 1];
  const out: number[] = [];
  for (let j = 0; j < k; j++) {
    const i = Math.round((j * (len - 1)) / (k - 1));
    if (out.length === 0 || out[out.length - 1] !== i) out.push(i);
  }
  return out;
}
