import type { GrayImage } from './grayImage';

/**
 * Copies `img` into a `frame`×`frame` image with its top-left corner at (dx, dy),
 * dropping what falls outside and clamping values to [0, 1].
 * @returns frame×frame values, row-major
 */
export function pasteInFrame(img: GrayImage, frame: number, dx: number, dy: number): Float32Array {
  const out = new Float32Array(frame * frame);
  for (let y = 0; y < img.height; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= frame) continue;
    for (let x = 0; x < img.width; x++) {
      const tx = x + dx;
      if (tx < 0 || tx >= frame) continue;
      const v = img.data[y * img.width + x];
      out[ty * frame + tx] = v > 1 ? 1 : v > 0 ? v : 0;
    }
  }
  return out;
}
