import type { GrayImage } from './grayImage';
import { cropClamped } from './cropClamped';
import { inkBoundingBox } from './inkBoundingBox';
import { resampleArea } from './resampleArea';
import { centerOfMass } from './centerOfMass';

/** Output frame side, in pixels (MNIST is 28×28). */
const FRAME = 28;
/** MNIST fits each digit's bounding box into 20×20 before centring it in the frame. */
const BOX = 20;

/**
 * Turns a user drawing into a network input the way MNIST itself was made:
 * 1. crop to the ink's bounding box (faint pixels ≤ 0.05 ignored);
 * 2. area-resample so the longer side is 20 px, keeping the aspect ratio (a "1" stays thin);
 * 3. place it in a 28×28 frame, shifted by whole pixels (rounded) so its centre of mass lands at
 *    (14, 14) in pixel-centre coordinates — whole pixels because sub-pixel shifts would blur it.
 *
 * Like MNIST, a very lopsided shape (centroid more than 4 px from its box centre) can be pushed
 * partly out of the frame; that ink is dropped rather than breaking the centring.
 *
 * @param img drawing in ink convention (1 = ink), any size
 * @returns `input`: 784 values (28×28 row-major) in [0, 1]; `empty`: true when there was no ink,
 *          in which case `input` is all zeros
 */
export function preprocessDigit(img: GrayImage): { input: Float32Array; empty: boolean } {
  const input = new Float32Array(FRAME * FRAME);
  const box = inkBoundingBox(img);
  if (!box) return { input, empty: true };

  const cropped = cropClamped(img, box);
  const longer = Math.max(cropped.width, cropped.height);
  const outW = Math.max(1, Math.round((cropped.width * BOX) / longer));
  const outH = Math.max(1, Math.round((cropped.height * BOX) / longer));
  const scaled = resampleArea(cropped, outW, outH);

  // The crop holds at least one pixel > 0.05 and resampling conserves mass, so the centroid
  // exists; the geometric centre is only a guard.
  const com = centerOfMass(scaled) ?? { x: outW / 2, y: outH / 2 };
  const dx = Math.round(FRAME / 2 - com.x);
  const dy = Math.round(FRAME / 2 - com.y);

  for (let y = 0; y < outH; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= FRAME) continue;
    for (let x = 0; x < outW; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= FRAME) continue;
      const v = scaled.data[y * outW + x];
      input[ty * FRAME + tx] = v > 1 ? 1 : v > 0 ? v : 0;
    }
  }
  return { input, empty: false };
}
