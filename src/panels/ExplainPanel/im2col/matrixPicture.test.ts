import { describe, expect, it } from 'vitest';
import { boxDownsample, fitMatrix } from './matrixPicture';

describe('fitMatrix', () => {
  it('keeps a small matrix at full cells', () => {
    expect(fitMatrix(9, 4, 300, 320)).toEqual({ cssWidth: 48, cssHeight: 108, drawRows: 9, drawCols: 4 });
  });

  it('squeezes a tall matrix to the height limit and draws one row per CSS pixel', () => {
    const fit = fitMatrix(784, 9, 300, 320);
    expect(fit.cssHeight).toBe(320);
    expect(fit.cssWidth).toBe(108); // the columns keep their width
    expect(fit.drawRows).toBe(320);
    expect(fit.drawCols).toBe(9);
  });

  it('keeps every row when each still gets a pixel or more', () => {
    const fit = fitMatrix(121, 288, 300, 320);
    expect(fit).toEqual({ cssWidth: 300, cssHeight: 320, drawRows: 121, drawCols: 288 });
  });
});

describe('boxDownsample', () => {
  it('returns the matrix itself when nothing shrinks', () => {
    const m = new Float32Array([1, 2, 3, 4]);
    expect(boxDownsample(m, 2, 2, 2, 2)).toBe(m);
  });

  it('averages groups of rows and columns, each value counted once', () => {
    // 4 × 2 → 2 × 1: rows {0,1} and {2,3}, both columns.
    const m = new Float32Array([1, 3, 5, 7, 10, 20, 30, 40]);
    expect(Array.from(boxDownsample(m, 4, 2, 2, 1))).toEqual([4, 25]);
  });

  it('handles uneven groups (5 rows into 2)', () => {
    const m = new Float32Array([1, 1, 1, 4, 4]); // rows 0–2 → 0, rows 3–4 → 1
    expect(Array.from(boxDownsample(m, 5, 1, 2, 1))).toEqual([1, 4]);
  });
});
