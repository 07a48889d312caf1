import { describe, expect, it } from 'vitest';
import { channelOf, extent } from './channelOf';

describe('channelOf', () => {
  it('takes one channel out of a channels-last map', () => {
    // 2×2 map with 3 channels: value = 10·pixel + channel
    const v = Float32Array.from({ length: 12 }, (_, i) => 10 * Math.floor(i / 3) + (i % 3));
    expect(Array.from(channelOf(v, 2, 2, 3, 2))).toEqual([2, 12, 22, 32]);
  });
  it('extent never collapses', () => {
    expect(extent([3, -1, 2])).toEqual([-1, 3]);
    expect(extent([0, 0])).toEqual([0, 1]);
    expect(extent([])).toEqual([0, 1]);
  });
});
