import { describe, expect, it } from 'vitest';
import { confusionCellTitle } from './confusionCellTitle';

describe('confusionCellTitle', () => {
  it('a clickable cell says how many images a click shows', () => {
    expect(confusionCellTitle({ trueName: '7', predName: '2', count: 12, rowTotal: 1000, clickable: true }))
      .toBe('12 images: true 7, predicted 2 (1.2% of row) — click to see them');
    expect(confusionCellTitle({ trueName: 'Shirt', predName: 'T-shirt/top', count: 1, rowTotal: 4, clickable: true }))
      .toBe('1 image: true Shirt, predicted T-shirt/top (25.0% of row) — click to see them');
  });

  it('an empty cell, or a matrix without clicks, keeps the plain count', () => {
    expect(confusionCellTitle({ trueName: '7', predName: '2', count: 0, rowTotal: 10, clickable: true }))
      .toBe('true 7, predicted 2: 0 (0.0% of row)');
    expect(confusionCellTitle({ trueName: '7', predName: '7', count: 9, rowTotal: 10, clickable: false }))
      .toBe('true 7, predicted 7: 9 (90.0% of row)');
    expect(confusionCellTitle({ trueName: '7', predName: '7', count: 0, rowTotal: 0, clickable: false }))
      .toBe('true 7, predicted 7: 0 (0.0% of row)');
  });
});
