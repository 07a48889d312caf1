import type { GrayImage } from './grayImage';

/**
 * Intensity-weighted centroid of the image.
 *
 * Pixel (x, y) is taken to sit at its centre (x + 0.5, y + 0.5), so a single lit pixel at
 * (13, 13) has its centre of mass at (13.5, 13.5), and the centre of a 28×28 frame is (14, 14).
 * Non-positive values carry no weight, so stray negative noise cannot drag the centroid outside
 * the ink.
 *
 * @param img image in ink convention (1 = ink)
 * @returns centroid in pixel units from the top-left corner, or null when there is no ink
 */
export function centerOfMass(img: GrayImage): { x: number; y: number } | null {
  const { width, height, data } = img;
  let mass = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    let rowMass = 0;
    for (let x = 0; x < width; x++) {
      const v = data[row + x];
      if (v > 0) {
        rowMass += v;
        sx += v * (x + 0.5);
      }
    }
    mass += rowMass;
    sy += rowMass * (y + 0.5);
  }
  if (!(mass > 0)) return null;
  return { x: sx / mass, y: sy / mass };
}
