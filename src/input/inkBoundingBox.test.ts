import { describe, it, expect } from 'vitest';
import { inkBoundingBox } from './inkBoundingBox';
import { createGrayImage } from './grayImage';

describe('inkBoundingBox', () => {
  it('returns null for an empty image', () => {
    expect(inkBoundingBox(createGrayImage(10, 8))).toBeNull();
    expect(inkBoundingBox(createGrayImage(0, 0))).toBeNull();
  });

  it('is inclusive-exclusive around a single pixel', () => {
    const img = createGrayImage(10, 8);
    img.data[3 * 10 + 4] = 1;
    expect(inkBoundingBox(img)).toEqual({ x0: 4, y0: 3, x1: 5, y1: 4 });
  });

  it('spans scattered pixels', () => {
    const img = createGrayImage(10, 8);
    img.data[1 * 10 + 7] = 0.5;
    img.data[6 * 10 + 2] = 0.9;
    img.data[4 * 10 + 9] = 0.2;
    expect(inkBoundingBox(img)).toEqual({ x0: 2, y0: 1, x1: 10, y1: 7 });
  });

  it('ignores values at or below the threshold', () => {
    const img = createGrayImage(10, 8);
    img.data[0] = 0.04; // faint smudge in the corner
    img.data[5 * 10 + 5] = 0.8;
    expect(inkBoundingBox(img)).toEqual({ x0: 5, y0: 5, x1: 6, y1: 6 });
    expect(inkBoundingBox(img, 0.01)).toEqual({ x0: 0, y0: 0, x1: 6, y1: 6 });
    expect(inkBoundingBox(img, 0.9)).toBeNull();
    img.data[5 * 10 + 5] = 0.5; // exactly representable in float32: equal to the threshold is not ink
    expect(inkBoundingBox(img, 0.5)).toBeNull();
  });

  it('covers the whole image when ink touches every edge', () => {
    const img = createGrayImage(4, 3);
    img.data.fill(1);
    expect(inkBoundingBox(img)).toEqual({ x0: 0, y0: 0, x1: 4, y1: 3 });
  });
});
