import { describe, expect, it } from 'vitest';
import { AUGMENT_DEFAULT, AUGMENT_OFF } from '../model/augmentConfig';
import { previewSamples } from './previewSamples';

/** Four 4×4 images of two classes, each a different block of ink. */
function set() {
  const pixels = new Uint8Array(4 * 16);
  for (let i = 0; i < 4; i++) pixels.fill(200, i * 16 + 5, i * 16 + 7 + i);
  return { pixels, labels: Uint8Array.from([0, 1, 0, 1]), count: 4, rows: 4, cols: 4 };
}

describe('previewSamples', () => {
  it('takes the classes in turn, each original followed by its variants', () => {
    const s = previewSamples(set(), AUGMENT_DEFAULT, 1, 3, 2);
    expect(s.count).toBe(3);
    expect(Array.from(s.labels)).toEqual([0, 1, 0]);
    expect(s.originals).toHaveLength(3 * 16);
    expect(s.images).toHaveLength(3 * 2 * 16);
    expect(s.perOriginal).toBe(2);
  });

  it('gives the originals back unchanged when augmentation is off', () => {
    const s = previewSamples(set(), AUGMENT_OFF, 1, 2, 3);
    for (let k = 0; k < 2; k++) {
      for (let v = 0; v < 3; v++) expect(Array.from(s.images.subarray((k * 3 + v) * 16, (k * 3 + v + 1) * 16))).toEqual(Array.from(s.originals.subarray(k * 16, (k + 1) * 16)));
    }
  });

  it('is the same for the same seed', () => {
    expect(previewSamples(set(), AUGMENT_DEFAULT, 7, 4, 2)).toEqual(previewSamples(set(), AUGMENT_DEFAULT, 7, 4, 2));
  });

  it('shows nothing for an empty set', () => {
    expect(previewSamples({ ...set(), count: 0, labels: new Uint8Array(0) }, AUGMENT_DEFAULT, 1, 8, 5).count).toBe(0);
  });
});
