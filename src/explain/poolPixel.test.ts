import { describe, expect, it } from 'vitest';
import { poolPixel } from './poolPixel';

// A 3×3 map with 2 channels: channel 0 holds 1..9 row-major, channel 1 holds 10·that.
const SOURCE = Float32Array.from({ length: 18 }, (_, i) => (Math.floor(i / 2) + 1) * (i % 2 === 0 ? 1 : 10));
const SHAPE = [3, 3, 2] as const;

describe('poolPixel', () => {
  it('takes the maximum of a valid window and says which cell', () => {
    const r = poolPixel(SOURCE, SHAPE, { type: 'maxPool2d', poolSize: 2, strides: 1, padding: 'valid' }, 1, 0, 0);
    expect(Array.from(r.patch)).toEqual([4, 5, 7, 8]);
    expect(r).toMatchObject({ op: 'max', chosen: 3, count: 4, value: 8 });
  });

  it('reads the requested channel', () => {
    const r = poolPixel(SOURCE, SHAPE, { type: 'avgPool2d', poolSize: 2, strides: 1, padding: 'valid' }, 0, 0, 1);
    expect(Array.from(r.patch)).toEqual([10, 20, 40, 50]);
    expect(r).toMatchObject({ op: 'avg', chosen: -1, count: 4, value: 30 });
  });

  it('leaves same padding out of the max and of the average', () => {
    // 3 wide, pool 2 stride 2 "same": 2 outputs, one padding column/row after.
    const layer = { poolSize: 2, strides: 2, padding: 'same' as const };
    const max = poolPixel(SOURCE, SHAPE, { ...layer, type: 'maxPool2d' }, 1, 1, 0);
    expect(max.patch[0]).toBe(9);
    expect(Number.isNaN(max.patch[1]) && Number.isNaN(max.patch[2]) && Number.isNaN(max.patch[3])).toBe(true);
    expect(max).toMatchObject({ chosen: 0, count: 1, value: 9 });
    const avg = poolPixel(SOURCE, SHAPE, { ...layer, type: 'avgPool2d' }, 0, 1, 0);
    // Cells (0, 2) = 3 and (1, 2) = 6 inside; the right column is padding.
    expect(avg).toMatchObject({ count: 2, value: 4.5 });
  });

  it('counts padding before the map too (pool 3 stride 1 same)', () => {
    const avg = poolPixel(SOURCE, SHAPE, { type: 'avgPool2d', poolSize: 3, strides: 1, padding: 'same' }, 0, 0, 0);
    expect([avg.window.top, avg.window.left]).toEqual([-1, -1]);
    expect(avg.count).toBe(4);
    expect(avg.value).toBe((1 + 2 + 4 + 5) / 4);
  });

  it('picks the first maximum on ties', () => {
    const flat = new Float32Array(4).fill(2);
    const r = poolPixel(flat, [2, 2, 1], { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' }, 0, 0, 0);
    expect(r.chosen).toBe(0);
  });

  it('handles negative values (padding is not a zero that wins)', () => {
    const neg = new Float32Array([-3, -1, -2, -4]);
    const r = poolPixel(neg, [2, 2, 1], { type: 'maxPool2d', poolSize: 3, strides: 1, padding: 'same' }, 0, 0, 0);
    expect(r.value).toBe(-1);
  });
});
