import { describe, it, expect } from 'vitest';
import { fitWithin } from './fitWithin';

describe('fitWithin', () => {
  it('shrinks a 10000×10000 upload to 1024×1024', () => {
    expect(fitWithin(10000, 10000, 1024)).toEqual({ width: 1024, height: 1024, scale: 0.1024 });
  });

  it('keeps the aspect ratio', () => {
    const r = fitWithin(4000, 3000, 1024);
    expect(r).toEqual({ width: 1024, height: 768, scale: 0.256 });
    const t = fitWithin(3000, 4000, 1024);
    expect(t.width).toBe(768);
    expect(t.height).toBe(1024);
  });

  it('never upscales', () => {
    expect(fitWithin(300, 200, 1024)).toEqual({ width: 300, height: 200, scale: 1 });
    expect(fitWithin(1024, 1024, 1024)).toEqual({ width: 1024, height: 1024, scale: 1 });
  });

  it('keeps slivers at least 1 px', () => {
    expect(fitWithin(10000, 1, 1024)).toMatchObject({ width: 1024, height: 1 });
    expect(fitWithin(1, 10000, 100)).toMatchObject({ width: 1, height: 100 });
  });

  it('returns integers within the limit for awkward sizes', () => {
    for (const [w, h, m] of [
      [1025, 1, 1024],
      [7919, 6007, 1000],
      [3, 100003, 7],
      [9999, 9998, 1023],
    ]) {
      const r = fitWithin(w, h, m);
      expect(Number.isInteger(r.width) && Number.isInteger(r.height)).toBe(true);
      expect(Math.max(r.width, r.height)).toBe(m);
      expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(1);
      expect(r.scale).toBeLessThanOrEqual(1);
    }
  });

  it('rejects non-positive sizes and limits', () => {
    expect(() => fitWithin(0, 10, 5)).toThrow(RangeError);
    expect(() => fitWithin(10, -1, 5)).toThrow(RangeError);
    expect(() => fitWithin(10, 10, 0)).toThrow(RangeError);
    expect(() => fitWithin(10, 10, Number.NaN)).toThrow(RangeError);
  });
});
