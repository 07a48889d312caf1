/** Channel `c` of a channels-last [h, w, channels] activation, as an h×w row-major array. */
export function channelOf(values: Float32Array, h: number, w: number, channels: number, c: number): Float32Array {
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = values[i * channels + c];
  return out;
}

/** Smallest and largest finite value (0, 1 for an empty or flat array, so a colour scale never divides by 0). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo < hi ? [lo, hi] : [Math.min(0, lo === Infinity ? 0 : lo), Math.max(1, hi === -Infinity ? 1 : hi)];
}
