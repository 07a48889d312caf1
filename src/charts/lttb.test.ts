import { describe, expect, it } from 'vitest';
import { lttb } from './lttb';

function ramp(n: number, f: (i: number) => number): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = i / 10;
    ys[i] = f(i);
  }
  return { xs, ys };
}

describe('lttb', () => {
  it('returns exactly threshold points for long inputs', () => {
    const { xs, ys } = ramp(10_000, (i) => Math.sin(i / 50));
    const out = lttb(xs, ys, 500);
    expect(out.xs.length).toBe(500);
    expect(out.ys.length).toBe(500);
  });

  it('always keeps the first and last points', () => {
    const { xs, ys } = ramp(1000, (i) => Math.cos(i));
    const out = lttb(xs, ys, 37);
    expect(out.xs[0]).toBe(xs[0]);
    expect(out.ys[0]).toBe(ys[0]);
    expect(out.xs[out.xs.length - 1]).toBe(xs[999]);
    expect(out.ys[out.ys.length - 1]).toBe(ys[999]);
  });

  it('preserves a single spike', () => {
    const { xs, ys } = ramp(5000, (i) => (i === 3217 ? 100 : 1 + 0.001 * Math.sin(i)));
    const out = lttb(xs, ys, 100);
    expect(Math.max(...out.ys)).toBe(100);
    expect(Array.from(out.xs)).toContain(xs[3217]);
  });

  it('keeps x strictly ascending when input x is ascending', () => {
    const { xs, ys } = ramp(3000, () => Math.random());
    const out = lttb(xs, ys, 200);
    for (let i = 1; i < out.xs.length; i++) expect(out.xs[i]).toBeGreaterThan(out.xs[i - 1]);
  });

  it('returns a copy of small inputs unchanged', () => {
    const xs = [0, 1, 2, 3];
    const ys = [5, 4, 3, 2];
    const out = lttb(xs, ys, 10);
    expect(Array.from(out.xs)).toEqual(xs);
    expect(Array.from(out.ys)).toEqual(ys);
    const exact = lttb(xs, ys, 4);
    expect(Array.from(exact.ys)).toEqual(ys);
    // A copy, not a view: mutating the output leaves the input alone.
    const typed = Float64Array.from(ys);
    const copy = lttb(xs, typed, 10);
    copy.ys[0] = -1;
    expect(typed[0]).toBe(5);
  });

  it('handles empty and single-point inputs', () => {
    expect(lttb([], [], 10).xs.length).toBe(0);
    const one = lttb([2], [3], 1);
    expect(Array.from(one.xs)).toEqual([2]);
    expect(Array.from(one.ys)).toEqual([3]);
  });

  it('treats tiny thresholds as first+last', () => {
    const { xs, ys } = ramp(50, (i) => i * i);
    const out = lttb(xs, ys, 0);
    expect(Array.from(out.xs)).toEqual([xs[0], xs[49]]);
  });

  it('drops non-finite points and never emits NaN', () => {
    const { xs, ys } = ramp(2000, (i) => (i % 7 === 0 ? NaN : i % 11 === 0 ? Infinity : Math.sin(i)));
    ys[0] = NaN; // leading gap: the first *finite* point becomes the first output
    ys[1999] = NaN;
    const out = lttb(xs, ys, 100);
    expect(out.xs.length).toBe(100);
    expect(out.ys.every(Number.isFinite)).toBe(true);
    expect(out.xs.every(Number.isFinite)).toBe(true);
    expect(out.xs[0]).toBe(xs[1]);
    expect(out.xs[99]).toBe(xs[1998]);

    const small = lttb([0, 1, 2, 3], [1, NaN, 3, 4], 10);
    expect(Array.from(small.xs)).toEqual([0, 2, 3]);
    expect(Array.from(small.ys)).toEqual([1, 3, 4]);

    const allNaN = lttb([0, 1, 2], [NaN, NaN, NaN], 2);
    expect(allNaN.xs.length).toBe(0);
  });

  it('uses the shorter of mismatched arrays', () => {
    const out = lttb([0, 1, 2, 3, 4], [1, 2, 3], 10);
    expect(out.xs.length).toBe(3);
  });
});
