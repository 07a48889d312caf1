import { describe, expect, it } from 'vitest';
import { makeBatch } from '../data/makeBatch';
import { AUGMENT_DEFAULT, AUGMENT_OFF } from '../model/augmentConfig';
import { BatchMaker, mixPerBatch } from './batchMaker';
import type { ImageSet } from './imageSet';

/** `count` 2×2 images whose pixels all hold their index (×10), labelled index mod 10. */
function images(count: number, base = 0): ImageSet {
  const pixels = new Uint8Array(count * 4);
  for (let i = 0; i < count; i++) pixels.fill((base + i) * 10, i * 4, i * 4 + 4);
  return { pixels, labels: Uint8Array.from({ length: count }, (_, i) => (base + i) % 10), count, rows: 2, cols: 2, numClasses: 10 };
}

const order = [3, 1, 4, 0, 2, 5, 7, 6];

describe('BatchMaker', () => {
  it('without augmentation or a mix, is makeBatch over the order', () => {
    const data = images(8);
    const maker = new BatchMaker(data, { batchSize: 3, seed: 1 });
    expect(maker.batchesPerEpoch(8)).toBe(3);
    for (let b = 0; b < 3; b++) expect(maker.make(order, 0, b)).toEqual(makeBatch(data.pixels, data.labels, 4, order, b * 3, b * 3 + 3));
    expect(new BatchMaker(data, { batchSize: 3, seed: 1, augment: AUGMENT_OFF }).make(order, 0, 0)).toEqual(makeBatch(data.pixels, data.labels, 4, order, 0, 3));
  });

  it('augments the same batch the same way for the same seed, epoch and batch, and differently otherwise', () => {
    const set = { ...images(8), rows: 28, cols: 28, pixels: new Uint8Array(8 * 784).map((_, i) => (i * 37) % 256) };
    const make = (seed: number, epoch: number, batch: number) => new BatchMaker(set, { batchSize: 4, seed, augment: AUGMENT_DEFAULT }).make(order, epoch, batch);
    const a = make(1, 2, 1);
    expect(make(1, 2, 1)).toEqual(a);
    expect(make(1, 3, 1).x).not.toEqual(a.x);
    expect(make(2, 2, 1).x).not.toEqual(a.x);
    expect(Array.from(a.y)).toEqual([2, 5, 7, 6]);
    for (const v of a.x) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('mixes the share of each batch from the other images, every one of them in turn, the same for a resumed epoch', () => {
    const data = images(8);
    const mine = images(3, 50);
    const maker = new BatchMaker(data, { batchSize: 4, seed: 9, mix: { images: mine, share: 0.5, augment: null } });
    expect(maker.mixPerBatch).toBe(2);
    expect(maker.mainPerBatch).toBe(2);
    expect(maker.batchesPerEpoch(8)).toBe(4);
    const b = maker.make(order, 0, 0);
    expect(b.n).toBe(4);
    expect(Array.from(b.y.slice(0, 2))).toEqual([3, 1]);
    // The mixed-in images carry their own labels (50 → 0, 51 → 1, 52 → 2) and pixels.
    for (let j = 2; j < 4; j++) expect(b.x[j * 4]).toBeCloseTo((((50 + b.y[j]) * 10) % 256) / 255, 5);
    // Over an epoch every one of mine appears, as evenly as the batches allow.
    const seen = new Map<number, number>();
    for (let k = 0; k < 4; k++) for (const y of maker.make(order, 0, k).y.slice(2)) seen.set(y, (seen.get(y) ?? 0) + 1);
    expect([...seen.keys()].sort()).toEqual([0, 1, 2]);
    expect(Math.max(...seen.values()) - Math.min(...seen.values())).toBeLessThanOrEqual(1);
    // A maker created afresh (a resumed run) makes epoch 1 exactly as one that went through epoch 0.
    const fresh = new BatchMaker(data, { batchSize: 4, seed: 9, mix: { images: mine, share: 0.5, augment: null } });
    expect(fresh.make(order, 1, 2)).toEqual(maker.make(order, 1, 2));
  });

  it('always keeps at least one image of each kind in a mixed batch', () => {
    expect(mixPerBatch(0.01, 32)).toBe(1);
    expect(mixPerBatch(0.99, 32)).toBe(31);
    expect(mixPerBatch(0.25, 32)).toBe(8);
    expect(mixPerBatch(0.5, 1)).toBe(0);
  });
});
