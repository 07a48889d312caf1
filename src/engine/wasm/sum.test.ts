import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues } from '../testing/randomValues';
import { relativeError } from '../testing/relativeError';
import { registerWasmKernels } from './registerWasmKernels';

interface Case {
  shape: number[];
  axis: number[];
  keepDims: boolean;
}

type Reduce = typeof tf.sum;

async function reduce(op: Reduce, c: Case, seed: number): Promise<{ values: Float32Array; shape: number[] }> {
  const x = tf.tensor(randomValues(c.shape.reduce((a, b) => a * b, 1), seed), c.shape);
  const s = op(x, c.axis, c.keepDims);
  const out = { values: (await s.data()) as Float32Array, shape: s.shape };
  tf.dispose([x, s]);
  return out;
}

async function compare(op: Reduce, c: Case, seed: number) {
  await tf.setBackend('cpu');
  const want = await reduce(op, c, seed);
  await tf.setBackend('wasm');
  const before = tf.engine().backend.numDataIds();
  const got = await reduce(op, c, seed);
  return {
    error: relativeError(got.values, want.values),
    sameShape: JSON.stringify(got.shape) === JSON.stringify(want.shape),
    leaked: tf.engine().backend.numDataIds() - before,
  };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
});

// Mean is Sum's pass divided by the count (mean.ts): BatchNormalization's batch statistics.
describe.each<[string, Reduce]>([
  ['Sum', tf.sum],
  ['Mean', tf.mean as Reduce],
])('wasm %s against the cpu backend', (_name, op) => {
  it.each<[string, Case]>([
    ["net S's first bias gradient", { shape: [64, 28, 28, 32], axis: [0, 1, 2], keepDims: false }],
    ['leading axes in any order, kept', { shape: [16, 5, 3, 7], axis: [1, 0], keepDims: true }],
    ['every axis', { shape: [32, 6, 4], axis: [0, 1, 2], keepDims: false }],
    ['negative axis, 64 rows', { shape: [64, 9], axis: [-2], keepDims: false }],
    ['rows no block of eight divides', { shape: [7, 5, 3], axis: [0, 1], keepDims: false }],
    ["BatchNormalization's statistics", { shape: [32, 28, 28, 32], axis: [0, 1, 2], keepDims: true }],
    ['inner axes (left to the original)', { shape: [16, 8, 3], axis: [1, 2], keepDims: true }],
  ])('%s', async (_, c) => {
    const r = await compare(op, c, 5);
    expect(r.error).toBeLessThanOrEqual(1e-4);
    expect(r.sameShape).toBe(true);
    expect(r.leaked).toBe(0);
  }, 30_000);

  it('agrees on generated cases: ranks 1–4, any axes, sizes with and without factors of 8–64', async () => {
    const dim = fc.oneof(fc.integer({ min: 1, max: 13 }), fc.constantFrom(8, 16, 32, 64));
    const cases = fc
      .array(dim, { minLength: 1, maxLength: 4 })
      .chain((shape) =>
        fc.record({
          shape: fc.constant(shape),
          axis: fc.subarray(shape.map((_, i) => i), { minLength: 1 }),
          keepDims: fc.boolean(),
        }),
      )
      .filter((c) => c.shape.reduce((a, b) => a * b, 1) <= 3e5);
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 1, max: 1000 }), async (c, seed) => {
        const r = await compare(op, c, seed);
        return r.error <= 1e-4 && r.sameShape && r.leaked === 0;
      }),
      { seed: 20261132, numRuns: 100 },
    );
  }, 120_000);
});
