import { describe, it, expect } from 'vitest';
import { centerOfMass } from './centerOfMass';
import { createGrayImage } from './grayImage';

describe('centerOfMass', () => {
  it('returns null when there is no ink', () => {
    expect(centerOfMass(createGrayImage(5, 5))).toBeNull();
    expect(centerOfMass(createGrayImage(0, 0))).toBeNull();
  });

  it('uses pixel centres', () => {
    const img = createGrayImage(28, 28);
    img.data[13 * 28 + 13] = 0.4;
    expect(centerOfMass(img)).toEqual({ x: 13.5, y: 13.5 });
  });

  it('puts a uniform image at its geometric centre', () => {
    const img = createGrayImage(28, 10);
    img.data.fill(1);
    const c = centerOfMass(img)!;
    expect(c.x).toBeCloseTo(14, 9);
    expect(c.y).toBeCloseTo(5, 9);
  });

  it('weights by intensity', () => {
    const img = createGrayImage(4, 1);
    img.data[0] = 3; // centre 0.5
    img.data[3] = 1; // centre 3.5
    const c = centerOfMass(img)!;
    expect(c.x).toBeCloseTo((3 * 0.5 + 1 * 3.5) / 4, 9);
    expect(c.y).toBeCloseTo(0.5, 9);
  });

  it('gives negative values no weight', () => {
    const img = createGrayImage(4, 1);
    img.data[0] = -1;
    img.data[2] = 1;
    expect(centerOfMass(img)).toEqual({ x: 2.5, y: 0.5 });
  });
});
