import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues } from '../testing/randomValues';
import { transposeMatrix } from './transposeMatrix';

/** transposeMatrix of a random [r, c] matrix, against the values read by index. */
async function check(r: number, c: number, seed: number) {
  const backend = tf.backend();
  const values = randomValues(r * c, seed);
  const x = tf.tensor2d(values, [r, c]);
  const before = backend.numDataIds();
  const info = transposeMatrix(backend, x);
  const t = tf.engine().makeTensorFromTensorInfo(info);
  const got = (await t.data()) as Float32Array;
  t.dispose();
  x.dispose();
  let same = t.shape[0] === c && t.shape[1] === r;
  for (let i = 0; same && i < r; i++) for (let j = 0; j < c; j++) if (got[j * r + i] !== values[i * c + j]) same = false;
  return { same, leaked: backend.numDataIds() - (before - 1) };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
});

describe('transposeMatrix on wasm', () => {
  it.each([[50176, 32], [12544, 64], [256, 3], [3136, 128], [7, 5], [1, 9], [9, 1]])('[%i, %i]', async (r, c) => {
    const res = await check(r, c, r + c);
    expect(res.same).toBe(true);
    expect(res.leaked).toBe(0);
  });

  it('agrees on generated shapes, multiples of 256 rows among them', async () => {
    const rows = fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 8 }).map((k) => k * 256));
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 1000 }), async (r, c, seed) => {
        const res = await check(r, c, seed);
        return res.same && res.leaked === 0;
      }),
      { seed: 20261131, numRuns: 60 },
    );
  });
});
