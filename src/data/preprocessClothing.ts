import type { GrayImage } from './grayImage';
import { cropClamped } from './cropClamped';
import { inkBoundingBox } from './inkBoundingBox';
import { resampleArea } from './resampleArea';

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
  const input = new Float32Array(FRAME * FRAME);
  const box = inkBoundingBox(img);
  if (!box) return { input, empty: true };

  const cropped = cropClamped(img, box);
  const longer = Math.max(cropped.width, cropped.height);
  const outW = Math.max(1, Math.round((cropped.width * FRAME) / longer));
  const outH = Math.max(1, Math.round((cropped.height * FRAME) / longer));
  const scaled = resampleArea(cropped, outW, outH);

  const ox = Math.floor((FRAME - outW) / 2);
  const oy = Math.floor((FRAME - outH) / 2);
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      const v = scaled.data[y * outW + x];
      input[(y + oy) * FRAME + (x + ox)] = v > 1 ? 1 : v > 0 ? v : 0;
    }
  }
  return { input, empty: false };
}
