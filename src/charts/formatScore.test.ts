import { describe, expect, it } from 'vitest';
import { formatScore } from './formatScore';

describe('formatScore', () => {
  it('two decimals, nearest', () => {
    expect([0, 0.5, 1, 2 / 3, 0.4888888, 0.61333].map((v) => formatScore(v))).toEqual(['0.00', '0.50', '1.00', '0.67', '0.49', '0.61']);
  });

  it('exact ties go to the even digit, as Python formats them (toFixed would round them up)', () => {
    expect([0.125, 0.375, 0.625, 0.875].map((v) => formatScore(v))).toEqual(['0.12', '0.38', '0.62', '0.88']);
    expect((0.125).toFixed(2)).toBe('0.13'); // why the helper exists
    expect([0.25, 0.75].map((v) => formatScore(v, 1))).toEqual(['0.2', '0.8']);
  });

  it('decimal "ties" that are not exact in binary round by their true value, like Python', () => {
    // 0.285 is 0.28499999…, 0.115 is 0.11500000…05, 0.05 is 0.0500000…03
    expect(formatScore(0.285)).toBe('0.28');
    expect(formatScore(0.115)).toBe('0.12');
    expect(formatScore(0.05, 1)).toBe('0.1');
  });

  it('NaN and infinities show a dash', () => {
    expect([NaN, Infinity].map((v) => formatScore(v))).toEqual(['—', '—']);
  });
});
