/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013).
 *
 * Used by the charts so that tens of thousands of per-batch values can be drawn
 * as a path of roughly two points per pixel without losing visual features such
 * as spikes (which plain striding or averaging would flatten).
 */

/** Result of {@link lttb}: parallel, freshly allocated x and y arrays. */
export interface Downsampled {
  xs: Float64Array;
  ys: Float64Array;
}

/**
 * Downsample a series to at most `threshold` points with LTTB.
 *
 * - Points whose x or y is not finite (NaN, ±Infinity) are dropped first, so
 *   they can never poison the triangle areas. Callers that want gaps drawn as
 *   gaps should split runs themselves (see `downsampleSeries` in chartMath).
 * - When the (finite) length is <= threshold the finite points are returned as
 *   a copy, so callers may mutate the result freely.
 * - The first and last finite points are always kept; thresholds below 2 are
 *   treated as 2 for that reason.
 * - Output x order follows input order, so ascending x stays ascending.
 */
export function lttb(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  threshold: number,
): Downsampled {
  const len = Math.min(xs.length, ys.length);

  // Compact the finite points into dense arrays. Doing this up front keeps the
  // bucket arithmetic below simple (no holes to skip inside a bucket).
  const fx = new Float64Array(len);
  const fy = new Float64Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const x = xs[i];
    const y = ys[i];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      fx[n] = x;
      fy[n] = y;
      n++;
    }
  }

  const m = Number.isFinite(threshold) ? Math.max(2, Math.floor(threshold)) : n;
  if (n <= m) return { xs: fx.slice(0, n), ys: fy.slice(0, n) };

  if (m === 2) {
    return {
      xs: Float64Array.of(fx[0], fx[n - 1]),
      ys: Float64Array.of(fy[0], fy[n - 1]),
    };
  }

  const outX = new Float64Array(m);
  const outY = new Float64Array(m);
  outX[0] = fx[0];
  outY[0] = fy[0];

  // Interior points are split into (m - 2) equal buckets; first and last are
  // fixed. `every` > 1 here because n > m.
  const every = (n - 2) / (m - 2);
  let a = 0; // index of the previously selected point
  let o = 1;

  for (let b = 0; b < m - 2; b++) {
    // Average of the *next* bucket is the third triangle vertex. For the last
    // bucket this range collapses onto the final point, which is what we want.
    const avgStart = Math.floor((b + 1) * every) + 1;
    const avgEnd = Math.min(Math.floor((b + 2) * every) + 1, n);
    let avgX = 0;
    let avgY = 0;
    for (let j = avgStart; j < avgEnd; j++) {
      avgX += fx[j];
      avgY += fy[j];
    }
    const avgLen = avgEnd - avgStart;
    avgX /= avgLen;
    avgY /= avgLen;

    const start = Math.floor(b * every) + 1;
    const end = Math.floor((b + 1) * every) + 1;
    const ax = fx[a];
    const ay = fy[a];
    let best = start;
    let bestArea = -1;
    for (let j = start; j < end; j++) {
      // Twice the triangle area; the factor is irrelevant for the argmax.
      const area = Math.abs((ax - avgX) * (fy[j] - ay) - (ax - fx[j]) * (avgY - ay));
      if (area > bestArea) {
        bestArea = area;
        best = j;
      }
    }
    outX[o] = fx[best];
    outY[o] = fy[best];
    o++;
    a = best;
  }

  outX[o] = fx[n - 1];
  outY[o] = fy[n - 1];
  return { xs: outX, ys: outY };
}
