import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { AUGMENT_DEFAULT } from '../model/augmentConfig';
import { optimizerConfig } from '../model/optimizerDefaults';
import { SEED_002_SPEC } from '../model/presets';
import type { ModelSpec } from '../model/types';
import { withOutputUnits } from '../model/withOutputUnits';
import type { EpochRow } from '../protocol/engineResults';
import { buildModel } from './buildModel';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { evaluateModel } from './evaluateModel';
import { RunControl } from './runControl';
import { shapeSet } from './testing/drawShapes';
import { readMnistSample } from './testing/readMnistSample';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';
import { trainModel } from './trainModel';
import type { Batch } from './trainStep';

// Seed 002's layer types at a CPU-friendly width (as in trainModel.test.ts).
const SMALL: ModelSpec = {
  ...SEED_002_SPEC,
  layers: SEED_002_SPEC.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters: 4 } : l.type === 'dense' && l.units === 128 ? { ...l, units: 24 } : l)),
};
const range = (a: number, b: number) => Uint32Array.from({ length: b - a }, (_, i) => a + i);

describe.each(TEST_BACKENDS)('training with augmentation and a mix (Node, %s backend)', (backend) => {
  useTestBackend(backend);

  it('augments and mixes every batch without leaking a tensor', async () => {
    const data = readMnistSample(200);
    const mine = { ...readMnistSample(30), numClasses: 10 };
    const baseline = tf.memory().numTensors;
    const built = buildModel(SMALL, 1);
    const optimizer = createOptimizer(optimizerConfig('adam', { learningRate: 0.01 }));
    const epochs: EpochRow[] = [];
    const seen: Batch[] = [];
    const outcome = await trainModel(
      built, optimizer, data, range(0, 160), range(160, 200),
      { epochs: 3, batchSize: 16, seed: 3, augment: AUGMENT_DEFAULT, mix: { images: mine, share: 0.25, augment: AUGMENT_DEFAULT } },
      new RunControl(),
      { onEpoch: (r) => epochs.push(r), onBatchImages: (b) => seen.push(b) },
    );
    expect(outcome).toEqual({ kind: 'done', epochsCompleted: 3 });
    // 12 of the dataset and 4 drawings a batch: 160 / 12 → 14 batches an epoch.
    expect(seen).toHaveLength(42);
    expect(seen[0].n).toBe(16);
    expect(seen.at(-1)!.n).toBe(160 - 13 * 12 + 4);
    expect(epochs[2].numTensors).toBe(epochs[1].numTensors);
    disposeOptimizer(optimizer);
    built.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);

  it('learns two invented classes from ten drawings each, and reads new drawings of them', async () => {
    const train = shapeSet(10, 1);
    const fresh = shapeSet(20, 2);
    const spec = withOutputUnits(SMALL, 2);
    const built = buildModel(spec, 5);
    const optimizer = createOptimizer(optimizerConfig('adam', { learningRate: 0.003 }));
    await trainModel(built, optimizer, train, range(0, 20), new Uint32Array(0), { epochs: 30, batchSize: 8, seed: 5, augment: AUGMENT_DEFAULT }, new RunControl());
    const r = await evaluateModel(built, fresh, range(0, 40));
    expect(r!.accuracy).toBeGreaterThanOrEqual(0.9);
    disposeOptimizer(optimizer);
    built.model.dispose();
  }, 120_000);
});
