import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { EVERY_LAYER_SPEC } from '../model/testing/everyLayerSpec';
import { inferShapes } from '../model/inferShapes';
import { buildModel } from './buildModel';
import { ModelInspector } from './inspectModel';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';
import { trainStepStats } from './trainStep';

const image = (seed: number) => Float32Array.from({ length: 784 }, (_, i) => ((i * 7919 + seed * 104729) % 256) / 255);

for (const backend of TEST_BACKENDS) {
  describe(`buildModel with every layer type (${backend})`, () => {
    useTestBackend(backend);

    it('maps each spec layer to its tfjs layer and output, with the shapes and parameters inference gives', () => {
      const before = tf.memory().numTensors;
      const built = buildModel(EVERY_LAYER_SPEC, 3);
      const info = inferShapes(EVERY_LAYER_SPEC, 10);
      expect(info.error).toBeUndefined();
      expect(built.layers).toHaveLength(EVERY_LAYER_SPEC.layers.length);
      built.outputs.forEach((o, i) => expect(o.shape, `layer ${i}`).toEqual([null, ...info.layers[i].outputShape!]));
      built.layers.forEach((l, i) => expect(l.countParams(), `layer ${i}`).toBe(info.layers[i].trainableParams + info.layers[i].nonTrainableParams));
      expect(built.model.countParams()).toBe(info.totalParams);
      // The model still takes Convscope's 28×28×1 images; the adapters in front reshape them to (28, 28) and scale them to 0–255.
      expect(built.model.inputs[0].shape).toEqual([null, 28, 28, 1]);
      built.model.dispose();
      expect(tf.memory().numTensors).toBe(before);
    });

    it('gives the probabilities of the linear Dense + Activation("softmax") ending, with logits before it, and shows 0–1 pixels after Rescaling(1/255)', async () => {
      const built = buildModel(EVERY_LAYER_SPEC, 3);
      try {
        const x = tf.tensor4d([...image(1), ...image(2)], [2, 28, 28, 1]);
        const probs = built.model.predict(x) as tf.Tensor;
        const fromLogits = tf.softmax(built.logits.predict(x) as tf.Tensor);
        const [p, q] = await Promise.all([probs.data(), fromLogits.data()]);
        expect(probs.shape).toEqual([2, 10]);
        p.forEach((v, i) => expect(v).toBeCloseTo(q[i], 6));
        expect(Array.from(p.slice(0, 10) as Float32Array).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        tf.dispose([x, probs, fromLogits]);

        const inspector = new ModelInspector(built);
        const acts = await inspector.activations(image(1));
        expect(acts).toHaveLength(EVERY_LAYER_SPEC.layers.length);
        // Rescaling(1/255) of the 0–255 pixels the adapter feeds it: the 0–1 image again.
        const rescaled = acts[1].values;
        image(1).forEach((v, i) => expect(rescaled[i]).toBeCloseTo(v, 5));
        expect(Array.from(acts[acts.length - 1].values).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
        // The Conv2D without a bias reads as one with a zero bias.
        const kernels = await inspector.convKernels();
        expect(kernels.map((k) => k.layer)).toEqual([4, 9]);
        expect(Array.from(kernels[0].bias)).toEqual([0, 0, 0, 0]);
      } finally {
        built.model.dispose();
      }
    });

    it('trains: a step changes the weights, leaves no tensor behind, and the noise layers act only in training', async () => {
      const built = buildModel(EVERY_LAYER_SPEC, 3);
      const optimizer = tf.train.adam(0.01);
      try {
        const batch = { n: 4, x: new Float32Array([...image(1), ...image(2), ...image(3), ...image(4)]), y: new Int32Array([1, 2, 3, 4]) };
        const before = await built.model.getWeights()[0].data();
        const stats = await trainStepStats(built, optimizer, batch, [28, 28, 1]);
        expect(Number.isFinite(stats.loss)).toBe(true);
        const after = await built.model.getWeights()[0].data();
        expect(Array.from(after)).not.toEqual(Array.from(before));
        // The first step made Adam's slots; a second makes nothing more.
        const kept = tf.memory().numTensors;
        await trainStepStats(built, optimizer, batch, [28, 28, 1]);
        expect(tf.memory().numTensors).toBe(kept);
        const x = tf.tensor4d(batch.x, [4, 28, 28, 1]);
        const a = built.model.predict(x) as tf.Tensor;
        const b = built.model.predict(x) as tf.Tensor;
        expect(Array.from(await a.data())).toEqual(Array.from(await b.data()));
        tf.dispose([x, a, b]);
      } finally {
        optimizer.dispose();
        built.model.dispose();
      }
    });
  });
}
