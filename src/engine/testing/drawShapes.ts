import { mulberry32 } from '../../data/random';

/**
 * Hand-drawn-looking shapes for tests of learning from the user's own
 * classes: a circle or a cross, with the size, place and stroke width a
 * person's mouse drawing would vary, rasterised white on black into 28×28 bytes.
 */
export function drawShape(kind: 'circle' | 'cross', seed: number): Uint8Array {
  const rand = mulberry32(seed);
  const out = new Uint8Array(28 * 28);
  const cx = 14 + (rand() - 0.5) * 4;
  const cy = 14 + (rand() - 0.5) * 4;
  const r = 7 + rand() * 3;
  const width = 1.2 + rand() * 0.8;
  const tilt = (rand() - 0.5) * 0.5;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const dx = x + 0.5 - cx;
      const dy = y + 0.5 - cy;
      let d: number;
      if (kind === 'circle') {
        d = Math.abs(Math.hypot(dx, dy) - r);
      } else {
        // Two strokes at ±45° (tilted), each as long as the circle is wide.
        const a = Math.PI / 4 + tilt;
        const along1 = dx * Math.cos(a) + dy * Math.sin(a);
        const across1 = -dx * Math.sin(a) + dy * Math.cos(a);
        const along2 = dx * Math.cos(-a) + dy * Math.sin(-a);
        const across2 = -dx * Math.sin(-a) + dy * Math.cos(-a);
        d = Math.min(Math.abs(along1) <= r ? Math.abs(across1) : Infinity, Math.abs(along2) <= r ? Math.abs(across2) : Infinity);
      }
      const ink = Math.max(0, Math.min(1, width - d));
      out[y * 28 + x] = Math.round(ink * 255);
    }
  }
  return out;
}

/** `perClass` circles (label 0) and crosses (label 1), interleaved, as an image set. */
export function shapeSet(perClass: number, seed: number): { pixels: Uint8Array; labels: Uint8Array; count: number; rows: number; cols: number; numClasses: number } {
  const count = perClass * 2;
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % 2;
    pixels.set(drawShape(i % 2 === 0 ? 'circle' : 'cross', seed * 1000 + i), i * 784);
  }
  return { pixels, labels, count, rows: 28, cols: 28, numClasses: 2 };
}
