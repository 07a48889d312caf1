import { describe, expect, it } from 'vitest';
import { formatValue } from './formatValue';

describe('formatValue', () => {
  it('shows 4 significant digits with a real minus sign, and exponents for tiny or huge values', () => {
    expect(formatValue(0.123456)).toBe('0.1235');
    expect(formatValue(-1.5)).toBe('−1.5');
    expect(formatValue(-0)).toBe('0');
    expect(formatValue(3.2e-7)).toBe('3.20e-7');
    expect(formatValue(123456)).toBe('1.23e+5');
    expect(formatValue(NaN)).toBe('—');
  });
});
