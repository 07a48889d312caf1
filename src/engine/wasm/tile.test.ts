import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from './registerWasmKernels';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
});

async function tiled(backend: string, values: number[], shape: number[], reps: number[], dtype: 'float32' | 'int32' | 'bool') {
  await tf.setBackend(backend);
  const x = tf.tensor(values, shape, dtype);
  const y = tf.tile(x, reps);
  const out = { shape: y.shape, values: Array.from(await y.data()) };
  tf.dispose([x, y]);
  return out;
}

describe('wasm Tile against the cpu backend', () => {
  it("tiles BatchNormalization's per-channel values over an activation", async () => {
    const values = Array.from({ length: 32 }, (_, i) => i / 7);
    expect(await tiled('wasm', values, [1, 1, 1, 32], [4, 5, 6, 1], 'float32')).toEqual(await tiled('cpu', values, [1, 1, 1, 32], [4, 5, 6, 1], 'float32'));
  });

  it('agrees on generated shapes, repeats and dtypes (ranks 0–4), and leaks nothing', async () => {
    const cases = fc.integer({ min: 0, max: 4 }).chain((rank) =>
      fc.record({
        shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: rank, maxLength: rank }),
        reps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: rank, maxLength: rank }),
        dtype: fc.constantFrom<'float32' | 'int32' | 'bool'>('float32', 'int32', 'bool'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ shape, reps, dtype }) => {
        const size = shape.reduce((a, b) => a * b, 1);
        const values = Array.from({ length: size }, (_, i) => (dtype === 'bool' ? i % 3 === 0 : dtype === 'int32' ? i - 5 : i * 0.5 - 1)) as number[];
        await tf.setBackend('wasm');
        const before = tf.engine().backend.numDataIds();
        const got = await tiled('wasm', values, shape, reps, dtype);
        const leaked = tf.engine().backend.numDataIds() - before;
        const want = await tiled('cpu', values, shape, reps, dtype);
        expect(got).toEqual(want);
        expect(leaked).toBe(0);
      }),
      { seed: 20261207, numRuns: 150 },
    );
  }, 60_000);
});
