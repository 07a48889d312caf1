import { describe, expect, it } from 'vitest';
import { windowOutputSize } from './inferShapes';
import { outputSizeRule } from './outputSizeRule';

describe('outputSizeRule', () => {
  it('fills in the formula for the tutorial layers', () => {
    expect(outputSizeRule(28, 3, 1, 'valid').text).toBe('⌊(28 + 2·0 − 3)/1⌋ + 1 = 26');
    expect(outputSizeRule(28, 3, 1, 'same').text).toBe('⌊(28 + 2·1 − 3)/1⌋ + 1 = 28');
    expect(outputSizeRule(26, 2, 2, 'valid').text).toBe('⌊(26 + 2·0 − 2)/2⌋ + 1 = 13');
    expect(outputSizeRule(227, 11, 4, 'valid').text).toBe('⌊(227 + 2·0 − 11)/4⌋ + 1 = 55');
  });

  it('shows TensorFlow\'s uneven "same" padding (the odd pixel goes after)', () => {
    const r = outputSizeRule(7, 2, 2, 'same');
    expect([r.padBefore, r.padAfter, r.out]).toEqual([0, 1, 4]);
    expect(r.text).toBe('⌊(7 + 0 + 1 − 2)/2⌋ + 1 = 4');
  });

  it('agrees with the formula it prints for every small case', () => {
    for (let h = 1; h <= 20; h++) {
      for (let k = 1; k <= Math.min(h, 7); k++) {
        for (let s = 1; s <= 5; s++) {
          for (const p of ['valid', 'same'] as const) {
            const r = outputSizeRule(h, k, s, p);
            expect(r.out).toBe(windowOutputSize(h, k, s, p));
            expect(Math.floor((h + r.padBefore + r.padAfter - k) / s) + 1).toBe(r.out);
          }
        }
      }
    }
  });
});
