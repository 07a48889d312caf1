import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { elasticField } from './elasticField';

/** A rand that always returns `v` and counts its calls. */
function constant(v: number): { rand: () => number; calls: () => number } {
  let n = 0;
  return { rand: () => (n++, v), calls: () => n };
}

function field(rows: number, cols: number, alpha: number, sigma: number, rand: () => number) {
  const dx = new Float32Array(rows * cols);
  const dy = new Float32Array(rows * cols);
  elasticField(rows, cols, alpha, sigma, rand, dx, dy, new Float32Array(2 * rows * cols));
  return { dx, dy };
}

const rms = (a: Float32Array) => Math.sqrt(a.reduce((s, v) => s + v * v, 0) / a.length);

describe('elasticField', () => {
  it('is all zero when alpha is 0, and still draws 2·rows·cols numbers', () => {
    const c = constant(0.9);
    const { dx, dy } = field(28, 28, 0, 3, c.rand);
    expect(dx.every((v) => v === 0)).toBe(true);
    expect(dy.every((v) => v === 0)).toBe(true);
    expect(c.calls()).toBe(2 * 28 * 28);
  });

  it('draws exactly 2·rows·cols numbers when alpha is on', () => {
    const c = constant(0.3);
    field(10, 12, 8, 2, c.rand);
    expect(c.calls()).toBe(2 * 10 * 12);
  });

  it('normalises its kernel (constant noise comes out as alpha times it) and pads with zero noise', () => {
    // rand 0.75 → noise 0.5 everywhere; sigma 3 → radius 9, so rows/cols 9..18 see no edge.
    const alpha = 8;
    const { dx, dy } = field(28, 28, alpha, 3, constant(0.75).rand);
    const at = (a: Float32Array, r: number, c: number) => a[r * 28 + c];
    for (const [r, c] of [[9, 9], [13, 14], [18, 18]]) {
      expect(at(dx, r, c)).toBeCloseTo(0.5 * alpha, 5);
      expect(at(dy, r, c)).toBeCloseTo(0.5 * alpha, 5);
    }
    // Zero padding: about half the weight is missing at an edge, three quarters in a corner.
    const edge = at(dx, 0, 14) / (0.5 * alpha);
    const corner = at(dx, 0, 0) / (0.5 * alpha);
    expect(edge).toBeGreaterThan(0.5);
    expect(edge).toBeLessThan(0.6);
    expect(corner).toBeGreaterThan(0.25);
    expect(corner).toBeLessThan(0.36);
    // Every edge and corner alike: constant noise gives a field symmetric under both flips.
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        expect(at(dx, r, c)).toBeCloseTo(at(dx, 27 - r, c), 5);
        expect(at(dx, r, c)).toBeCloseTo(at(dx, r, 27 - c), 5);
        expect(at(dy, r, c)).toBeCloseTo(at(dx, c, r), 5);
      }
    }
  });

  it('is deterministic per seed and different across seeds', () => {
    const a = field(28, 28, 8, 3, mulberry32(1));
    const b = field(28, 28, 8, 3, mulberry32(1));
    const c = field(28, 28, 8, 3, mulberry32(2));
    expect(Array.from(a.dx)).toEqual(Array.from(b.dx));
    expect(Array.from(a.dy)).toEqual(Array.from(b.dy));
    expect(Array.from(a.dx)).not.toEqual(Array.from(c.dx));
  });

  it('gives mild, smooth displacements at the defaults (alpha 8, sigma 3)', () => {
    const rand = mulberry32(7);
    let sumRms = 0;
    let maxAbs = 0;
    let neighbourDiff = 0;
    const trials = 50;
    for (let t = 0; t < trials; t++) {
      const { dx, dy } = field(28, 28, 8, 3, rand);
      sumRms += (rms(dx) + rms(dy)) / 2;
      for (let i = 0; i < dx.length; i++) maxAbs = Math.max(maxAbs, Math.abs(dx[i]), Math.abs(dy[i]));
      let d = 0;
      for (let i = 0; i + 1 < dx.length; i++) if ((i + 1) % 28 !== 0) d += Math.abs(dx[i + 1] - dx[i]);
      neighbourDiff += d / (27 * 28);
    }
    const meanRms = sumRms / trials;
    expect(meanRms).toBeGreaterThan(0.3);
    expect(meanRms).toBeLessThan(0.55);
    expect(maxAbs).toBeLessThan(3);
    // Smooth: next-door pixels move almost together. Unsmoothed noise would differ by about 1.1×
    // its RMS; a Gaussian of sigma 3 correlates neighbours at e^(-1/36), which gives about 0.19×.
    expect(neighbourDiff / trials).toBeLessThan(0.25 * meanRms);
  });

  it('scales linearly with alpha and shrinks as sigma grows', () => {
    const a8 = field(28, 28, 8, 3, mulberry32(3));
    const a16 = field(28, 28, 16, 3, mulberry32(3));
    for (let i = 0; i < a8.dx.length; i++) expect(a16.dx[i]).toBeCloseTo(2 * a8.dx[i], 4);
    const wide = field(28, 28, 8, 6, mulberry32(3));
    expect(rms(wide.dx)).toBeLessThan(rms(a8.dx));
  });

  it('works on non-square images and with a kernel wider than the image', () => {
    const { dx, dy } = field(5, 9, 10, 8, mulberry32(4)); // radius 24, capped at 8
    expect(dx.every(Number.isFinite) && dy.every(Number.isFinite)).toBe(true);
    expect(rms(dx)).toBeGreaterThan(0);
  });

  it('refuses buffers that are too small', () => {
    const n = 28 * 28;
    const r = mulberry32(1);
    expect(() => elasticField(28, 28, 8, 3, r, new Float32Array(n), new Float32Array(n), new Float32Array(n))).toThrow();
    expect(() => elasticField(28, 28, 8, 3, r, new Float32Array(n - 1), new Float32Array(n), new Float32Array(2 * n))).toThrow();
  });
});
