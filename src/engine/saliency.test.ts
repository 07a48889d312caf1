import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../model/types';
import { buildModel, type BuiltModel } from './buildModel';
import { classScoreGradient, occlusionMap, smoothGrad } from './saliency';
import { randomValues } from './testing/randomValues';
import { relativeError } from './testing/relativeError';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';

const LINEAR_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }],
};

/** TINY_SPEC with tanh: smooth, so finite differences cannot straddle a relu kink. */
const TANH_SPEC: ModelSpec = {
  ...TINY_SPEC,
  layers: TINY_SPEC.layers.map((l) => (l.type === 'conv2d' ? { ...l, activation: 'tanh' as const } : l)),
};

const SIZE = 28 * 28;

/** Pixels uniform in [0, 1), reproducible from `seed`. */
function randomImage(seed: number): Float32Array {
  return randomValues(SIZE, seed).map((v) => (v + 1) / 2);
}

/** Column `c` of the linear net's Dense kernel [784, 10]: the weights that read class c's score. */
async function kernelColumn(built: BuiltModel, c: number): Promise<Float32Array> {
  const kernel = built.model.layers[1].getWeights()[0]; // live variable: not disposed
  const values = (await kernel.data()) as Float32Array;
  return Float32Array.from({ length: SIZE }, (_, i) => values[i * 10 + c]);
}

/** A linear net whose class `c` reads +5 per inked pixel of `region` and every other weight is 0. */
function handSetLinear(c: number, region: (y: number, x: number) => boolean): BuiltModel {
  const built = buildModel(LINEAR_SPEC, 1);
  const kernel = new Float32Array(SIZE * 10);
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) if (region(y, x)) kernel[(y * 28 + x) * 10 + c] = 5;
  const [k, b] = [tf.tensor2d(kernel, [SIZE, 10]), tf.zeros([10])];
  built.model.layers[1].setWeights([k, b]);
  tf.dispose([k, b]);
  return built;
}

describe.each(TEST_BACKENDS)('saliency (%s backend)', (backend) => {
  useTestBackend(backend);

  it('gives the Dense kernel column as the class-score gradient of a linear net, for any input', async () => {
    const built = buildModel(LINEAR_SPEC, 7);
    const before = tf.memory().numTensors;
    for (const [c, seed] of [[0, 1], [3, 2], [9, 3]]) {
      const g = await classScoreGradient(built, randomImage(seed), c);
      const want = await kernelColumn(built, c);
      expect(g).toHaveLength(SIZE);
      let worst = 0;
      for (let i = 0; i < SIZE; i++) worst = Math.max(worst, Math.abs(g[i] - want[i]));
      expect(worst).toBeLessThan(1e-6);
    }
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });

  it('matches central finite differences of the logit on a tanh convnet', async () => {
    const built = buildModel(TANH_SPEC, 11);
    const image = randomImage(5);
    const c = 4;
    const before = tf.memory().numTensors;
    const g = await classScoreGradient(built, image, c);
    expect(tf.memory().numTensors).toBe(before);

    const pixels = [0, 29, 14 * 28 + 14, 10 * 28 + 20, 27 * 28 + 3, 783];
    const eps = 1e-2;
    const batch = new Float32Array(pixels.length * 2 * SIZE);
    pixels.forEach((p, k) => {
      for (const [j, sign] of [[0, 1], [1, -1]]) {
        const img = batch.subarray((2 * k + j) * SIZE, (2 * k + j + 1) * SIZE);
        img.set(image);
        img[p] += sign * eps;
      }
    });
    const logits = tf.tidy(() => built.logits.predict(tf.tensor4d(batch, [pixels.length * 2, 28, 28, 1])) as tf.Tensor2D);
    const rows = (await logits.array()) as number[][];
    logits.dispose();
    const numeric = pixels.map((_, k) => (rows[2 * k][c] - rows[2 * k + 1][c]) / (2 * eps));
    const analytic = pixels.map((p) => g[p]);
    expect(relativeError(analytic, numeric)).toBeLessThan(1e-2);
    built.model.dispose();
  });

  it('smoothGrad with sigma 0 is the plain gradient, and is reproducible from its seed', async () => {
    const built = buildModel(TANH_SPEC, 13);
    const image = randomImage(8);
    const before = tf.memory().numTensors;
    const plain = await classScoreGradient(built, image, 2);
    const noiseless = await smoothGrad(built, image, 2, { sigma: 0, samples: 5 });
    expect(relativeError(noiseless, plain)).toBeLessThan(1e-5);

    const a = await smoothGrad(built, image, 2, { seed: 3, samples: 8 });
    const b = await smoothGrad(built, image, 2, { seed: 3, samples: 8 });
    const other = await smoothGrad(built, image, 2, { seed: 4, samples: 8 });
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(relativeError(other, a)).toBeGreaterThan(1e-3);
    expect(relativeError(a, plain)).toBeGreaterThan(1e-3);
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });

  it('occlusionMap of an all-zero image is all zero', async () => {
    const built = buildModel(LINEAR_SPEC, 3);
    const before = tf.memory().numTensors;
    const map = await occlusionMap(built, new Float32Array(SIZE), 1);
    expect(map).toHaveLength(SIZE);
    expect(Array.from(map).every((v) => v === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });

  it('occlusionMap shows a positive drop over the only inked region the class reads, and none far from it', async () => {
    const inked = (y: number, x: number) => y >= 10 && y < 16 && x >= 12 && x < 18;
    const built = handSetLinear(3, inked);
    const image = Float32Array.from({ length: SIZE }, (_, i) => (inked(Math.floor(i / 28), i % 28) ? 1 : 0));
    const before = tf.memory().numTensors;
    const map = await occlusionMap(built, image, 3);
    for (let i = 0; i < SIZE; i++) if (inked(Math.floor(i / 28), i % 28)) expect(map[i]).toBeGreaterThan(0.01);
    expect(map[0]).toBe(0); // top-left corner: no patch covering it reaches the ink
    expect(map[SIZE - 1]).toBe(0);
    expect(Math.min(...map)).toBeGreaterThanOrEqual(0);
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });

  it('occlusionMap covers the last row and column when the stride skips them', async () => {
    // Patch 6, stride 4 on 28 pixels: offsets 0..20 reach pixel 25 only; a flush offset 22 must be added.
    const corner = (y: number, x: number) => y >= 26 && x >= 26;
    const built = handSetLinear(5, corner);
    const image = Float32Array.from({ length: SIZE }, (_, i) => (corner(Math.floor(i / 28), i % 28) ? 1 : 0));
    const map = await occlusionMap(built, image, 5, { patch: 6, stride: 4 });
    expect(Array.from(map).every(Number.isFinite)).toBe(true);
    expect(map[SIZE - 1]).toBeGreaterThan(0.01);
    built.model.dispose();
  });

  it('gives the same maps when the calls overlap on one model', async () => {
    const built = buildModel(TANH_SPEC, 17);
    const image = randomImage(9);
    const before = tf.memory().numTensors;
    const alone = [await classScoreGradient(built, image, 1), await smoothGrad(built, image, 1, { samples: 4 }), await occlusionMap(built, image, 1)];
    const together = await Promise.all([classScoreGradient(built, image, 1), smoothGrad(built, image, 1, { samples: 4 }), occlusionMap(built, image, 1)]);
    together.forEach((m, i) => expect(Array.from(m)).toEqual(Array.from(alone[i])));
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });
});
