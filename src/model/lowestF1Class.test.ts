import { describe, expect, it } from 'vitest';
import { lowestF1Class } from './lowestF1Class';

const rows = (...pairs: [number, number][]) => pairs.map(([f1, support]) => ({ f1, support }));

describe('lowestF1Class', () => {
  it('the class with the lowest F1', () => {
    expect(lowestF1Class(rows([0.9, 10], [0.7, 10], [0.8, 10]))).toBe(1);
  });

  it('skips classes without images, whose 0 means nothing', () => {
    expect(lowestF1Class(rows([0.9, 10], [0, 0], [0.8, 10]))).toBe(2);
  });

  it('the first of tied lowest classes', () => {
    expect(lowestF1Class(rows([0.9, 10], [0.5, 3], [0.5, 10]))).toBe(1);
  });

  it('none when nothing stands out: all equal, or no images', () => {
    expect(lowestF1Class(rows([1, 10], [1, 4]))).toBe(-1);
    expect(lowestF1Class(rows([0, 0], [0, 0]))).toBe(-1);
    expect(lowestF1Class([])).toBe(-1);
  });
});
