import type { GrayImage } from '../../src/input/grayImage';

/**
 * Strokes (points in fractions of the pad) drawn as the pad draws them: a
 * round pen `width` pixels wide on a `size`-pixel square, white on black,
 * with a pixel's coverage as its ink (an anti-aliased line, as a canvas draws).
 */
export function rasterStrokes(strokes: readonly (readonly (readonly [number, number])[])[], size = 280, width = 20): GrayImage {
  const data = new Float32Array(size * size);
  const r = width / 2;
  for (const stroke of strokes) {
    for (let i = 0; i < stroke.length; i++) {
      const [ax, ay] = stroke[i];
      const [bx, by] = stroke[Math.min(i + 1, stroke.length - 1)];
      const x0 = ax * size, y0 = ay * size, x1 = bx * size, y1 = by * size;
      const minX = Math.max(0, Math.floor(Math.min(x0, x1) - r - 1)), maxX = Math.min(size - 1, Math.ceil(Math.max(x0, x1) + r + 1));
      const minY = Math.max(0, Math.floor(Math.min(y0, y1) - r - 1)), maxY = Math.min(size - 1, Math.ceil(Math.max(y0, y1) + r + 1));
      const dx = x1 - x0, dy = y1 - y0;
      const len2 = dx * dx + dy * dy;
      for (let y = minY; y <= maxY; y++) {
        for (let x = minX; x <= maxX; x++) {
          const px = x + 0.5, py = y + 0.5;
          const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
          const d = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
          const ink = Math.max(0, Math.min(1, r + 0.5 - d));
          const k = y * size + x;
          if (ink > data[k]) data[k] = ink;
        }
      }
    }
  }
  return { width: size, height: size, data };
}
