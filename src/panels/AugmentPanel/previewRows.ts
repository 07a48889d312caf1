import type { AugmentSampleState } from '../../store/drawings/drawingsState';

/**
 * A preview's images laid out for a grid, one row per original: the original
 * first, then its variants. A live training sample is its images as they are.
 * @returns the images back to back, how many, and the columns per row
 */
export function previewRows(sample: AugmentSampleState, pixelsPerImage: number): { images: Uint8Array; count: number; columns: number } {
  const { originals, perOriginal, images, count } = sample;
  if (!originals || perOriginal <= 0) return { images, count, columns: Math.min(8, Math.max(1, count)) };
  const columns = perOriginal + 1;
  const out = new Uint8Array(count * columns * pixelsPerImage);
  for (let k = 0; k < count; k++) {
    const row = k * columns * pixelsPerImage;
    out.set(originals.subarray(k * pixelsPerImage, (k + 1) * pixelsPerImage), row);
    out.set(images.subarray(k * perOriginal * pixelsPerImage, (k + 1) * perOriginal * pixelsPerImage), row + pixelsPerImage);
  }
  return { images: out, count: count * columns, columns };
}
