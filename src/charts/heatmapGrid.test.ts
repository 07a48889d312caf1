import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAt, cellOrigin, heatmapGridLayout, mapCellSize, sourceIndices } from './heatmapGrid';

describe('mapCellSize', () => {
  it('gives the longer side the size and keeps the aspect ratio', () => {
    expect(mapCellSize(28, 28, 44)).toEqual({ width: 44, height: 44 });
    expect(mapCellSize(28, 14, 44)).toEqual({ width: 44, height: 22 });
    expect(mapCellSize(5, 10, 44)).toEqual({ width: 22, height: 44 });
  });

  it('never shrinks a side to nothing', () => {
    expect(mapCellSize(1000, 1, 44)).toEqual({ width: 44, height: 1 });
    expect(mapCellSize(0, 0, 44)).toEqual({ width: 44, height: 44 });
  });
});

describe('heatmapGridLayout', () => {
  it('fits as many columns as the width allows, gaps only between cells', () => {
    // 46-pixel cells, 3-pixel gaps: 12 cells need 12·46 + 11·3 = 585 pixels.
    const at585 = heatmapGridLayout(64, 46, 46, 3, 585);
    expect([at585.columns, at585.rows]).toEqual([12, 6]);
    expect([at585.width, at585.height]).toEqual([585, 6 * 46 + 5 * 3]);
    expect(heatmapGridLayout(64, 46, 46, 3, 584).columns).toBe(11);
  });

  it('a phone-wide container: the canvas is never wider than the container', () => {
    for (const w of [296, 326, 366]) {
      const l = heatmapGridLayout(64, 46, 46, 3, w);
      expect(l.width).toBeLessThanOrEqual(w);
      expect(l.width + 46 + 3).toBeGreaterThan(w); // and no room was left for another column
    }
  });

  it('few channels make a narrow canvas of one row', () => {
    const l = heatmapGridLayout(3, 46, 46, 3, 1000);
    expect([l.columns, l.rows, l.width, l.height]).toEqual([3, 1, 3 * 46 + 2 * 3, 46]);
  });

  it('keeps one column when even one cell is wider than the container, or the width is unknown', () => {
    expect(heatmapGridLayout(4, 46, 46, 3, 20).columns).toBe(1);
    expect(heatmapGridLayout(4, 46, 46, 3, 0)).toMatchObject({ columns: 1, rows: 4, width: 46 });
  });

  it('no channels, no canvas', () => {
    expect(heatmapGridLayout(0, 46, 46, 3, 500)).toMatchObject({ rows: 0, width: 0, height: 0 });
  });

  it('a partial last row still counts as a row', () => {
    const l = heatmapGridLayout(10, 20, 10, 2, 100); // 4 columns: rows of 4, 4, 2
    expect([l.columns, l.rows, l.height]).toEqual([4, 3, 3 * 10 + 2 * 2]);
  });
});

describe('cellOrigin', () => {
  it('steps by cell plus gap, row by row', () => {
    const l = heatmapGridLayout(10, 20, 10, 2, 100);
    expect(cellOrigin(l, 0)).toEqual({ x: 0, y: 0 });
    expect(cellOrigin(l, 3)).toEqual({ x: 66, y: 0 });
    expect(cellOrigin(l, 4)).toEqual({ x: 0, y: 12 });
    expect(cellOrigin(l, 9)).toEqual({ x: 22, y: 24 });
  });
});

describe('cellAt', () => {
  // 4 columns of 20×10 cells, 4-pixel gaps, 10 channels: rows of 4, 4, 2.
  const l = heatmapGridLayout(10, 20, 10, 4, 100);

  it('finds the cell under a point', () => {
    expect(cellAt(l, 0, 0)).toBe(0);
    expect(cellAt(l, 19.9, 9.9)).toBe(0);
    expect(cellAt(l, 24, 0)).toBe(1);
    expect(cellAt(l, 90, 5)).toBe(3);
    expect(cellAt(l, 5, 15)).toBe(4);
    expect(cellAt(l, 30, 30)).toBe(9);
  });

  it('splits a gap between its two cells, the earlier one on a tie', () => {
    expect(cellAt(l, 21, 5)).toBe(0);
    expect(cellAt(l, 22, 5)).toBe(0); // the middle of the gap
    expect(cellAt(l, 23, 5)).toBe(1);
    expect(cellAt(l, 5, 12)).toBe(0);
    expect(cellAt(l, 5, 13)).toBe(4);
  });

  it('nothing in the empty end of the last row', () => {
    expect(cellAt(l, 50, 30)).toBeNull();
    // Cell 9 spans x 24..44; the gap after it is half its own.
    expect(cellAt(l, 46, 30)).toBe(9);
    expect(cellAt(l, 46.5, 30)).toBeNull();
    expect(cellAt(l, 50, 25)).toBe(6); // the upper half of the gap above the empty end
  });

  it('nothing outside the canvas', () => {
    expect(cellAt(l, -1, 5)).toBeNull();
    expect(cellAt(l, 5, -0.1)).toBeNull();
    expect(cellAt(l, l.width, 5)).toBeNull();
    expect(cellAt(l, 5, l.height)).toBeNull();
    expect(cellAt(l, NaN, 5)).toBeNull();
  });

  it('every pixel of every cell maps back to that cell', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 800 }),
        (count, cw, ch, gap, container) => {
          const g = heatmapGridLayout(count, cw, ch, gap, container);
          for (let i = 0; i < count; i++) {
            const o = cellOrigin(g, i);
            expect(o.x + cw).toBeLessThanOrEqual(g.width);
            expect(o.y + ch).toBeLessThanOrEqual(g.height);
            expect(cellAt(g, o.x, o.y)).toBe(i);
            expect(cellAt(g, o.x + cw - 0.5, o.y + ch - 0.5)).toBe(i);
          }
        },
      ),
    );
  });
});

describe('sourceIndices', () => {
  it('repeats data pixels to scale up', () => {
    expect(Array.from(sourceIndices(2, 6))).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(sourceIndices(3, 3))).toEqual([0, 1, 2]);
  });

  it('skips data pixels to scale down, from first to last', () => {
    const s = sourceIndices(100, 10);
    expect(s).toHaveLength(10);
    expect(s[0]).toBeGreaterThanOrEqual(0);
    expect(s[9]).toBeLessThanOrEqual(99);
    expect(Array.from(s)).toEqual([...s].sort((a, b) => a - b));
  });

  it('spreads an uneven scale as evenly as it can', () => {
    // 28 data pixels over 44: each shows on 1 or 2 output pixels.
    const s = Array.from(sourceIndices(28, 44));
    const runs = Array.from({ length: 28 }, (_, d) => s.filter((v) => v === d).length);
    expect(runs.every((r) => r === 1 || r === 2)).toBe(true);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(44);
  });
});
