import type { ModelSpec } from '../model/types';
import { receptiveFieldOf } from './receptiveField';

/**
 * The pixel of spec layer `layer` (a conv or pooling layer of output
 * `outHeight` × `outWidth`) whose receptive field holds the most ink of
 * `image`: a default worth explaining, where a blank corner would show a sum
 * of zeros. Ties go to the pixel nearest the middle; a blank image gives the middle.
 */
export function inkiestPixel(spec: ModelSpec, layer: number, outHeight: number, outWidth: number, image: Float32Array): { y: number; x: number } {
  const w = spec.inputShape[1];
  // Column-wise prefix sums of the image: a box's ink in O(rows).
  const h = spec.inputShape[0];
  const prefix = new Float64Array((h + 1) * (w + 1));
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < w; c++) {
      prefix[(r + 1) * (w + 1) + c + 1] = image[r * w + c] + prefix[r * (w + 1) + c + 1] + prefix[(r + 1) * (w + 1) + c] - prefix[r * (w + 1) + c];
    }
  }
  const ink = (top: number, left: number, bottom: number, right: number) =>
    prefix[(bottom + 1) * (w + 1) + right + 1] - prefix[top * (w + 1) + right + 1] - prefix[(bottom + 1) * (w + 1) + left] + prefix[top * (w + 1) + left];
  const fieldOf = receptiveFieldOf(spec, layer);
  let best = { y: Math.floor(outHeight / 2), x: Math.floor(outWidth / 2) };
  let bestInk = 0;
  let bestDist = 0;
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      const { box } = fieldOf(y, x);
      const v = ink(box.top, box.left, box.bottom, box.right);
      const dist = Math.abs(y - outHeight / 2) + Math.abs(x - outWidth / 2);
      if (v > bestInk + 1e-9 || (Math.abs(v - bestInk) <= 1e-9 && v > 0 && dist < bestDist)) {
        best = { y, x };
        bestInk = v;
        bestDist = dist;
      }
    }
  }
  return best;
}
