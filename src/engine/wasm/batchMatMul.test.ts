import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues } from '../testing/randomValues';
import { relativeError } from '../testing/relativeError';
import { registerWasmKernels } from './registerWasmKernels';

interface Case {
  /** Leading (batch) axes of a and b; [] for plain matrices. */
  batchA: number[];
  batchB: number[];
  m: number;
  k: number;
  n: number;
  transposeA: boolean;
  transposeB: boolean;
}

/** matMul(a, b) on the backend in use, with a and b stored transposed where the case says so. */
async function product(c: Case, seed: number): Promise<Float32Array> {
  const aShape = [...c.batchA, ...(c.transposeA ? [c.k, c.m] : [c.m, c.k])];
  const bShape = [...c.batchB, ...(c.transposeB ? [c.n, c.k] : [c.k, c.n])];
  const a = tf.tensor(randomValues(aShape.reduce((x, y) => x * y, 1), seed), aShape);
  const b = tf.tensor(randomValues(bShape.reduce((x, y) => x * y, 1), seed + 1), bShape);
  const out = tf.matMul(a, b, c.transposeA, c.transposeB);
  const values = (await out.data()) as Float32Array;
  tf.dispose([a, b, out]);
  return values;
}

async function compare(c: Case, seed: number) {
  await tf.setBackend('cpu');
  const want = await product(c, seed);
  await tf.setBackend('wasm');
  const before = tf.engine().backend.numDataIds();
  const got = await product(c, seed);
  return { error: relativeError(got, want), leaked: tf.engine().backend.numDataIds() - before };
}

// Registered before the backend starts, as an app may: the original kernel's
// setup (binding its C function) must still run, through ours.
beforeAll(async () => {
  registerWasmKernels();
  await tf.setBackend('wasm');
});

describe('wasm BatchMatMul against the cpu backend', () => {
  const dense = { batchA: [], batchB: [], m: 64, k: 3136, n: 128 };
  it.each<[string, Case]>([
    ["a Dense layer's kernel gradient, xᵀ·dy", { ...dense, transposeA: true, transposeB: false }],
    ["a Dense layer's input gradient, dy·Wᵀ", { batchA: [], batchB: [], m: 64, k: 128, n: 3136, transposeA: false, transposeB: true }],
    ['a weight matrix with 1024 rows (transposed in blocks)', { batchA: [], batchB: [], m: 64, k: 128, n: 1024, transposeA: false, transposeB: true }],
    ['both transposed, odd sizes', { batchA: [], batchB: [], m: 7, k: 13, n: 5, transposeA: true, transposeB: true }],
    ['vectors: a 1 × k row times a k × 1 column, both stored transposed', { batchA: [], batchB: [], m: 1, k: 9, n: 1, transposeA: true, transposeB: true }],
    ['rank 3 with a batch of one', { batchA: [1], batchB: [1], m: 5, k: 6, n: 7, transposeA: true, transposeB: false }],
    ['batched (left to the original kernel)', { batchA: [3], batchB: [3], m: 4, k: 5, n: 6, transposeA: false, transposeB: true }],
    ['batch broadcast (left to the original kernel)', { batchA: [2, 3], batchB: [1, 3], m: 4, k: 5, n: 2, transposeA: true, transposeB: true }],
    ['no transposes', { batchA: [], batchB: [], m: 9, k: 10, n: 11, transposeA: false, transposeB: false }],
    // A batch times a Dense layer's kernel: the SIMD product (columns in fours, few rows).
    ["a Dense layer's forward product, x·W", { ...dense, transposeA: false, transposeB: false }],
    ['x·W with rank 3 and a batch of one, 12 columns', { batchA: [1], batchB: [1], m: 5, k: 33, n: 12, transposeA: false, transposeB: false }],
    ['x·W with more rows than the SIMD product takes', { batchA: [], batchB: [], m: 300, k: 20, n: 8, transposeA: false, transposeB: false }],
  ])('%s', async (_, c) => {
    const r = await compare(c, 3);
    expect(r.error).toBeLessThanOrEqual(1e-4);
    expect(r.leaked).toBe(0);
  }, 30_000);

  it('agrees on generated cases: sizes 1–70, batch 1–4, either input transposed', async () => {
    const size = fc.integer({ min: 1, max: 70 });
    const cases = fc.record({
      batch: fc.constantFrom<number[]>([], [1], [2], [4]),
      m: size,
      k: size,
      n: size,
      transposeA: fc.boolean(),
      transposeB: fc.boolean(),
    }).map(({ batch, ...r }): Case => ({ ...r, batchA: batch, batchB: batch }));
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 1, max: 1000 }), async (c, seed) => {
        const r = await compare(c, seed);
        return r.error <= 1e-4 && r.leaked === 0;
      }),
      { seed: 20261129, numRuns: 80 },
    );
  }, 120_000);
});
