/**
 * Histogram and quantile helpers for weight/activation distributions, free of
 * React and the DOM so they can be unit-tested in Node.
 */

/** An equal-width histogram: bin i covers [x0 + i·w, x0 + (i+1)·w) with w = (x1 − x0) / counts.length. */
export interface Histogram {
  x0: number;
  x1: number;
  counts: Uint32Array;
}

/**
 * Count `values` into `bins` equal-width bins over `domain` (default: the
 * extent of the finite values; a single repeated value v gets [v − 0.5, v + 0.5],
 * no finite values [0, 1]). Values outside the domain (±Infinity included)
 * clamp to the edge bins; NaN is ignored. `bins` is floored to an integer ≥ 1.
 */
export function histogramBins(values: ArrayLike<number>, bins: number, domain?: [number, number]): Histogram {
  const n = Math.max(1, Math.floor(Number.isFinite(bins) ? bins : 1));
  let lo: number;
  let hi: number;
  if (domain && Number.isFinite(domain[0]) && Number.isFinite(domain[1]) && domain[1] > domain[0]) {
    [lo, hi] = domain;
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (lo > hi) [lo, hi] = [0, 1];
    else if (lo === hi) [lo, hi] = [lo - 0.5, hi + 0.5];
  }
  const counts = new Uint32Array(n);
  const scale = n / (hi - lo);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    let b = Math.floor((v - lo) * scale);
    if (b < 0) b = 0;
    else if (b >= n) b = n - 1; // also catches v === hi and +Infinity
    counts[b]++;
  }
  return { x0: lo, x1: hi, counts };
}

/**
 * Quantiles of `values` with linear interpolation between order statistics
 * (position q·(n − 1), as numpy's default and d3.quantile). NaN values are
 * dropped; q is clamped to [0, 1]; an empty input gives NaN for every q.
 * Sorts a copy, so the input is left untouched.
 */
export function quantiles(values: ArrayLike<number>, qs: number[]): number[] {
  const sorted = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  const n = sorted.length;
  return qs.map((q) => {
    if (n === 0 || Number.isNaN(q)) return NaN;
    const pos = Math.min(1, Math.max(0, q)) * (n - 1);
    const i = Math.floor(pos);
    const frac = pos - i;
    if (frac === 0 || i + 1 >= n) return sorted[i];
    return sorted[i] + frac * (sorted[i + 1] - sorted[i]);
  });
}
