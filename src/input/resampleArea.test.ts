import { describe, it, expect } from 'vitest';
import { resampleArea } from './resampleArea';
import { createGrayImage, type GrayImage } from './grayImage';
import { mulberry32 } from '../data/random';

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

/** Mass in source-pixel area units: values × the area each output pixel covers. */
function mass(img: GrayImage, srcW: number, srcH: number): number {
  return (sum(img.data) * (srcW * srcH)) / (img.width * img.height);
}

function randomImage(w: number, h: number, seed: number): GrayImage {
  const img = createGrayImage(w, h);
  const rand = mulberry32(seed);
  for (let i = 0; i < img.data.length; i++) img.data[i] = rand();
  return img;
}

describe('resampleArea', () => {
  it('keeps the mass of a 1-px stroke scaled from 280 to 20 px', () => {
    const src = createGrayImage(280, 280);
    for (let y = 30; y < 250; y++) src.data[y * 280 + 141] = 1; // vertical 1-px line
    for (let x = 17; x < 263; x++) src.data[100 * 280 + x] = 1; // horizontal 1-px line
    const out = resampleArea(src, 20, 20);
    expect(mass(out, 280, 280)).toBeCloseTo(sum(src.data), 3);
    // The stroke survives as a faint line rather than vanishing: 1 of 14 columns is lit.
    expect(out.data[5 * 20 + 10]).toBeCloseTo(1 / 14, 5);
  });

  it('keeps mass for non-integer factors, down and up, with unequal axes', () => {
    for (const [w, h, ow, oh] of [
      [37, 23, 10, 7],
      [5, 3, 13, 11],
      [100, 7, 3, 20],
      [281, 199, 20, 14],
    ]) {
      const src = randomImage(w, h, w * 31 + h);
      const out = resampleArea(src, ow, oh);
      expect(out.width).toBe(ow);
      expect(out.height).toBe(oh);
      expect(Math.abs(mass(out, w, h) - sum(src.data))).toBeLessThan(1e-3);
    }
  });

  it('keeps a constant image constant', () => {
    for (const [w, h, ow, oh] of [
      [97, 53, 20, 13],
      [3, 7, 29, 11],
      [280, 280, 20, 20],
    ]) {
      const src = createGrayImage(w, h);
      src.data.fill(0.3);
      const out = resampleArea(src, ow, oh);
      for (const v of out.data) expect(v).toBeCloseTo(0.3, 6);
    }
  });

  it('handles 1×1 sources and targets', () => {
    const one: GrayImage = { width: 1, height: 1, data: Float32Array.of(0.7) };
    const up = resampleArea(one, 5, 4);
    expect(up.data.length).toBe(20);
    for (const v of up.data) expect(v).toBeCloseTo(0.7, 6);

    const src = randomImage(7, 5, 3);
    const down = resampleArea(src, 1, 1);
    expect(down.data[0]).toBeCloseTo(sum(src.data) / 35, 6);

    expect(resampleArea(one, 1, 1).data[0]).toBeCloseTo(0.7, 6);
  });

  it('averages whole blocks for integer factors and is the identity at the same size', () => {
    const src: GrayImage = { width: 4, height: 2, data: Float32Array.of(1, 0, 0.5, 0.5, 1, 0, 0, 1) };
    const out = resampleArea(src, 2, 1);
    expect(out.data[0]).toBeCloseTo(0.5, 6);
    expect(out.data[1]).toBeCloseTo(0.5, 6);

    const same = resampleArea(src, 4, 2);
    expect(Array.from(same.data)).toEqual(Array.from(src.data));
  });

  it('splits a pixel by its covered fraction', () => {
    // 3 → 2: output 0 covers source [0, 1.5), i.e. pixel 0 fully and half of pixel 1.
    const src: GrayImage = { width: 3, height: 1, data: Float32Array.of(1, 0, 0) };
    const out = resampleArea(src, 2, 1);
    expect(out.data[0]).toBeCloseTo(1 / 1.5, 6);
    expect(out.data[1]).toBeCloseTo(0, 6);
  });

  it('rejects empty sources and invalid sizes', () => {
    expect(() => resampleArea(createGrayImage(0, 3), 2, 2)).toThrow(RangeError);
    expect(() => resampleArea(createGrayImage(3, 3), 0, 2)).toThrow(RangeError);
    expect(() => resampleArea(createGrayImage(3, 3), 2, 1.5)).toThrow(RangeError);
  });
});
