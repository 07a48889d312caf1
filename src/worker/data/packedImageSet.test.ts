import { describe, expect, it } from 'vitest';
import { emptyImageSet, packedImageSet } from './packedImageSet';
import { SessionError } from '../sessionError';
import { message } from '../../model/message';
import { thrownWords } from '../../i18n/testing/words';

const packed = (count: number, labels: number[] = Array.from({ length: count }, () => 0)) => ({
  pixels: new Uint8Array(count * 784), labels: Uint8Array.from(labels), count,
});

describe('packedImageSet', () => {
  it('turns packed drawings into a 28×28 image set', () => {
    const set = packedImageSet(packed(3, [0, 1, 1]), 2, message('errors:drawings.yourClasses'));
    expect(set).toMatchObject({ count: 3, rows: 28, cols: 28, numClasses: 2 });
    expect(Array.from(set.labels)).toEqual([0, 1, 1]);
  });

  it('refuses sizes that disagree and labels beyond the classes, saying which', () => {
    expect(thrownWords(() => packedImageSet({ ...packed(2), pixels: new Uint8Array(100) }, 2, message('errors:drawings.yourClasses')))).toBe(
      'Your classes: 2 drawings should be 1568 bytes with 2 labels, not 100 bytes and 2 labels',
    );
    expect(thrownWords(() => packedImageSet(packed(2, [0, 5]), 2, message('errors:drawings.yourClasses')))).toMatch(/drawing 2 has class 5/);
    expect(() => packedImageSet({ pixels: [] as unknown as Uint8Array, labels: new Uint8Array(0), count: 0 }, 2, message('errors:text', { text: 'x' }))).toThrow(SessionError);
  });

  it('makes an empty set for a dataset without test images', () => {
    expect(emptyImageSet(3)).toMatchObject({ count: 0, numClasses: 3 });
  });
});
