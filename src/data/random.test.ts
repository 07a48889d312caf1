import { describe, it, expect } from 'vitest';
import { mulberry32, shuffleInPlace } from './random';

describe('mulberry32', () => {
  it('is deterministic per seed and in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('gives different streams for different seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    const same = Array.from({ length: 20 }, () => a() === b()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('is roughly uniform', () => {
    const rand = mulberry32(7);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    for (let i = 0; i < n; i++) bins[Math.floor(rand() * 10)]++;
    for (const b of bins) expect(Math.abs(b - n / 10)).toBeLessThan(600); // ~6 sigma
  });

  it('matches the copy in scripts/prepareData.mjs, which fixed the Fashion-MNIST split', async () => {
    // A variable specifier keeps tsc from resolving the untyped .mjs module.
    const scriptUrl = new URL('../../scripts/prepareData.mjs', import.meta.url).href;
    const script = (await import(/* @vite-ignore */ scriptUrl)) as {
      mulberry32: (seed: number) => () => number;
      shuffleInPlace: (arr: number[], rand: () => number) => void;
    };
    for (const seed of [0, 1, 20171828, 20171837, 0xffffffff]) {
      const ours = mulberry32(seed);
      const theirs = script.mulberry32(seed);
      for (let i = 0; i < 100; i++) expect(ours()).toBe(theirs());
    }
    const a = Array.from({ length: 50 }, (_, i) => i);
    const b = a.slice();
    shuffleInPlace(a, mulberry32(9));
    script.shuffleInPlace(b, script.mulberry32(9));
    expect(a).toEqual(b);
  });
});

describe('shuffleInPlace', () => {
  it('permutes arrays and typed arrays in place, deterministically', () => {
    const arr = Array.from({ length: 100 }, (_, i) => i);
    const typed = Uint32Array.from(arr);
    const signed = Int32Array.from(arr, (x) => x - 50);
    shuffleInPlace(arr, mulberry32(3));
    shuffleInPlace(typed, mulberry32(3));
    shuffleInPlace(signed, mulberry32(3));
    expect(arr).not.toEqual([...Array(100).keys()]);
    expect([...arr].sort((x, y) => x - y)).toEqual([...Array(100).keys()]);
    expect(Array.from(typed)).toEqual(arr);
    expect(Array.from(signed, (x) => x + 50)).toEqual(arr);
  });

  it('handles empty and single-element arrays', () => {
    const empty: string[] = [];
    shuffleInPlace(empty, mulberry32(1));
    expect(empty).toEqual([]);
    const one = ['x'];
    shuffleInPlace(one, mulberry32(1));
    expect(one).toEqual(['x']);
  });

  it('is unbiased enough: each position takes each value about equally often', () => {
    const rand = mulberry32(11);
    const counts = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
    const trials = 40_000;
    for (let t = 0; t < trials; t++) {
      const a = [0, 1, 2, 3];
      shuffleInPlace(a, rand);
      a.forEach((v, pos) => counts[pos][v]++);
    }
    for (const row of counts) for (const c of row) expect(Math.abs(c - trials / 4)).toBeLessThan(600);
  });
});
