/**
 * Writes a grey image's ink into RGBA pixels for `ImageData`, as the page's
 * 28×28 preview shows the model's input: ink (1) white, background (0) black,
 * the MNIST look. Values are clamped to [0, 1]; NaN is background. Only
 * `min(ink.length, rgba.length / 4)` pixels are written.
 *
 * @param ink row-major values in [0, 1], 0 = background
 * @param rgba 4 bytes per pixel, e.g. `ImageData.data`
 */
export function inkToRgba(ink: ArrayLike<number>, rgba: Uint8ClampedArray): void {
  const n = Math.min(ink.length, rgba.length >> 2);
  for (let i = 0; i < n; i++) {
    const v = ink[i];
    const g = v > 0 ? Math.round(Math.min(v, 1) * 255) : 0; // NaN > 0 is false
    const o = i << 2;
    rgba[o] = g;
    rgba[o + 1] = g;
    rgba[o + 2] = g;
    rgba[o + 3] = 255;
  }
}
