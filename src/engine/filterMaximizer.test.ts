import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { ModelSpec } from '../model/types';
import { buildModel, type BuiltModel } from './buildModel';
import { FilterMaximizer } from './filterMaximizer';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';

/** Two convs with a pool between them, so layers 0 (conv), 1 (pool) and 2 (conv) all output maps. */
const TWO_CONV_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'conv2d', filters: 6, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

/** Each filter's mean activation on a plain grey image. */
async function greyActivations(built: BuiltModel, layer: number): Promise<Float32Array> {
  // Over the training model's layers: never disposed (it would dispose their weights).
  const sub = tf.model({ inputs: built.model.inputs, outputs: built.model.layers[layer].output as tf.SymbolicTensor });
  const acts = tf.tidy(() => (sub.predict(tf.fill([1, 28, 28, 1], 0.5)) as tf.Tensor4D).mean([0, 1, 2]));
  const values = (await acts.data()) as Float32Array;
  acts.dispose();
  return values;
}

/**
 * Sets each conv's biases so every filter's pre-activation on grey is +0.1.
 * Glorot kernels with zero biases leave about half the relu filters dead on
 * grey (negative kernel sum), and a dead filter has no gradient to climb; this
 * makes "strictly raised" a fair expectation for every filter.
 */
async function wakeAtGrey(built: BuiltModel, convs: number[]): Promise<void> {
  for (const L of convs) {
    const layer = built.model.layers[L];
    const [kernel] = layer.getWeights(); // live variable: not disposed
    const bias = tf.tidy(() => {
      const grey = tf.fill([1, 28, 28, 1], 0.5);
      const below = L === 0 ? grey : (tf.model({ inputs: built.model.inputs, outputs: built.model.layers[L - 1].output as tf.SymbolicTensor }).predict(grey) as tf.Tensor);
      // Valid padding over a spatially constant input: every position sees the same pre-activation.
      const perChannel = below.mean([0, 1, 2]).expandDims(1); // [C, 1]
      return tf.scalar(0.1).sub(kernel.sum([0, 1]).mul(perChannel).sum(0));
    });
    layer.setWeights([kernel, bias]);
    bias.dispose();
  }
}

async function runAll(m: FilterMaximizer, between?: () => Promise<void>): Promise<void> {
  while (!m.done) {
    await m.step();
    await between?.();
  }
}

describe.each(TEST_BACKENDS)('FilterMaximizer (%s backend)', (backend) => {
  useTestBackend(backend);

  it.each([
    ['a first conv', 0, 4],
    ['a pool', 1, 4],
    ['a second conv', 2, 6],
  ])('raises every filter of %s (layer %i) above grey, keeps pixels in [0, 1], and frees its tensors', async (_, layer, filters) => {
    const built = buildModel(TWO_CONV_SPEC, 21);
    await wakeAtGrey(built, [0, 2]);
    const grey = await greyActivations(built, layer);
    const before = tf.memory().numTensors;
    const m = new FilterMaximizer(built, layer, { steps: 48, seed: 2 });
    expect([m.filters, m.steps, m.height, m.width, m.stepsDone, m.done]).toEqual([filters, 48, 28, 28, 0, false]);

    await runAll(m);
    expect(m.stepsDone).toBe(48);
    expect(m.done).toBe(true);
    await m.step(); // past the end: a no-op
    expect(m.stepsDone).toBe(48);

    const { images, activations } = await m.result();
    expect(images).toHaveLength(filters * 28 * 28);
    expect(Math.min(...images)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...images)).toBeLessThanOrEqual(1);
    expect(activations).toHaveLength(filters);
    // Strictly above grey: the blur and the pull back to grey trade some activation for a readable image.
    activations.forEach((a, f) => expect(a).toBeGreaterThan(grey[f] + 1e-3));

    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
    // The training model still works: its weights were only read.
    const y = tf.tidy(() => (built.model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor).sum().arraySync());
    expect(Number.isFinite(y)).toBe(true);
    built.model.dispose();
  });

  it('never lowers a filter below its grey activation, even one that is dead on grey (unwoken Glorot weights)', async () => {
    const built = buildModel(TWO_CONV_SPEC, 21);
    const grey = await greyActivations(built, 2);
    const m = new FilterMaximizer(built, 2, { steps: 12 });
    await runAll(m);
    const { activations } = await m.result();
    activations.forEach((a, f) => expect(a).toBeGreaterThanOrEqual(grey[f] - 1e-6));
    m.dispose();
    built.model.dispose();
  });

  it('follows the live weights while the model trains between its steps', async () => {
    const built = buildModel(TWO_CONV_SPEC, 22);
    const before = tf.memory().numTensors;
    const optimizer = tf.train.sgd(0.05);
    const x = tf.randomUniform([8, 28, 28, 1], 0, 1, 'float32', 3);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10));
    const trainStep = async () => {
      const loss = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(y, built.logits.apply(x, { training: true }) as tf.Tensor), true);
      await loss?.data();
      loss?.dispose();
    };
    const m = new FilterMaximizer(built, 0, { steps: 6 });
    await Promise.all([runAll(m, trainStep), trainStep()]);
    const { images, activations } = await m.result();
    expect(images.every(Number.isFinite)).toBe(true);
    expect(activations.every(Number.isFinite)).toBe(true);
    m.dispose();
    optimizer.dispose();
    tf.dispose([x, y]);
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });

  it('rejects a layer without [h, w, c] maps', () => {
    const built = buildModel(TWO_CONV_SPEC, 23);
    expect(() => new FilterMaximizer(built, 3)).toThrow(/maps/);
    built.model.dispose();
  });
});
