import { describe, expect, it } from 'vitest';
import { closestFilter } from './closestFilter';
import { HAND_FILTERS } from './handFilters';

const kernelOf = (id: string) => HAND_FILTERS.find((f) => f.id === id)!.kernel;

/** Lays 3×3 kernels out as tfjs does, [3, 3, 1, F]: weight i of filter f at i·F + f. */
function stack(...ks: readonly (readonly number[])[]): Float32Array {
  const out = new Float32Array(9 * ks.length);
  ks.forEach((k, f) => k.forEach((v, i) => (out[i * ks.length + f] = v)));
  return out;
}

describe('closestFilter', () => {
  it('finds an exact (scaled) copy with similarity 1', () => {
    const scaled = kernelOf('laplacian').map((v) => v * 0.3);
    const r = closestFilter(kernelOf('laplacian'), stack(kernelOf('sobel-vertical'), scaled, kernelOf('blur')), 3);
    expect(r?.filter).toBe(1);
    expect(r?.similarity).toBeCloseTo(1, 6);
  });

  it('keeps the sign of an inverted match', () => {
    const inverted = kernelOf('sobel-vertical').map((v) => -2 * v);
    const r = closestFilter(kernelOf('sobel-vertical'), stack(kernelOf('blur'), inverted), 2);
    expect(r?.filter).toBe(1);
    expect(r?.similarity).toBeCloseTo(-1, 6);
  });

  it('scores orthogonal filters 0 (vertical vs horizontal Sobel)', () => {
    const r = closestFilter(kernelOf('sobel-vertical'), stack(kernelOf('sobel-horizontal')), 1);
    expect(r?.similarity).toBeCloseTo(0, 12);
  });

  it('treats an all-zero learned filter as unlike anything', () => {
    const r = closestFilter(kernelOf('blur'), stack(new Array(9).fill(0), kernelOf('sharpen')), 2);
    expect(r?.filter).toBe(1);
  });

  it('returns null with no filters or a zero hand kernel', () => {
    expect(closestFilter(kernelOf('blur'), new Float32Array(0), 0)).toBeNull();
    expect(closestFilter(new Array(9).fill(0), stack(kernelOf('blur')), 1)).toBeNull();
  });
});
