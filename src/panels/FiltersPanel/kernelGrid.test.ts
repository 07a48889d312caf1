import { describe, expect, it } from 'vitest';
import { kernelGrid } from './kernelGrid';

describe('kernelGrid', () => {
  it('wraps single-channel filters into rows with gaps', () => {
    // 2×2 kernels, 1 input channel, 3 filters: value = 10·filter + pixel
    const k = new Float32Array(12);
    for (let p = 0; p < 4; p++) for (let f = 0; f < 3; f++) k[p * 3 + f] = 10 * f + p;
    const g = kernelGrid(k, [2, 2, 1, 3], 2);
    expect([g.width, g.height]).toEqual([5, 5]);
    expect(Array.from(g.values.subarray(0, 5))).toEqual([0, 1, NaN, 10, 11]);
    expect(g.values[3 * 5 + 0]).toBe(20); // third filter starts the second row
    expect(g.tileAt(4, 1)).toEqual({ filter: 1, input: 0 });
    expect(g.tileAt(2, 0)).toBeNull();
  });

  it('puts filters in rows and input channels in columns', () => {
    const k = Float32Array.from({ length: 1 * 1 * 2 * 3 }, (_, i) => i); // [1,1,2,3]: index = input·3 + filter
    const g = kernelGrid(k, [1, 1, 2, 3]);
    expect([g.width, g.height]).toEqual([3, 5]);
    expect(g.values[2 * 3 * 2 + 2]).toBe(1 * 3 + 2); // filter 2, input 1
    expect(g.tileAt(2, 4)).toEqual({ filter: 2, input: 1 });
  });
});
