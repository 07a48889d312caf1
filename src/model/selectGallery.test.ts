import { describe, expect, it } from 'vitest';
import { selectGallery } from './selectGallery';

// Five images at dataset indices 10..14; labels indexed by dataset index.
const labels = Object.assign(new Array(15).fill(0), { 10: 7, 11: 7, 12: 2, 13: 7, 14: 1 });
const indices = [10, 11, 12, 13, 14];
const predictions = { predicted: [2, 7, 2, 2, 7], confidence: [0.6, 0.99, 0.8, 0.9, 0.95] };

describe('selectGallery', () => {
  it('gives one confusion cell\'s images, most confident first', () => {
    const r = selectGallery(predictions, indices, labels, { trueClass: 7, predClass: 2 });
    expect(r.total).toBe(2);
    expect(r.items).toEqual([
      { index: 13, label: 7, predicted: 2, confidence: 0.9 },
      { index: 10, label: 7, predicted: 2, confidence: 0.6 },
    ]);
  });

  it('gives the most confidently wrong images over the whole set when no cell is named', () => {
    const r = selectGallery(predictions, indices, labels, null);
    expect(r.items.map((i) => i.index)).toEqual([14, 13, 10]);
    expect(r.total).toBe(3);
  });

  it('caps the list but counts every image that qualifies', () => {
    const r = selectGallery(predictions, indices, labels, null, 1);
    expect(r.items.map((i) => i.index)).toEqual([14]);
    expect(r.total).toBe(3);
  });

  it('gives an empty list for an empty cell', () => {
    expect(selectGallery(predictions, indices, labels, { trueClass: 1, predClass: 1 })).toEqual({ total: 0, items: [] });
  });
});
