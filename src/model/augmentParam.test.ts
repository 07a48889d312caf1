import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import { AUGMENT_DEFAULT, AUGMENT_OFF } from './augmentConfig';
import { decodeAugment as decode, encodeAugment } from './augmentParam';

/** decodeAugment with its error worded (English), as a link's message starts it. */
function decodeAugment(value: string) {
  const r = decode(value);
  return 'error' in r ? { error: wordMessage(r.error) } : r;
}

describe('augmentation in a link', () => {
  it('writes the transforms that are on with their strengths, and reads them back', () => {
    expect(encodeAugment(AUGMENT_DEFAULT)).toBe('shift(2)-rotate(15)-scale(0.1)-thick(0.5)-elastic(8,3)');
    expect(encodeAugment(AUGMENT_OFF)).toBe('off');
    const some = { ...AUGMENT_OFF, rotate: { on: true, degrees: 10 }, elastic: { on: true, alpha: 12, sigma: 4 } };
    expect(encodeAugment(some)).toBe('rotate(10)-elastic(12,4)');
    for (const c of [AUGMENT_DEFAULT, AUGMENT_OFF, some]) expect(decodeAugment(encodeAugment(c))).toEqual({ augment: c });
  });

  it('names what is wrong', () => {
    expect(decodeAugment('spin(3)')).toEqual({ error: '"spin" is not a transform (shift, rotate, scale, thick, elastic)' });
    expect(decodeAugment('elastic(8)')).toEqual({ error: 'elastic takes 2 numbers' });
    expect(decodeAugment('rotate(90)')).toEqual({ error: 'Rotation must be between 0 and 45 degrees, not 90' });
    expect('error' in decodeAugment('shift()')).toBe(true);
    expect(decodeAugment('shift:2')).toEqual({ error: '"shift:2" is not a transform with its strengths, e.g. rotate(15)' });
  });
});
