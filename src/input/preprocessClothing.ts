import type { GrayImage } from './grayImage';
import { fitInk } from './fitInk';
import { pasteInFrame } from './pasteInFrame';

/** Output frame side, in pixels (Fashion-MNIST is 28×28). */
const FRAME = 28;

/**
 * Turns an image of a garment into a network input the way Fashion-MNIST was made: the product
 * fills the frame along its longer side (no 4-px margin as in MNIST) and is centred by its box,
 * not its centre of mass.
 * 1. crop to the object's bounding box (values ≤ 0.05 ignored);
 * 2. area-resample so the longer side is 28 px, keeping the aspect ratio;
 * 3. centre the box in the 28×28 frame (an odd leftover pixel goes to the right / bottom).
 *
 * @param img image in ink convention (1 = object, 0 = background), any size
 * @returns `input`: 784 values (28×28 row-major) in [0, 1]; `empty`: true when there was nothing
 *          above the threshold, in which case `input` is all zeros
 */
export function preprocessClothing(img: GrayImage): { input: Float32Array; empty: boolean } {
  const scaled = fitInk(img, FRAME);
  if (!scaled) return { input: new Float32Array(FRAME * FRAME), empty: true };
  const input = pasteInFrame(scaled, FRAME, Math.floor((FRAME - scaled.width) / 2), Math.floor((FRAME - scaled.height) / 2));
  return { input, empty: false };
}
