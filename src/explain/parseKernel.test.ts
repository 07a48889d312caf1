import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import { parseKernel as parse } from './parseKernel';

/** The parse, its error worded in English as the page shows it. */
const parseKernel = (text: string) => {
  const r = parse(text);
  return 'error' in r ? { error: wordMessage(r.error) } : r;
};

describe('parseKernel', () => {
  it('reads 9 numbers in any of the separators', () => {
    expect(parseKernel('-1 0 1\n-2 0 2\n-1 0 1')).toEqual({ kernel: [-1, 0, 1, -2, 0, 2, -1, 0, 1] });
    expect(parseKernel('1,2,3;4, 5 ,6;\t7 8 9')).toEqual({ kernel: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
  });

  it('accepts fractions, decimals and a pasted nested list', () => {
    const r = parseKernel('1/9 1/9 1/9 1/9 1/9 1/9 1/9 1/9 1/9');
    expect('kernel' in r && r.kernel.every((v) => Math.abs(v - 1 / 9) < 1e-15)).toBe(true);
    expect(parseKernel('[[0, -1, 0], [-1, 5, -1], [0, -1.5, .5]]')).toEqual({ kernel: [0, -1, 0, -1, 5, -1, 0, -1.5, 0.5] });
    expect(parseKernel('-1/2 0 0 0 0 0 0 0 1e-1')).toEqual({ kernel: [-0.5, 0, 0, 0, 0, 0, 0, 0, 0.1] });
  });

  it('counts the numbers when there are not 9', () => {
    expect(parseKernel('1 2 3 4 5 6 7')).toEqual({ error: 'Expected 9 numbers (3×3), got 7' });
    expect(parseKernel('')).toEqual({ error: 'Expected 9 numbers (3×3), got 0' });
    expect(parseKernel('1 2 3 4 5 6 7 8 9 10')).toEqual({ error: 'Expected 9 numbers (3×3), got 10' });
  });

  it('names the token that is not a number', () => {
    expect(parseKernel('1 2 abc 4 5 6 7 8 9')).toEqual({ error: '"abc" is not a number' });
    expect(parseKernel('1 2 3 4 5 6 7 8 0x10')).toEqual({ error: '"0x10" is not a number' });
    expect(parseKernel('1/0 2 3 4 5 6 7 8 9')).toEqual({ error: '"1/0" is not a number' });
    expect(parseKernel('1/2/3 2 3 4 5 6 7 8 9')).toEqual({ error: '"1/2/3" is not a number' });
  });
});
