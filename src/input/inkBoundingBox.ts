import type { GrayImage } from './grayImage';

/** A pixel rectangle, inclusive-exclusive: columns `x0 ≤ x < x1`, rows `y0 ≤ y < y1`. */
export interface InkBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The smallest rectangle holding every pixel whose value exceeds `threshold`.
 * The threshold ignores faint smudges (anti-aliasing halos, JPEG noise) that would otherwise
 * inflate the box and shrink the digit when it is scaled to fit.
 *
 * @param img       image in ink convention (1 = ink)
 * @param threshold a pixel is ink when its value is strictly greater than this (in [0, 1])
 * @returns the box in pixel indices (inclusive-exclusive), or null when no pixel is ink
 */
export function inkBoundingBox(img: GrayImage, threshold = 0.05): InkBox | null {
  const { width, height, data } = img;
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (data[row + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        y1 = y; // rows are scanned in order, so the last hit is the lowest
      }
    }
  }
  if (x1 < 0) return null;
  return { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}
