import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import { CUSTOM_KERNEL, HAND_FILTERS, handKernelTitle } from './handFilters';

describe('HAND_FILTERS', () => {
  it('holds five 3×3 filters with unique ids and a note each', () => {
    expect(HAND_FILTERS).toHaveLength(5);
    expect(new Set(HAND_FILTERS.map((f) => f.id)).size).toBe(5);
    for (const f of HAND_FILTERS) {
      expect(f.kernel).toHaveLength(9);
      expect(wordMessage(f.note).length).toBeGreaterThan(10);
    }
  });

  it('names each kernel on the page, the custom one too', () => {
    expect(wordMessage(handKernelTitle('Sobel: vertical edges')!)).toBe('Sobel: vertical edges');
    expect(wordMessage(HAND_FILTERS.find((f) => f.id === 'blur')!.note)).toBe('Averages each pixel with its eight neighbours, smoothing away fine detail.');
    expect(wordMessage(handKernelTitle(CUSTOM_KERNEL)!)).toBe('Custom');
    expect(handKernelTitle('Mine')).toBeNull();
  });

  it('has the horizontal Sobel as the transpose of the vertical one', () => {
    const v = HAND_FILTERS.find((f) => f.id === 'sobel-vertical')!.kernel;
    const hz = HAND_FILTERS.find((f) => f.id === 'sobel-horizontal')!.kernel;
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) expect(hz[r * 3 + c]).toBe(v[c * 3 + r]);
  });

  it('keeps brightness for blur and sharpen (weights sum to 1) and removes it for the edge filters', () => {
    const sum = (id: string) => HAND_FILTERS.find((f) => f.id === id)!.kernel.reduce((a, b) => a + b, 0);
    expect(sum('blur')).toBeCloseTo(1, 12);
    expect(sum('sharpen')).toBe(1);
    expect(sum('laplacian')).toBe(0);
    expect(sum('sobel-vertical')).toBe(0);
  });
});
