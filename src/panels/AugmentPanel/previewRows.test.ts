import { describe, expect, it } from 'vitest';
import { previewRows } from './previewRows';

describe('previewRows', () => {
  it('puts each original before its variants, one row each', () => {
    // Two one-pixel originals (10, 20), each with two variants (11, 12 and 21, 22).
    const rows = previewRows({ source: 'preview', originals: Uint8Array.from([10, 20]), perOriginal: 2, images: Uint8Array.from([11, 12, 21, 22]), labels: Uint8Array.from([0, 1]), count: 2 }, 1);
    expect(rows.columns).toBe(3);
    expect(rows.count).toBe(6);
    expect(Array.from(rows.images)).toEqual([10, 11, 12, 20, 21, 22]);
  });

  it('shows a training sample as it is, eight to a row', () => {
    const images = new Uint8Array(16);
    const rows = previewRows({ source: 'training', originals: null, perOriginal: 0, images, labels: new Uint8Array(16), count: 16 }, 1);
    expect(rows).toEqual({ images, count: 16, columns: 8 });
  });
});
