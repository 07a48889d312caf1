import { windowOutputSize } from '../model/inferShapes';
import type { Padding } from '../model/types';
import { windowPlace } from './windowPlace';

/** Every window of a map laid out as one row of a matrix. */
export interface Im2col {
  /** OH·OW: row r = y·OW + x is output pixel (y, x). */
  rows: number;
  /** K·K·C, in (ky, kx, c) order. */
  cols: number;
  outHeight: number;
  outWidth: number;
  /** rows × cols, row-major; zeros in the padding. */
  values: Float32Array;
}

/**
 * Unrolls each window of `source` [h, w, c] into one row, so a convolution
 * becomes one matrix product. The columns run (ky, kx, c), the same order as
 * the first three axes of a tfjs kernel [K, K, C, F]: the kernel's values,
 * unchanged, are already the (K·K·C) × F matrix to multiply by.
 */
export function im2col(
  source: Float32Array,
  shape: readonly [number, number, number],
  size: number,
  stride: number,
  padding: Padding,
): Im2col {
  const [h, w, c] = shape;
  const outHeight = windowOutputSize(h, size, stride, padding);
  const outWidth = windowOutputSize(w, size, stride, padding);
  const rows = outHeight * outWidth;
  const cols = size * size * c;
  const values = new Float32Array(rows * cols);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const { top, left } = windowPlace(h, w, size, stride, padding, y, x);
      const row = (y * outWidth + x) * cols;
      for (let ky = 0; ky < size; ky++) {
        const sy = top + ky;
        if (sy < 0 || sy >= h) continue;
        for (let kx = 0; kx < size; kx++) {
          const sx = left + kx;
          if (sx < 0 || sx >= w) continue;
          // c consecutive values in both layouts: copy the channel run at once.
          const from = (sy * w + sx) * c;
          values.set(source.subarray(from, from + c), row + (ky * size + kx) * c);
        }
      }
    }
  }
  return { rows, cols, outHeight, outWidth, values };
}
