import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAt, cellOrigin, heatmapGridLayout, type HeatmapGridOptions } from './heatmapGrid';

const layoutOf = (o: Partial<HeatmapGridOptions>) => heatmapGridLayout({ count: 64, mapWidth: 26, mapHeight: 26, size: 44, gap: 3, containerWidth: 880, ...o });
const cssCell = (l: ReturnType<typeof layoutOf>) => Math.max(l.cellWidth, l.cellHeight) * l.scale;
const cssGap = (l: ReturnType<typeof layoutOf>) => l.gap * l.scale;

describe('heatmapGridLayout: sizes', () => {
  it('26×26 maps: one canvas pixel per map pixel, two between maps, 47 CSS pixels from map to map', () => {
    const l = layoutOf({});
    expect([l.zoom, l.cellWidth, l.cellHeight, l.gap]).toEqual([1, 26, 26, 2]);
    expect((l.cellWidth + l.gap) * l.scale).toBeCloseTo(47, 10);
    expect(cssCell(l)).toBeCloseTo(43.6, 1);
  });

  it('tiny maps are zoomed so that a gap stays a few CSS pixels', () => {
    const five = layoutOf({ mapWidth: 5, mapHeight: 5 });
    expect([five.zoom, five.cellWidth, five.gap]).toEqual([3, 15, 1]);
    const one = layoutOf({ mapWidth: 1, mapHeight: 1 });
    expect([one.zoom, one.cellWidth, one.gap]).toEqual([15, 15, 1]);
    for (const l of [five, one]) {
      expect(cssCell(l)).toBeCloseTo(44, 0);
      expect(cssGap(l)).toBeCloseTo(3, 0);
    }
  });

  it('big maps are shrunk, with a gap of several canvas pixels', () => {
    const l = layoutOf({ mapWidth: 224, mapHeight: 224 });
    expect([l.zoom, l.gap]).toEqual([1, 15]);
    expect(cssCell(l)).toBeCloseTo(44, 0);
    expect(cssGap(l)).toBeCloseTo(3, 0);
  });

  it('a wide map keeps its aspect ratio', () => {
    const l = layoutOf({ mapWidth: 28, mapHeight: 14 });
    expect(l.cellWidth / l.cellHeight).toBe(2);
    expect(l.cellWidth * l.scale).toBeCloseTo(44, 0);
  });

  it('any map size: about `size` CSS pixels on the longer side, about `gap` between, `size + gap` from map to map', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }), (mapWidth, mapHeight) => {
        const l = layoutOf({ mapWidth, mapHeight });
        expect(cssCell(l)).toBeGreaterThan(42);
        expect(cssCell(l)).toBeLessThan(46);
        expect(cssGap(l)).toBeGreaterThanOrEqual(1.4);
        expect(cssGap(l)).toBeLessThanOrEqual(4.6);
        expect((Math.max(l.cellWidth, l.cellHeight) + l.gap) * l.scale).toBeCloseTo(47, 9);
      }),
    );
  });
});

describe('heatmapGridLayout: columns and rows', () => {
  it('layers of square maps of any size line up in the same columns', () => {
    const widths = [26, 13, 11, 5, 1].map((m) => layoutOf({ mapWidth: m, mapHeight: m }));
    expect(new Set(widths.map((l) => l.columns)).size).toBe(1);
    for (const l of widths) expect(l.cssWidth + l.gap * l.scale).toBeCloseTo(18 * 47, 9);
  });

  it('fits as many columns as the width allows, gaps only between cells', () => {
    // 47 CSS pixels from map to map, 18 maps need 17·47 + 43.6 = 842.6.
    const l = layoutOf({ containerWidth: 880 });
    expect([l.columns, l.rows]).toEqual([18, 4]);
    expect([l.width, l.height]).toEqual([18 * 26 + 17 * 2, 4 * 26 + 3 * 2]);
    expect(l.cssWidth).toBeCloseTo(l.width * l.scale, 10);
    expect(layoutOf({ containerWidth: 842 }).columns).toBe(17);
    expect(layoutOf({ containerWidth: 843 }).columns).toBe(18);
  });

  it('on a phone the canvas is never wider than its container, and no other column would fit', () => {
    for (const containerWidth of [296, 326, 366]) {
      const l = layoutOf({ containerWidth });
      expect(l.cssWidth).toBeLessThanOrEqual(containerWidth);
      expect(l.cssWidth + (l.gap + l.cellWidth) * l.scale).toBeGreaterThan(containerWidth);
    }
  });

  it('few channels make a narrow canvas of one row', () => {
    const l = layoutOf({ count: 3, containerWidth: 1000 });
    expect([l.columns, l.rows, l.width, l.height]).toEqual([3, 1, 3 * 26 + 2 * 2, 26]);
  });

  it('keeps one column when even one map is wider than the container, or the width is unknown', () => {
    expect(layoutOf({ count: 4, containerWidth: 20 }).columns).toBe(1);
    expect(layoutOf({ count: 4, containerWidth: 0 })).toMatchObject({ columns: 1, rows: 4, width: 26 });
  });

  it('no channels, no canvas', () => {
    expect(layoutOf({ count: 0 })).toMatchObject({ rows: 0, width: 0, height: 0, cssWidth: 0, cssHeight: 0 });
  });

  it('a partial last row still counts as a row', () => {
    const l = layoutOf({ count: 10, containerWidth: 4 * 47 }); // rows of 4, 4, 2
    expect([l.columns, l.rows, l.height]).toEqual([4, 3, 3 * 26 + 2 * 2]);
  });
});

describe('cellOrigin', () => {
  it('steps by cell plus gap, row by row', () => {
    const l = layoutOf({ count: 10, containerWidth: 4 * 47 });
    expect(cellOrigin(l, 0)).toEqual({ x: 0, y: 0 });
    expect(cellOrigin(l, 3)).toEqual({ x: 84, y: 0 });
    expect(cellOrigin(l, 4)).toEqual({ x: 0, y: 28 });
    expect(cellOrigin(l, 9)).toEqual({ x: 28, y: 56 });
  });
});

describe('cellAt', () => {
  // 4 columns of 20×10 maps (a 2:1 map zoomed ×2), 4-pixel gaps, 10 channels: rows of 4, 4, 2.
  const l = { ...layoutOf({ count: 10, mapWidth: 10, mapHeight: 5, containerWidth: 4 * 47 }), cellWidth: 20, cellHeight: 10, gap: 4 };
  l.width = 4 * 20 + 3 * 4;
  l.height = 3 * 10 + 2 * 4;

  it('finds the cell under a point', () => {
    expect(l.columns).toBe(4);
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
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 900 }),
        (count, mapWidth, mapHeight, containerWidth) => {
          const g = layoutOf({ count, mapWidth, mapHeight, containerWidth });
          for (let i = 0; i < count; i++) {
            const o = cellOrigin(g, i);
            expect(o.x + g.cellWidth).toBeLessThanOrEqual(g.width);
            expect(o.y + g.cellHeight).toBeLessThanOrEqual(g.height);
            expect(cellAt(g, o.x, o.y)).toBe(i);
            expect(cellAt(g, o.x + g.cellWidth - 0.5, o.y + g.cellHeight - 0.5)).toBe(i);
          }
        },
      ),
    );
  });
});
