import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../../engine/imageSet';
import { DatasetCache } from './datasetCache';

/** `count` 2×2 images; image i has every pixel at 10·i and label i mod 10. */
const images = (count: number): ImageSet => ({
  pixels: Uint8Array.from({ length: count * 4 }, (_, j) => 10 * Math.floor(j / 4)),
  labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
  count, rows: 2, cols: 2, numClasses: 10,
});

describe('DatasetCache', () => {
  it('loads a dataset once for every request, those made while it loads included', async () => {
    let loads = 0;
    const cache = new DatasetCache(async () => {
      loads++;
      return { train: images(20), test: images(5) };
    });
    const [a, b] = await Promise.all([cache.get('mnist'), cache.get('mnist')]);
    expect(await cache.get('mnist')).toBe(a);
    expect(b).toBe(a);
    expect(loads).toBe(1);
    expect(Array.from(a.testIndices)).toEqual([0, 1, 2, 3, 4]);
  });

  it('forgets a failed load, so that the next request tries again', async () => {
    let loads = 0;
    const cache = new DatasetCache(() => {
      if (++loads === 1) throw new Error('offline'); // thrown at once, not rejected
      return Promise.resolve({ train: images(20), test: images(5) });
    });
    await expect(cache.get('fashion-mnist')).rejects.toThrow('offline');
    expect((await cache.get('fashion-mnist')).test.count).toBe(5);
    expect(loads).toBe(2);
  });

  it('reads a test image by wrapped index, with its label and pixels in [0, 1]', async () => {
    const cache = new DatasetCache(async () => ({ train: images(20), test: images(12) }));
    const last = await cache.testImage('mnist', -1);
    expect(last.index).toBe(11);
    expect(last.label).toBe(1);
    expect(Array.from(last.pixels)).toEqual(new Array(4).fill(110 / 255).map((v) => expect.closeTo(v, 6)));
    expect((await cache.testImage('mnist', 12)).index).toBe(0);
    expect((await cache.testImage('mnist', -13)).index).toBe(11);
  });
});
