import { describe, expect, it } from 'vitest';
import { dilate3x3, erode3x3 } from './greyMorphology';

const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);

/** rows×cols zeros with the given [row, col, value] pixels set. */
function image(rows: number, cols: number, pixels: [number, number, number][]): Uint8Array {
  const img = new Uint8Array(rows * cols);
  for (const [r, c, v] of pixels) img[r * cols + c] = v;
  return img;
}

/** A 3×3 square of `v` centred on (r, c). */
function square(r: number, c: number, v: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let y = r - 1; y <= r + 1; y++) for (let x = c - 1; x <= c + 1; x++) out.push([y, x, v]);
  return out;
}

describe('dilate3x3', () => {
  it('grows a single pixel into a 3×3 square', () => {
    const out = new Uint8Array(49);
    dilate3x3(image(7, 7, [[3, 3, 200]]), 7, 7, out);
    expect(Array.from(out)).toEqual(Array.from(image(7, 7, square(3, 3, 200))));
  });

  it('takes the brightest neighbour, so grey edges stay grey', () => {
    const out = new Uint8Array(25);
    dilate3x3(image(5, 5, [[2, 1, 90], [2, 3, 250]]), 5, 5, out);
    expect(out[2 * 5 + 2]).toBe(250); // between the two
    expect(out[2 * 5 + 0]).toBe(90); // next to the dim one only
    expect(out[2 * 5 + 4]).toBe(250);
  });

  it('adds ink to a stroke and keeps an all-zero image zero', () => {
    const stroke = image(8, 8, [[4, 2, 255], [4, 3, 255], [4, 4, 255], [4, 5, 128]]);
    const out = new Uint8Array(64);
    dilate3x3(stroke, 8, 8, out);
    expect(sum(out)).toBeGreaterThan(sum(stroke));
    dilate3x3(new Uint8Array(64), 8, 8, out);
    expect(sum(out)).toBe(0);
  });

  it('handles the border (outside counts as 0) and non-square images', () => {
    const out = new Uint8Array(3 * 5);
    dilate3x3(image(3, 5, [[0, 4, 77]]), 3, 5, out);
    expect(Array.from(out)).toEqual(Array.from(image(3, 5, [[0, 3, 77], [0, 4, 77], [1, 3, 77], [1, 4, 77]])));
  });
});

describe('erode3x3', () => {
  it('shrinks a 3×3 square to its centre pixel', () => {
    const out = new Uint8Array(49);
    erode3x3(image(7, 7, square(3, 3, 180)), 7, 7, out);
    expect(Array.from(out)).toEqual(Array.from(image(7, 7, [[3, 3, 180]])));
  });

  it('takes the darkest neighbour', () => {
    const src = new Uint8Array(25).fill(200);
    src[2 * 5 + 2] = 40;
    const out = new Uint8Array(25);
    erode3x3(src, 5, 5, out);
    expect(Array.from(out)).toEqual(Array.from(image(5, 5, [[1, 1, 40], [1, 2, 40], [1, 3, 40], [2, 1, 40], [2, 2, 40], [2, 3, 40], [3, 1, 40], [3, 2, 40], [3, 3, 40]])));
  });

  it('removes ink, and a 1-pixel-wide line entirely', () => {
    const thick = image(9, 9, [...square(4, 3, 255), ...square(4, 5, 255)]);
    const out = new Uint8Array(81);
    erode3x3(thick, 9, 9, out);
    expect(sum(out)).toBeLessThan(sum(thick));
    expect(sum(out)).toBeGreaterThan(0);
    const line = image(9, 9, [[4, 2, 255], [4, 3, 255], [4, 4, 255], [4, 5, 255]]);
    erode3x3(line, 9, 9, out);
    expect(sum(out)).toBe(0);
  });

  it('treats outside as 0: a full image keeps only its interior', () => {
    const out = new Uint8Array(4 * 6);
    erode3x3(new Uint8Array(4 * 6).fill(255), 4, 6, out);
    const expected = image(4, 6, [[1, 1, 255], [1, 2, 255], [1, 3, 255], [1, 4, 255], [2, 1, 255], [2, 2, 255], [2, 3, 255], [2, 4, 255]]);
    expect(Array.from(out)).toEqual(Array.from(expected));
  });
});

describe('both', () => {
  it('refuse to work in place or on a too-small buffer', () => {
    const a = new Uint8Array(9);
    expect(() => dilate3x3(a, 3, 3, a)).toThrow();
    expect(() => erode3x3(a, 3, 3, a)).toThrow();
    expect(() => dilate3x3(a, 3, 4, new Uint8Array(12))).toThrow();
  });

  it('accept Uint8ClampedArray (canvas ImageData channels)', () => {
    const out = new Uint8ClampedArray(9);
    dilate3x3(new Uint8ClampedArray([0, 0, 0, 0, 9, 0, 0, 0, 0]), 3, 3, out);
    expect(Array.from(out)).toEqual(new Array(9).fill(9));
  });
});
