import { describe, expect, it } from 'vitest';
import { divergingColor, sequentialColor, symmetricMax } from './colorScales';

const isByte = (c: number) => Number.isInteger(c) && c >= 0 && c <= 255;

describe('divergingColor', () => {
  it('maps negative to blue, positive to red and zero to near-white', () => {
    const [nr, , nb] = divergingColor(-1, 1);
    expect(nb).toBeGreaterThan(nr + 50);
    const [pr, , pb] = divergingColor(1, 1);
    expect(pr).toBeGreaterThan(pb + 50);
    const zero = divergingColor(0, 1);
    for (const c of zero) expect(c).toBeGreaterThan(230);
  });
  it('clamps beyond ±maxAbs', () => {
    expect(divergingColor(10, 1)).toEqual(divergingColor(1, 1));
    expect(divergingColor(-10, 1)).toEqual(divergingColor(-1, 1));
  });
  it('is symmetric in lightness around zero', () => {
    const sum = (c: number[]) => c[0] + c[1] + c[2];
    expect(Math.abs(sum(divergingColor(0.5, 1)) - sum(divergingColor(-0.5, 1)))).toBeLessThan(60);
  });
  it('returns integer bytes and a neutral colour for NaN / bad range', () => {
    for (const v of [-0.3, 0, 0.7]) expect(divergingColor(v, 1).every(isByte)).toBe(true);
    expect(divergingColor(NaN, 1)).toEqual(divergingColor(0, 1));
    expect(divergingColor(1, 0)).toEqual(divergingColor(0, 1));
  });
});

describe('sequentialColor', () => {
  it('maps min to black and max to white', () => {
    expect(sequentialColor(0, 0, 2)).toEqual([0, 0, 0]);
    expect(sequentialColor(2, 0, 2)).toEqual([255, 255, 255]);
  });
  it('is monotonically brighter and clamps', () => {
    const a = sequentialColor(0.5, 0, 2)[0];
    const b = sequentialColor(1.5, 0, 2)[0];
    expect(b).toBeGreaterThan(a);
    expect(sequentialColor(-5, 0, 2)).toEqual([0, 0, 0]);
    expect(sequentialColor(9, 0, 2)).toEqual([255, 255, 255]);
  });
  it('gives black for NaN and empty ranges', () => {
    expect(sequentialColor(NaN, 0, 1)).toEqual([0, 0, 0]);
    expect(sequentialColor(1, 1, 1)).toEqual([0, 0, 0]);
  });
});

describe('symmetricMax', () => {
  it('returns the largest absolute finite value', () => {
    expect(symmetricMax([0.5, -2, 1])).toBe(2);
    expect(symmetricMax(Float32Array.of(-0.25, 0.125))).toBe(0.25);
    expect(symmetricMax([NaN, Infinity, -3])).toBe(3);
  });
  it('has a 1e-12 floor', () => {
    expect(symmetricMax([])).toBe(1e-12);
    expect(symmetricMax([0, 0])).toBe(1e-12);
  });
});
