import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from './buildModel';
import { evaluateModel } from './evaluateModel';
import { readMnistSample } from './testing/readMnistSample';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { useTestBackend } from './testing/useTestBackend';

const data = readMnistSample(120);
const indices = Uint32Array.from({ length: 100 }, (_, i) => 119 - i); // not in storage order

describe('evaluateModel with keepPredictions (Node, cpu)', () => {
  useTestBackend('cpu');

  it('keeps each image\'s predicted class and probability, in indices order, matching predict()', async () => {
    const baseline = tf.memory().numTensors;
    const built = buildModel(TINY_SPEC, 3);
    const r = await evaluateModel(built, data, indices, { batchSize: 32, keepPredictions: true });
    const p = r!.predictions!;
    expect(p.predicted).toHaveLength(100);
    const x = tf.tensor4d(Float32Array.from(Array.from(indices).flatMap((i) => Array.from(data.pixels.subarray(i * 784, (i + 1) * 784), (v) => v / 255))), [100, 28, 28, 1]);
    const probs = built.model.predict(x) as tf.Tensor2D;
    const rows = (await probs.array()) as number[][];
    tf.dispose([x, probs]);
    rows.forEach((row, i) => {
      const top = row.indexOf(Math.max(...row));
      expect(p.predicted[i]).toBe(top);
      expect(p.confidence[i]).toBeCloseTo(row[top], 5);
    });
    // The confusion matrix counts the same predictions.
    const confusion = new Int32Array(100);
    indices.forEach((idx, i) => confusion[data.labels[idx] * 10 + p.predicted[i]]++);
    expect(Array.from(r!.confusion)).toEqual(Array.from(confusion));
    built.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('keeps nothing unless asked', async () => {
    const built = buildModel(TINY_SPEC, 3);
    const r = await evaluateModel(built, data, indices);
    expect(r!.predictions).toBeUndefined();
    built.model.dispose();
  });
});
