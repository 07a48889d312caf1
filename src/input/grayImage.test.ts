import { describe, it, expect } from 'vitest';
import { createGrayImage } from './grayImage';

describe('createGrayImage', () => {
  it('allocates a zeroed row-major buffer', () => {
    const img = createGrayImage(3, 2);
    expect(img.width).toBe(3);
    expect(img.height).toBe(2);
    expect(img.data).toBeInstanceOf(Float32Array);
    expect(img.data.length).toBe(6);
    expect(Array.from(img.data)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('allows an empty image', () => {
    expect(createGrayImage(0, 5).data.length).toBe(0);
  });

  it('rejects negative or fractional sizes', () => {
    expect(() => createGrayImage(-1, 2)).toThrow(RangeError);
    expect(() => createGrayImage(2, 1.5)).toThrow(RangeError);
  });
});
