import { describe, expect, it } from 'vitest';
import { batchSample } from './batchSample';

/** A batch of n one-pixel images whose value is i/10 and label i. */
const batch = (n: number) => ({ n, x: Float32Array.from({ length: n }, (_, i) => i / 10), y: Int32Array.from({ length: n }, (_, i) => i) });

describe('batchSample', () => {
  it('takes the first images as bytes with their labels', () => {
    const s = batchSample(batch(8), 1, 4, 0);
    expect(s.count).toBe(4);
    expect(Array.from(s.labels)).toEqual([0, 1, 2, 3]);
    expect(Array.from(s.images)).toEqual([0, 26, 51, 77]);
  });

  it('shows mixed-in images too, up to half the sample', () => {
    const s = batchSample(batch(10), 1, 4, 3);
    expect(Array.from(s.labels)).toEqual([0, 1, 7, 8]);
    expect(Array.from(batchSample(batch(10), 1, 6, 1).labels)).toEqual([0, 1, 2, 3, 4, 9]);
  });

  it('copes with a batch smaller than the sample', () => {
    expect(batchSample(batch(3), 1, 16, 0).count).toBe(3);
    expect(Array.from(batchSample(batch(3), 1, 16, 2).labels)).toEqual([0, 1, 2]);
  });
});
