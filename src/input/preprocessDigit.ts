import type { GrayImage } from './grayImage';
import { centerOfMass } from './centerOfMass';
import { fitInk } from './fitInk';
import { pasteInFrame } from './pasteInFrame';

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
  const scaled = fitInk(img, BOX);
  if (!scaled) return { input: new Float32Array(FRAME * FRAME), empty: true };
  // The crop holds at least one pixel > 0.05 and resampling conserves mass, so the centroid
  // exists; the geometric centre is only a guard.
  const com = centerOfMass(scaled) ?? { x: scaled.width / 2, y: scaled.height / 2 };
  const input = pasteInFrame(scaled, FRAME, Math.round(FRAME / 2 - com.x), Math.round(FRAME / 2 - com.y));
  return { input, empty: false };
}
