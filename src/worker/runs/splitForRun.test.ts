import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../../engine/imageSet';
import { SessionError } from '../sessionError';
import { splitForRun } from './splitForRun';
import { thrownWords } from '../../i18n/testing/words';

// 200 images, 20 of each of 10 classes, in class order.
const images: ImageSet = {
  pixels: new Uint8Array(200 * 4), labels: Uint8Array.from({ length: 200 }, (_, i) => Math.floor(i / 20)),
  count: 200, rows: 2, cols: 2, numClasses: 10,
};
const labelCounts = (idx: Uint32Array) => Array.from(idx).reduce((c, i) => (c[images.labels[i]]++, c), new Array<number>(10).fill(0));

describe('splitForRun', () => {
  it('draws the asked number of images, every class in proportion, and holds out the validation share', () => {
    const { train, test } = splitForRun(images, 10, 100, { batchSize: 32, validationSplit: 0.2, seed: 3 });
    expect(train).toHaveLength(80);
    expect(test).toHaveLength(20);
    expect(new Set([...train, ...test]).size).toBe(100);
    expect(labelCounts(train)).toEqual(new Array(10).fill(8));
    expect(labelCounts(test)).toEqual(new Array(10).fill(2));
  });

  it("'all' takes every image; the same seed gives the same split, another seed another", () => {
    const config = { batchSize: 32, validationSplit: 0.1, seed: 1 };
    const a = splitForRun(images, 10, 'all', config);
    expect(a.train.length + a.test.length).toBe(200);
    expect(splitForRun(images, 10, 'all', config)).toEqual(a);
    expect(Array.from(splitForRun(images, 10, 'all', { ...config, seed: 2 }).test)).not.toEqual(Array.from(a.test));
  });

  it('refuses a batch larger than the training images, naming both numbers', () => {
    const run = () => splitForRun(images, 10, 100, { batchSize: 81, validationSplit: 0.2, seed: 3 });
    expect(run).toThrow(SessionError);
    expect(thrownWords(run)).toBe('Batch size 81 is larger than the 80 training images');
    expect(() => splitForRun(images, 10, 100, { batchSize: 80, validationSplit: 0.2, seed: 3 })).not.toThrow();
  });
});
