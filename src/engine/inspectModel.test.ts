import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes } from '../model/inferShapes';
import { SEED_002_SPEC } from '../model/presets';
import type { ModelSpec } from '../model/types';
import { buildModel } from './buildModel';
import { ModelInspector } from './inspectModel';
import { readMnistSample } from './testing/readMnistSample';

const SPEC: ModelSpec = {
  ...SEED_002_SPEC,
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'batchNorm' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('ModelInspector', () => {
  it('reads predictions, activations and kernels without leaking or disposing the model', async () => {
    const built = buildModel(SPEC, 5);
    const inspector = new ModelInspector(built);
    const image = Float32Array.from(readMnistSample(1).pixels, (v) => v / 255);
    const before = tf.memory().numTensors;

    const acts = await inspector.activations(image);
    expect(acts.map((a) => a.shape)).toEqual(inferShapes(SPEC, 10).layers.map((l) => l.outputShape));
    const probs = await inspector.predict(image);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(Array.from(acts[acts.length - 1].values)).toEqual(Array.from(probs).map((v) => expect.closeTo(v, 6)));

    const kernels = await inspector.convKernels();
    expect(kernels).toHaveLength(1);
    expect(kernels[0].shape).toEqual([3, 3, 1, 4]);
    expect(kernels[0].values).toHaveLength(36);
    const weights = await inspector.layerWeights();
    expect(weights.map((w) => [w.layer, w.values.length])).toEqual([[0, 40], [2, 8], [4, 6770]]);

    expect(tf.memory().numTensors).toBe(before);
    // The training model still works: its weights were only read.
    const y = built.model.predict(tf.zeros([1, 28, 28, 1])) as tf.Tensor;
    expect(y.shape).toEqual([1, 10]);
    y.dispose();
    built.model.dispose();
  });
});
