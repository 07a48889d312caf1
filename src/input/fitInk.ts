import type { GrayImage } from './grayImage';
import { inkBoundingBox, type InkBox } from './inkBoundingBox';
import { resampleArea } from './resampleArea';

/** Copies the box out of `img`, clamping to [0, 1] (the first step of both dataset recipes). */
function cropClamped(img: GrayImage, box: InkBox): GrayImage {
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

/**
 * The first steps of both dataset recipes: crop to the ink's bounding box (values
 * clamped to [0, 1]) and area-resample so the longer side is `side` px, keeping
 * the aspect ratio. Null when there is no ink.
 */
export function fitInk(img: GrayImage, side: number): GrayImage | null {
  const box = inkBoundingBox(img);
  if (!box) return null;
  const cropped = cropClamped(img, box);
  const longer = Math.max(cropped.width, cropped.height);
  const outW = Math.max(1, Math.round((cropped.width * side) / longer));
  const outH = Math.max(1, Math.round((cropped.height * side) / longer));
  return resampleArea(cropped, outW, outH);
}
