import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues } from '../testing/randomValues';
import { relativeError } from '../testing/relativeError';
import { registerWasmKernels } from './registerWasmKernels';
import { simdKernels } from './simd/simdKernels';

interface Case {
  batch: number;
  channels: number;
  pool: number;
  stride: number;
  padding: 'valid' | 'same';
  height: number;
  width: number;
  /** How x is drawn: uniform, ReLU'd (half zeros, so windows tie), or a few levels (ties everywhere). */
  values: 'uniform' | 'relu' | 'levels';
}

function inputValues(c: Case, seed: number): Float32Array {
  const v = randomValues(c.batch * c.height * c.width * c.channels, seed);
  if (c.values === 'relu') return v.map((a) => Math.max(0, a));
  if (c.values === 'levels') return v.map((a) => Math.round(a * 2) / 2);
  return v;
}

/** dx of sum(maxPool(x) · dy) on the backend in use. */
async function gradient(c: Case, x0: Float32Array, seed: number): Promise<Float32Array> {
  const x = tf.tensor4d(x0, [c.batch, c.height, c.width, c.channels]);
  const outShape = tf.tidy(() => tf.maxPool(x, c.pool, c.stride, c.padding).shape);
  const dy = tf.tensor(randomValues(outShape.reduce((a, b) => a * b, 1), seed + 1), outShape);
  const dx = tf.grad((a: tf.Tensor) => tf.maxPool(a as tf.Tensor4D, c.pool, c.stride, c.padding).mul(dy).sum())(x);
  const values = (await dx.data()) as Float32Array;
  tf.dispose([x, dy, dx]);
  return values;
}

async function compare(c: Case, seed: number, x = inputValues(c, seed)) {
  await tf.setBackend('cpu');
  const want = await gradient(c, x, seed);
  await tf.setBackend('wasm');
  const before = tf.engine().backend.numDataIds();
  const got = await gradient(c, x, seed);
  return { error: relativeError(got, want), leaked: tf.engine().backend.numDataIds() - before };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
});

describe('wasm MaxPoolGrad against the cpu backend', () => {
  it('runs its 2×2 windows on four channels at a time here (WebAssembly SIMD on the backend\'s own memory)', () => {
    expect(simdKernels(tf.backend() as BackendWasm)).not.toBeNull();
  });

  it.each<[string, Case]>([
    ['2×2 stride 2 on 28×28 × 32, ReLU ties', { batch: 4, channels: 32, pool: 2, stride: 2, padding: 'valid', height: 28, width: 28, values: 'relu' }],
    ['2×2 stride 2 valid on 11×11: the last row and column never read', { batch: 3, channels: 64, pool: 2, stride: 2, padding: 'valid', height: 11, width: 11, values: 'relu' }],
    ['2×2 stride 2 same on odd sizes', { batch: 2, channels: 5, pool: 2, stride: 2, padding: 'same', height: 7, width: 9, values: 'levels' }],
    ['3×3 stride 1 same: overlapping windows add up', { batch: 2, channels: 3, pool: 3, stride: 1, padding: 'same', height: 8, width: 6, values: 'levels' }],
    ['3×3 stride 2 valid, overlapping', { batch: 1, channels: 7, pool: 3, stride: 2, padding: 'valid', height: 9, width: 10, values: 'uniform' }],
    ['1×1 stride 3 same: windows skip inputs', { batch: 2, channels: 2, pool: 1, stride: 3, padding: 'same', height: 8, width: 7, values: 'uniform' }],
    ['all values equal: the first in each window', { batch: 2, channels: 4, pool: 2, stride: 1, padding: 'valid', height: 5, width: 5, values: 'levels' }],
  ])('%s', async (_, c) => {
    const x = _.startsWith('all values equal') ? new Float32Array(c.batch * c.height * c.width * c.channels).fill(0.5) : undefined;
    const r = await compare(c, 11, x);
    expect(r.error).toBeLessThanOrEqual(1e-4);
    expect(r.leaked).toBe(0);
  }, 30_000);

  it('credits nothing for a window with no value above −∞', async () => {
    const c: Case = { batch: 1, channels: 2, pool: 2, stride: 2, padding: 'valid', height: 4, width: 4, values: 'uniform' };
    const x = inputValues(c, 5).map((v, i) => (i % 2 === 0 ? -Infinity : v));
    const r = await compare(c, 5, x);
    expect(r.error).toBeLessThanOrEqual(1e-4);
    expect(r.leaked).toBe(0);
  });

  it('agrees on generated cases: pool 1–3, stride 1–3, valid/same, odd sizes, batch 1–64, channels 1–64, with ties', async () => {
    const cases = fc
      .record({
        pool: fc.integer({ min: 1, max: 3 }),
        stride: fc.integer({ min: 1, max: 3 }),
        padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
        batch: fc.integer({ min: 1, max: 64 }),
        channels: fc.integer({ min: 1, max: 64 }),
        extraH: fc.integer({ min: 0, max: 12 }),
        extraW: fc.integer({ min: 0, max: 12 }),
        values: fc.constantFrom<Case['values']>('uniform', 'relu', 'levels'),
      })
      // Small enough for the cpu reference: about 200k inputs at most.
      .filter((r) => r.batch * r.channels * (r.pool + r.extraH) * (r.pool + r.extraW) <= 2e5)
      .map(({ extraH, extraW, ...r }): Case => ({ ...r, height: r.pool + extraH, width: r.pool + extraW }));
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 1, max: 1000 }), async (c, seed) => {
        const r = await compare(c, seed);
        return r.error <= 1e-4 && r.leaked === 0;
      }),
      { seed: 20261130, numRuns: 80 },
    );
  }, 120_000);
});
