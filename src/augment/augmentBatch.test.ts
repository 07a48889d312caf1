import { describe, expect, it } from 'vitest';
import { makeBatch } from '../data/makeBatch';
import { mulberry32 } from '../data/random';
import { augmentBatchInto, augmentSeed } from './augmentBatch';
import { AUGMENT_DEFAULT, AUGMENT_OFF } from '../model/augmentConfig';
import { AugmentScratch, augmentImage } from './augmentImage';

const ROWS = 6;
const COLS = 5;
const PER = ROWS * COLS;
const COUNT = 7;

/** COUNT small images with a bar of ink each, in different places. */
const PIXELS = (() => {
  const p = new Uint8Array(COUNT * PER);
  for (let i = 0; i < COUNT; i++) {
    for (let c = 1; c < 4; c++) p[i * PER + (1 + (i % 4)) * COLS + c] = 60 + 25 * i;
    p[i * PER + 2 * COLS + 2] = 255;
  }
  return p;
})();
const LABELS = new Uint8Array(COUNT);
const INDICES = [4, 0, 6, 2, 5, 1, 3];

const popcount = (x: number) => {
  let n = 0;
  for (let v = x >>> 0; v; v &= v - 1) n++;
  return n;
};

describe('augmentSeed', () => {
  it('is a deterministic uint32', () => {
    for (const [s, e, b] of [[0, 0, 0], [42, 3, 17], [0xffffffff, 1e6, 2 ** 31]]) {
      const x = augmentSeed(s, e, b);
      expect(x).toBe(augmentSeed(s, e, b));
      expect(Number.isInteger(x) && x >= 0 && x < 2 ** 32).toBe(true);
    }
  });

  it('never repeats over a grid of seeds, epochs and batches', () => {
    const seen = new Set<number>();
    for (const s of [0, 1, 2, 12345]) for (let e = 0; e < 50; e++) for (let b = 0; b < 50; b++) seen.add(augmentSeed(s, e, b));
    expect(seen.size).toBe(4 * 50 * 50);
  });

  it('tells epoch from batch: (1, 2) and (2, 1) differ', () => {
    expect(augmentSeed(0, 1, 2)).not.toBe(augmentSeed(0, 2, 1));
  });

  it('is well mixed: neighbouring epochs or batches differ in about half the bits', () => {
    let bits = 0;
    let pairs = 0;
    for (let e = 0; e < 40; e++) {
      for (let b = 0; b < 40; b++) {
        bits += popcount(augmentSeed(7, e, b) ^ augmentSeed(7, e + 1, b));
        bits += popcount(augmentSeed(7, e, b) ^ augmentSeed(7, e, b + 1));
        bits += popcount(augmentSeed(7, e, b) ^ augmentSeed(8, e, b));
        pairs += 3;
      }
    }
    expect(bits / pairs).toBeGreaterThan(15);
    expect(bits / pairs).toBeLessThan(17);
  });
});

describe('augmentBatchInto', () => {
  const scratch = new AugmentScratch(ROWS, COLS);

  it('with augmentation off gives exactly makeBatch’s x', () => {
    const out = new Float32Array(5 * PER);
    const n = augmentBatchInto(PIXELS, PER, ROWS, COLS, INDICES, 1, 6, AUGMENT_OFF, mulberry32(1), out, scratch);
    expect(n).toBe(5);
    expect(Array.from(out)).toEqual(Array.from(makeBatch(PIXELS, LABELS, PER, INDICES, 1, 6).x));
  });

  it('clips the last partial batch, returns how many it wrote, and leaves the rest of out alone', () => {
    const out = new Float32Array(4 * PER).fill(-1);
    const n = augmentBatchInto(PIXELS, PER, ROWS, COLS, INDICES, 5, 9, AUGMENT_DEFAULT, mulberry32(1), out, scratch);
    expect(n).toBe(2);
    expect(out.subarray(0, 2 * PER).every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(out.subarray(2 * PER).every((v) => v === -1)).toBe(true);
    expect(augmentBatchInto(PIXELS, PER, ROWS, COLS, INDICES, 7, 9, AUGMENT_DEFAULT, mulberry32(1), out, scratch)).toBe(0);
  });

  it('augments each image in index order from the one stream, like augmentImage one by one', () => {
    const out = new Float32Array(COUNT * PER);
    augmentBatchInto(PIXELS, PER, ROWS, COLS, INDICES, 0, COUNT, AUGMENT_DEFAULT, mulberry32(3), out, scratch);
    const rand = mulberry32(3);
    const expected = new Float32Array(COUNT * PER);
    const own = new AugmentScratch(ROWS, COLS);
    INDICES.forEach((idx, i) => augmentImage(PIXELS.subarray(idx * PER, (idx + 1) * PER), ROWS, COLS, AUGMENT_DEFAULT, rand, expected, i * PER, own));
    expect(Array.from(out)).toEqual(Array.from(expected));
    expect(Array.from(out)).not.toEqual(Array.from(makeBatch(PIXELS, LABELS, PER, INDICES, 0, COUNT).x));
  });

  it('gives a resumed run the same batch as an unbroken one (nothing carries over in the scratch)', () => {
    const batch = (epoch: number, b: number, s: AugmentScratch) => {
      const out = new Float32Array(3 * PER);
      augmentBatchInto(PIXELS, PER, ROWS, COLS, INDICES, 3 * b, 3 * b + 3, AUGMENT_DEFAULT, mulberry32(augmentSeed(99, epoch, b)), out, s);
      return Array.from(out);
    };
    const unbroken = new AugmentScratch(ROWS, COLS);
    let last: number[] = [];
    for (let e = 0; e <= 2; e++) for (let b = 0; b < 2; b++) last = batch(e, b, unbroken);
    expect(batch(2, 1, new AugmentScratch(ROWS, COLS))).toEqual(last);
    expect(batch(1, 1, new AugmentScratch(ROWS, COLS))).not.toEqual(last);
  });

  it('refuses a pixelsPerImage that is not rows × cols, and an out too small', () => {
    expect(() => augmentBatchInto(PIXELS, PER + 1, ROWS, COLS, INDICES, 0, 1, AUGMENT_OFF, mulberry32(1), new Float32Array(PER + 1), scratch)).toThrow();
    expect(() => augmentBatchInto(PIXELS, PER, ROWS, COLS, INDICES, 0, 2, AUGMENT_OFF, mulberry32(1), new Float32Array(PER), scratch)).toThrow();
  });
});
