import { describe, expect, it } from 'vitest';
import { galleryCaption } from './galleryCaption';

describe('galleryCaption', () => {
  it('true → predicted · confidence when wrong; just the class when right', () => {
    expect(galleryCaption('7', '2', 0.981)).toBe('7 → 2 · 98%');
    expect(galleryCaption('Shirt', 'Shirt', 0.5)).toBe('Shirt · 50%');
  });

  it('never rounds to a certainty the model did not have', () => {
    expect(galleryCaption('4', '9', 0.997)).toBe('4 → 9 · >99%');
    expect(galleryCaption('4', '9', 1)).toBe('4 → 9 · 100%');
    expect(galleryCaption('4', '9', 0.001)).toBe('4 → 9 · <1%');
    expect(galleryCaption('4', '9', 0)).toBe('4 → 9 · 0%');
    expect(galleryCaption('4', '9', NaN)).toBe('4 → 9 · —');
  });
});
