import { describe, it, expect } from 'vitest';
import { imageToInk } from './imageToInk';

type Rgba = [number, number, number, number];

/** Builds an RGBA buffer by asking `pixel` for each (x, y). */
function makeRgba(w: number, h: number, pixel: (x: number, y: number) => Rgba): Uint8ClampedArray {
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.set(pixel(x, y), (y * w + x) * 4);
  return out;
}

/** A plus sign in the middle of a w×h image. */
const isStroke = (x: number, y: number, w: number, h: number) =>
  (Math.abs(x - w / 2) < 2 && y > 3 && y < h - 4) || (Math.abs(y - h / 2) < 2 && x > 3 && x < w - 4);

describe('imageToInk', () => {
  it('turns a dark digit on white paper into ink 1 on background 0', () => {
    const rgba = makeRgba(20, 16, (x, y) => (isStroke(x, y, 20, 16) ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const img = imageToInk(rgba, 20, 16);
    expect(img.width).toBe(20);
    expect(img.height).toBe(16);
    for (let y = 0; y < 16; y++)
      for (let x = 0; x < 20; x++) expect(img.data[y * 20 + x]).toBeCloseTo(isStroke(x, y, 20, 16) ? 1 : 0, 6);
  });

  it('stretches grey paper and faded ink to the full range', () => {
    const rgba = makeRgba(20, 16, (x, y) => (isStroke(x, y, 20, 16) ? [60, 60, 60, 255] : [200, 200, 190, 255]));
    const img = imageToInk(rgba, 20, 16);
    expect(img.data[8 * 20 + 10]).toBeCloseTo(1, 6);
    expect(img.data[0]).toBeCloseTo(0, 6);
    expect(Math.min(...img.data)).toBeGreaterThanOrEqual(0);
  });

  it('keeps white-on-black as it is', () => {
    const rgba = makeRgba(20, 16, (x, y) => (isStroke(x, y, 20, 16) ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const img = imageToInk(rgba, 20, 16);
    expect(img.data[8 * 20 + 10]).toBeCloseTo(1, 6);
    expect(img.data[0]).toBe(0);
  });

  it('treats transparent pixels of a PNG as background', () => {
    const rgba = makeRgba(20, 16, (x, y) => (isStroke(x, y, 20, 16) ? [0, 0, 0, 255] : [0, 0, 0, 0]));
    const img = imageToInk(rgba, 20, 16);
    expect(img.data[8 * 20 + 10]).toBeCloseTo(1, 6);
    expect(img.data[0]).toBe(0);
    // Half-transparent black over white is mid-grey, so half ink.
    rgba.set([0, 0, 0, 128], (8 * 20 + 10) * 4);
    rgba.set([0, 0, 0, 255], (8 * 20 + 11) * 4);
    expect(imageToInk(rgba, 20, 16).data[8 * 20 + 10]).toBeCloseTo(128 / 255, 3);
  });

  it('uses Rec. 601 luminance weights', () => {
    const rgba = makeRgba(9, 9, (x, y) =>
      x === 4 && y === 4 ? [255, 0, 0, 255] : x === 4 && y === 5 ? [0, 0, 0, 255] : [255, 255, 255, 255],
    );
    const img = imageToInk(rgba, 9, 9);
    expect(img.data[5 * 9 + 4]).toBeCloseTo(1, 6);
    expect(img.data[4 * 9 + 4]).toBeCloseTo(1 - 0.299, 5); // red is mostly "dark"
  });

  it('judges polarity by the border median even when strokes touch the edge', () => {
    // Black paper with a white bar across the full width: the bar reaches the border on two sides.
    const rgba = makeRgba(20, 20, (_x, y) => (y >= 8 && y < 12 ? [255, 255, 255, 255] : [10, 10, 10, 255]));
    const img = imageToInk(rgba, 20, 20);
    expect(img.data[10 * 20 + 0]).toBeCloseTo(1, 6);
    expect(img.data[2 * 20 + 5]).toBe(0);
  });

  it('maps a flat image to all zeros', () => {
    for (const c of [0, 128, 255]) {
      const img = imageToInk(makeRgba(5, 4, () => [c, c, c, 255]), 5, 4);
      expect(img.data.every((v) => v === 0)).toBe(true);
    }
  });

  it('handles 1-px wide and tall images', () => {
    const col = imageToInk(makeRgba(1, 5, (_x, y) => (y === 2 ? [0, 0, 0, 255] : [255, 255, 255, 255])), 1, 5);
    expect(Array.from(col.data)).toEqual([0, 0, 1, 0, 0]);
    expect(imageToInk(makeRgba(1, 1, () => [0, 0, 0, 255]), 1, 1).data[0]).toBe(0);
  });

  it('rejects bad sizes and short buffers', () => {
    expect(() => imageToInk(new Uint8ClampedArray(16), 2, 3)).toThrow(RangeError);
    expect(() => imageToInk(new Uint8ClampedArray(0), 0, 1)).toThrow(RangeError);
  });
});
