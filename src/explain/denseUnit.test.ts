import { describe, expect, it } from 'vitest';
import { strongestInputs, unitWeights, weightsOntoMaps } from './denseUnit';

describe('unitWeights', () => {
  it('takes one column of the [inputs, units] kernel', () => {
    // 3 inputs × 2 units: row i = [10i, 10i + 1].
    const kernel = Float32Array.from([0, 1, 10, 11, 20, 21]);
    expect(Array.from(unitWeights(kernel, 3, 2, 0))).toEqual([0, 10, 20]);
    expect(Array.from(unitWeights(kernel, 3, 2, 1))).toEqual([1, 11, 21]);
  });

  it('refuses a wrong size or unit', () => {
    expect(() => unitWeights(new Float32Array(5), 3, 2, 0)).toThrow(/3×2/);
    expect(() => unitWeights(new Float32Array(6), 3, 2, 2)).toThrow(/outside/);
  });
});

describe('strongestInputs', () => {
  const weights = Float32Array.from([0.5, -2, 0, 3, -1, 1]);

  it('ranks the weights when there is no input', () => {
    const r = strongestInputs(weights, null, 2);
    expect(r.positive.map((s) => s.index)).toEqual([3, 5]);
    expect(r.negative.map((s) => s.index)).toEqual([1, 4]);
    expect(r.positive[0]).toEqual({ index: 3, weight: 3, contribution: 3 });
  });

  it('ranks input·weight and skips zero contributions', () => {
    const input = Float32Array.from([4, 1, 9, 0, 5, 1]);
    const r = strongestInputs(weights, input, 5);
    // Contributions: 2, −2, 0, 0, −5, 1.
    expect(r.positive.map((s) => [s.index, s.contribution])).toEqual([
      [0, 2],
      [5, 1],
    ]);
    expect(r.negative.map((s) => [s.index, s.contribution])).toEqual([
      [4, -5],
      [1, -2],
    ]);
    expect(r.negative[0].weight).toBe(-1);
  });

  it('refuses an input of the wrong length', () => {
    expect(() => strongestInputs(weights, new Float32Array(3), 2)).toThrow(/3 values/);
  });
});

describe('weightsOntoMaps', () => {
  it('undoes Flatten of a channels-last tensor', () => {
    // 2×3 maps, 2 channels: weight i = 100·ch + 10·y + x at i = (y·3 + x)·2 + ch.
    const [h, w, c] = [2, 3, 2];
    const weights = new Float32Array(h * w * c);
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) for (let ch = 0; ch < c; ch++) weights[(y * w + x) * c + ch] = 100 * ch + 10 * y + x;
    const maps = weightsOntoMaps(weights, [h, w, c]);
    expect(maps).toHaveLength(2);
    expect(Array.from(maps[0])).toEqual([0, 1, 2, 10, 11, 12]);
    expect(Array.from(maps[1])).toEqual([100, 101, 102, 110, 111, 112]);
  });

  it('refuses weights that do not fill the maps', () => {
    expect(() => weightsOntoMaps(new Float32Array(5), [2, 2, 1])).toThrow(/2×2×1/);
  });
});
