import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmKernels } from './registerWasmKernels';

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
});

describe('wasm Identity and same-dtype Cast', () => {
  it('share the data, which outlives either tensor alone, and leak nothing', async () => {
    const before = tf.engine().backend.numDataIds();
    const a = tf.tensor([1, 2, 3]);
    const b = a.clone();
    const c = tf.cast(b, 'float32');
    expect(tf.engine().backend.numDataIds()).toBe(before + 1);
    a.dispose();
    b.dispose();
    expect(Array.from(await c.data())).toEqual([1, 2, 3]);
    c.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });

  it('still convert between dtypes, and a variable assigned after a clone leaves the clone as it was', async () => {
    const i = tf.cast(tf.tensor([1.7, -2.2, 3]), 'int32');
    expect(i.dtype).toBe('int32');
    expect(Array.from(await i.data())).toEqual([1, -2, 3]);
    const v = tf.variable(tf.tensor([1, 2]));
    const kept = v.clone();
    v.assign(tf.tensor([5, 6]));
    expect(Array.from(await kept.data())).toEqual([1, 2]);
    expect(Array.from(await v.data())).toEqual([5, 6]);
    tf.dispose([i, v, kept]);
  });
});
