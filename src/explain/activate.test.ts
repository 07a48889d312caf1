import { describe, expect, it } from 'vitest';
import { activate, softmax } from './activate';

describe('activate', () => {
  it('applies the element-wise activations', () => {
    expect(activate(-2, 'relu')).toBe(0);
    expect(activate(3, 'relu')).toBe(3);
    expect(activate(0, 'sigmoid')).toBe(0.5);
    expect(activate(2, 'sigmoid')).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    expect(activate(0.5, 'tanh')).toBeCloseTo(Math.tanh(0.5), 12);
    expect(activate(-1.25, 'linear')).toBe(-1.25);
  });

  it('refuses softmax on a single number', () => {
    expect(() => activate(1, 'softmax')).toThrow(/vector/);
  });
});

describe('softmax', () => {
  it('sums to 1 and keeps the order', () => {
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[2]).toBeGreaterThan(p[1]);
    expect(p[0]).toBeCloseTo(Math.exp(1) / (Math.exp(1) + Math.exp(2) + Math.exp(3)), 12);
  });

  it('does not overflow on large logits', () => {
    const p = softmax([1000, 1000]);
    expect(Array.from(p)).toEqual([0.5, 0.5]);
  });

  it('returns an empty vector for no logits', () => {
    expect(softmax([]).length).toBe(0);
  });
});
