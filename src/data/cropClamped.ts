import type { GrayImage } from './grayImage';
import type { InkBox } from './inkBoundingBox';

/** Copies the box out of `img`, clamping to [0, 1] (the first step of both dataset recipes). */
export function cropClamped(img: GrayImage, box: InkBox): GrayImage {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    const srcRow = (box.y0 + y) * img.width + box.x0;
    for (let x = 0; x < w; x++) {
      const v = img.data[srcRow + x];
      data[y * w + x] = v > 1 ? 1 : v > 0 ? v : 0;
    }
  }
  return { width: w, height: h, data };
}
