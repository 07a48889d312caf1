import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../model/presets';
import { buildModel } from './buildModel';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { RunControl } from './runControl';
import { readMnistSample } from './testing/readMnistSample';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';
import { trainModel } from './trainModel';

// One step of two images: the cpu backend is slow on the wider presets.
const data = readMnistSample(2);
const idx = Uint32Array.from({ length: 2 }, (_, i) => i);

describe.each(TEST_BACKENDS)('every trainable preset (%s backend)', (backend) => {
  useTestBackend(backend);

  it.each(PRESETS.filter((p) => p.kind !== 'classic').map((p) => [p.id, p] as const))('%s trains a step with its own optimizer (and augmentation) and leaks nothing', async (_id, preset) => {
    const before = tf.memory().numTensors;
    const built = buildModel(preset.spec, 1);
    const optimizer = createOptimizer(preset.train.optimizer);
    const losses: number[] = [];
    const outcome = await trainModel(built, optimizer, data, idx, new Uint32Array(0), { epochs: 1, batchSize: 2, seed: 1, augment: preset.train.augment }, new RunControl(), {
      onBatch: (r) => losses.push(r.loss),
    });
    expect(outcome.kind).toBe('done');
    expect(losses).toHaveLength(1);
    losses.forEach((l) => expect(Number.isFinite(l)).toBe(true));
    disposeOptimizer(optimizer);
    built.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
