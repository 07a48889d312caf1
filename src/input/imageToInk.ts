import type { GrayImage } from './grayImage';

/** Median of the outermost 1-px frame (each border pixel counted once). */
function borderMedian(values: Float32Array, width: number, height: number): number {
  const border: number[] = [];
  for (let x = 0; x < width; x++) {
    border.push(values[x]);
    if (height > 1) border.push(values[(height - 1) * width + x]);
  }
  for (let y = 1; y < height - 1; y++) {
    border.push(values[y * width]);
    if (width > 1) border.push(values[y * width + width - 1]);
  }
  border.sort((a, b) => a - b);
  const mid = border.length >> 1;
  return border.length % 2 === 1 ? border[mid] : (border[mid - 1] + border[mid]) / 2;
}

/**
 * Converts an uploaded photo or scan (RGBA bytes, as from `ImageData`) to ink convention.
 *
 * 1. Luminance with Rec. 601 weights (0.299 R + 0.587 G + 0.114 B), composited over white by
 *    alpha, so the transparent part of a PNG reads as paper, i.e. background.
 * 2. Polarity from the border: people photograph dark ink on light paper, while MNIST is light
 *    ink on black. If the median of the outermost 1-px frame is light (> 0.5) the image is
 *    inverted. The median (not the mean) shrugs off a stroke that touches the edge.
 * 3. Contrast stretch: the background level (border median, after inversion) maps to 0 and the
 *    brightest pixel to 1; anything darker than the background clamps to 0. This removes grey
 *    paper and faded pencil. A flat image (max ≤ background) becomes all zeros.
 *
 * @param rgba   `width × height × 4` bytes, row-major RGBA, non-premultiplied
 * @param width  columns, integer >= 1
 * @param height rows, integer >= 1
 * @returns a `width × height` image, values in [0, 1], 1 = ink
 * @throws RangeError for an invalid size or too short a buffer
 */
export function imageToInk(rgba: Uint8ClampedArray, width: number, height: number): GrayImage {
  if (!Number.isInteger(width) || width < 1) throw new RangeError(`width must be an integer >= 1, got ${width}`);
  if (!Number.isInteger(height) || height < 1) throw new RangeError(`height must be an integer >= 1, got ${height}`);
  const n = width * height;
  if (rgba.length < n * 4) throw new RangeError(`rgba has ${rgba.length} bytes, need ${n * 4}`);

  const lum = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const p = i * 4;
    const l = (0.299 * rgba[p] + 0.587 * rgba[p + 1] + 0.114 * rgba[p + 2]) / 255;
    const a = rgba[p + 3] / 255;
    lum[i] = a * l + (1 - a); // over white
  }

  if (borderMedian(lum, width, height) > 0.5) {
    for (let i = 0; i < n; i++) lum[i] = 1 - lum[i];
  }

  // Recomputed rather than derived (1 - median) so the stretch always uses the final polarity.
  const bg = borderMedian(lum, width, height);
  let max = 0;
  for (let i = 0; i < n; i++) if (lum[i] > max) max = lum[i];
  const range = max - bg;
  const data = new Float32Array(n);
  // A flat image has no ink: dividing by a ~0 range would turn float noise into full ink.
  if (range > 1e-6) {
    for (let i = 0; i < n; i++) {
      const v = (lum[i] - bg) / range;
      data[i] = v > 1 ? 1 : v > 0 ? v : 0;
    }
  }
  return { width, height, data };
}
