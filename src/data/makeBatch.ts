/**
 * Gathers examples by index into a float batch, scaling uint8 pixels to [0, 1].
 * The dataset stays uint8 (a quarter of float32's memory); only one batch at a
 * time is ever float.
 *
 * @param pixels  all images, `count × pixelsPerImage` bytes
 * @param labels  one class index per image
 * @param indices which images, in order; the batch is `indices[start, end)`
 * @returns `x` of length `n × pixelsPerImage`, `y` of length `n`
 */
export function makeBatch(
  pixels: Uint8Array,
  labels: Uint8Array,
  pixelsPerImage: number,
  indices: ArrayLike<number>,
  start: number,
  end: number,
): { x: Float32Array; y: Int32Array; n: number } {
  const n = Math.max(0, Math.min(end, indices.length) - start);
  const x = new Float32Array(n * pixelsPerImage);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const src = indices[start + i];
    const off = src * pixelsPerImage;
    const dst = i * pixelsPerImage;
    for (let p = 0; p < pixelsPerImage; p++) x[dst + p] = pixels[off + p] / 255;
    y[i] = labels[src];
  }
  return { x, y, n };
}
