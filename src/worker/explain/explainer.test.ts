import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/buildModel';
import { ModelInspector } from '../../engine/inspectModel';
import { TEST_BACKENDS, useTestBackend } from '../../engine/testing/useTestBackend';
import { readMnistSample } from '../../engine/testing/readMnistSample';
import { HAND_FILTERS } from '../../explain/handFilters';
import type { ModelSpec } from '../../model/types';
import { Inspection } from '../inspect/inspection';
import type { Explanation, ExplainRequest, WorkerEvent } from '../../protocol';
import { EXPLAIN_INTERVAL_MS, Explainer } from './explainer';

/** Every kind of layer the views explain: same and valid padding, stride 2, both poolings, batch norm between. */
const SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'batchNorm' },
    { type: 'conv2d', filters: 6, kernelSize: 5, strides: 2, padding: 'same', activation: 'tanh' },
    { type: 'avgPool2d', poolSize: 3, strides: 2, padding: 'same' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

const NONE: ExplainRequest = { requestId: 1, pixel: null, im2col: null, handFilters: null, dense: null, saliency: null, studySpec: null };

/** An explainer over a live model of SPEC (random weights, non-zero biases) looking at a real digit. */
async function explain(request: Partial<ExplainRequest>): Promise<Explanation[]> {
  const built = buildModel(SPEC, 5);
  // Biases away from zero, so that the arithmetic's "+ bias" is really tested.
  tf.tidy(() => {
    for (const l of built.model.layers) {
      const ws = l.getWeights();
      if (ws.length === 2 && l.getClassName() !== 'BatchNormalization') l.setWeights([ws[0], tf.randomUniform(ws[1].shape, -0.3, 0.3, 'float32', 7)]);
    }
  });
  const events: WorkerEvent[] = [];
  const live = { inspector: new ModelInspector(built), spec: SPEC, trained: true, at: 1.5, runId: 3 };
  const inspection = new Inspection((e) => events.push(e), async () => live);
  const explainer = new Explainer((e) => events.push(e), inspection);
  const image = readMnistSample(1);
  inspection.request({ requestId: 1, input: Float32Array.from(image.pixels, (p) => p / 255), spec: null, want: { activations: false, filters: false } });
  explainer.request({ ...NONE, ...request });
  await inspection.idle();
  built.model.dispose();
  const errors = events.filter((e) => e.type === 'explainError' || e.type === 'error');
  expect(errors).toEqual([]);
  return events.flatMap((e) => (e.type === 'explanation' ? [e.explanation] : []));
}

for (const backend of TEST_BACKENDS) {
  describe(`Explainer on ${backend}`, () => {
    useTestBackend(backend);

    it('works out a conv pixel by hand to the model\'s own value, within 1e-5', async () => {
      for (const pixel of [
        { layer: 0, channel: 2, y: 0, x: 27 }, // a corner: the window lies half in the padding
        { layer: 0, channel: 1, y: 14, x: 9 },
        { layer: 3, channel: 5, y: 3, x: 4 }, // after pool and batch norm, 4 channels in, stride 2
        { layer: 3, channel: 0, y: 6, x: 0 },
      ]) {
        const [e] = await explain({ pixel });
        if (e.kind !== 'pixel' || e.arithmetic.op !== 'conv') throw new Error('expected a conv pixel');
        expect(Math.abs(e.arithmetic.value - e.modelValue)).toBeLessThanOrEqual(1e-5);
        expect(e.arithmetic.bias).not.toBe(0);
        expect(e.map.values[pixel.y * e.map.shape[1] + pixel.x]).toBe(e.modelValue);
      }
    });

    it('works out max and average pooling pixels, padding excluded from the average', async () => {
      for (const pixel of [{ layer: 1, channel: 3, y: 7, x: 6 }, { layer: 4, channel: 2, y: 3, x: 3 }, { layer: 4, channel: 1, y: 0, x: 0 }]) {
        const [e] = await explain({ pixel });
        if (e.kind !== 'pixel' || e.arithmetic.op === 'conv') throw new Error('expected a pool pixel');
        expect(Math.abs(e.arithmetic.value - e.modelValue)).toBeLessThanOrEqual(1e-5);
      }
    });

    it('gives the receptive field of a deep pixel on the input', async () => {
      const [e] = await explain({ pixel: { layer: 3, channel: 0, y: 3, x: 3 } });
      if (e.kind !== 'pixel') throw new Error('expected a pixel');
      // conv 3 (same) → pool 2 → conv 5 stride 2: 5 input rows of the pool map are 10 of conv 1's, plus 2.
      expect(e.receptiveField.size).toBe(12);
      expect(e.source.layer).toBe(2);
      expect(e.source.shape).toEqual([14, 14, 4]);
    });

    it('multiplies the im2col matrices into the layer\'s output', async () => {
      const [e] = await explain({ im2col: { layer: 3, channel: 0, y: 0, x: 0 } });
      if (e.kind !== 'im2col') throw new Error('expected im2col');
      expect([e.rows, e.cols, e.filters]).toEqual([49, 100, 6]);
      expect(e.maxError).toBeLessThanOrEqual(1e-5);
    });

    it('applies hand-set kernels and lists the dense unit\'s strongest inputs on the last maps', async () => {
      const kernels = HAND_FILTERS.map((f) => ({ name: f.name, kernel: [...f.kernel] }));
      const [hand, dense] = await explain({ handFilters: kernels, dense: { layer: 6, unit: 4 } });
      if (hand.kind !== 'handFilters' || dense.kind !== 'dense') throw new Error('expected hand filters and a dense unit');
      expect(hand.outputs).toHaveLength(kernels.length);
      expect(hand.trained?.maps.shape).toEqual([28, 28, 4]);
      expect(hand.closest.every((c) => c && c.filter >= 0 && c.filter < 4)).toBe(true);
      expect(dense.maps).toEqual({ shape: [4, 4, 6], layer: 4 });
      expect(dense.positive[0].contribution).toBeGreaterThan(0);
      expect(dense.negative[0].contribution).toBeLessThan(0);
      expect(dense.weights).toHaveLength(96);
    });

    it('explains saliency of the top class, and leaks no tensor', async () => {
      const before = tf.memory().numTensors;
      const [e] = await explain({ saliency: { classIndex: null } });
      if (e.kind !== 'saliency') throw new Error('expected saliency');
      expect(e.gradient).toHaveLength(784);
      expect(e.smoothGrad).toHaveLength(784);
      expect(e.occlusion).toHaveLength(784);
      expect(e.probability).toBeGreaterThan(0);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}

describe('Explainer refreshes', () => {
  it('answers a new input at once, and new weights no more often than each view\'s interval', async () => {
    await tf.setBackend('cpu');
    const built = buildModel(SPEC, 5);
    const live = { inspector: new ModelInspector(built), spec: SPEC, trained: true, at: 0.5, runId: 3 };
    const events: WorkerEvent[] = [];
    let explainer: Explainer | null = null;
    const inspection = new Inspection((e) => events.push(e), async () => live, (urgent) => explainer?.changed(urgent));
    explainer = new Explainer((e) => events.push(e), inspection);
    const answers = () => events.filter((e) => e.type === 'explanation').length;
    const digit = Float32Array.from(readMnistSample(1).pixels, (p) => p / 255);
    const want = { activations: false, filters: false };
    explainer.request({ ...NONE, dense: { layer: 6, unit: 0 } });
    inspection.request({ requestId: 1, input: digit, spec: null, want });
    await inspection.idle();
    const first = answers();
    expect(first).toBeGreaterThanOrEqual(1);

    live.at = 0.6;
    inspection.refresh(); // weights moved, within the interval: held back…
    await inspection.idle();
    expect(answers()).toBe(first);
    await new Promise((r) => setTimeout(r, EXPLAIN_INTERVAL_MS.dense + 100)); // …then answered once it has passed
    await inspection.idle();
    expect(answers()).toBe(first + 1);

    inspection.request({ requestId: 2, input: digit.slice(), spec: null, want }); // a new input: at once
    await inspection.idle();
    expect(answers()).toBe(first + 2);
    built.model.dispose();
  });
});
