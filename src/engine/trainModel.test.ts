import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SEED_002_SPEC } from '../model/presets';
import type { ModelSpec } from '../model/types';
import { buildModel } from './buildModel';
import { optimizerConfig } from '../model/optimizerDefaults';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { evaluateModel } from './evaluateModel';
import { RunControl } from './runControl';
import { seedGlobalRandom } from './seedGlobalRandom';
import { readMnistSample } from './testing/readMnistSample';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';
import { trainModel, type BatchReport, } from './trainModel';
import type { EpochRow } from '../protocol/engineResults';

// A narrower copy (4 filters, 24 units) of seed 002's network: same layer types, a CPU-friendly size.
const SMALL: ModelSpec = {
  ...SEED_002_SPEC,
  layers: SEED_002_SPEC.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters: 4 } : l.type === 'dense' && l.units === 128 ? { ...l, units: 24 } : l)),
};

const data = readMnistSample(400);
const range = (a: number, b: number) => Uint32Array.from({ length: b - a }, (_, i) => a + i);

describe.each(TEST_BACKENDS)('trainModel on real MNIST images (Node, %s backend)', (backend) => {
  useTestBackend(backend);

  it('lowers the loss and leaks no tensors', async () => {
    const baseline = tf.memory().numTensors;
    const built = buildModel(SMALL, 1);
    const optimizer = createOptimizer(optimizerConfig('adam', { learningRate: 0.01 }));
    const batches: BatchReport[] = [];
    const epochs: EpochRow[] = [];
    const outcome = await trainModel(built, optimizer, data, range(0, 320), range(320, 400), { epochs: 3, batchSize: 32, seed: 7 }, new RunControl(), {
      onBatch: (r) => batches.push(r),
      onEpoch: (r) => epochs.push(r),
    });
    expect(outcome).toEqual({ kind: 'done', epochsCompleted: 3 });
    expect(batches).toHaveLength(30);
    const firstLoss = batches.slice(0, 3).reduce((a, b) => a + b.loss, 0) / 3;
    expect(epochs[2].trainLoss).toBeLessThan(firstLoss * 0.6);
    expect(epochs[2].valAccuracy).toBeGreaterThan(0.6);
    // Adam's slots appear on the first step; after that the count stays flat.
    expect(epochs[1].numTensors).toBe(epochs[0].numTensors);
    expect(epochs[2].numTensors).toBe(epochs[0].numTensors);

    const test = await evaluateModel(built, data, range(320, 400), { batchSize: 30 });
    expect(test?.count).toBe(80);
    expect(test?.accuracy).toBeCloseTo(epochs[2].valAccuracy, 5);
    expect(Array.from(test!.confusion).reduce((a, b) => a + b, 0)).toBe(80);

    disposeOptimizer(optimizer);
    built.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);

  it('stops on a diverging loss and puts back the last good weights', async () => {
    const built = buildModel(SMALL, 2);
    const before = built.model.getWeights().map((w) => w.dataSync().slice());
    const optimizer = createOptimizer(optimizerConfig('adam', { learningRate: 1e6 }));
    const outcome = await trainModel(built, optimizer, data, range(0, 320), range(320, 400), { epochs: 2, batchSize: 32, seed: 1 }, new RunControl());
    expect(outcome.kind).toBe('diverged');
    expect(outcome.epochsCompleted).toBe(0);
    const after = built.model.getWeights().map((w) => w.dataSync());
    after.forEach((w, i) => expect(Array.from(w)).toEqual(Array.from(before[i])));
    disposeOptimizer(optimizer);
    built.model.dispose();
  }, 60_000);

  it('pauses within a batch and resumes where it left off; stop keeps the weights', async () => {
    const built = buildModel(SMALL, 3);
    const optimizer = createOptimizer(optimizerConfig('adam'));
    const control = new RunControl();
    const seen: number[] = [];
    let onPaused = () => {};
    const paused = new Promise<number>((resolve) => (onPaused = () => resolve(seen.length)));
    const run = trainModel(built, optimizer, data, range(0, 320), new Uint32Array(0), { epochs: 1, batchSize: 32, seed: 1 }, control, {
      onBatch: (r) => {
        seen.push(r.batch);
        if (r.batch === 2) control.pause();
      },
      onPaused,
    });
    expect(await paused).toBe(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toHaveLength(3); // nothing ran while paused
    control.resume();
    while (seen.length < 5) await new Promise((r) => setTimeout(r, 5));
    control.stop();
    const outcome = await run;
    expect(outcome.kind).toBe('stopped');
    expect(seen.slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(seen.length).toBeLessThan(10);
    expect(built.model.getWeights()[0].isDisposed).toBe(false);
    disposeOptimizer(optimizer);
    built.model.dispose();
  }, 60_000);

  it('applies a new learning rate from the next batch, keeping the optimizer state', async () => {
    const built = buildModel(SMALL, 4);
    const optimizer = createOptimizer(optimizerConfig('adam', { learningRate: 0.01 }));
    const control = new RunControl();
    let afterSecond: number[][] = [];
    const changes: unknown[] = [];
    await trainModel(built, optimizer, data, range(0, 160), new Uint32Array(0), { epochs: 1, batchSize: 32, seed: 1 }, control, {
      onBatch: (r) => {
        if (r.batch !== 1) return;
        afterSecond = built.model.getWeights().map((w) => Array.from(w.dataSync()));
        control.setLearningRate(0); // from batch 2 on, Adam's steps are zero
      },
      onLearningRate: (c) => changes.push(c),
    });
    expect(changes).toEqual([{ learningRate: 0, epoch: 0, batch: 2 }]);
    const after = built.model.getWeights().map((w) => Array.from(w.dataSync()));
    after.forEach((w, i) => expect(w).toEqual(afterSecond[i]));
    disposeOptimizer(optimizer);
    built.model.dispose();
  }, 60_000);

  it('early stopping stops after `patience` epochs and puts back the best epoch', async () => {
    const baseline = tf.memory().numTensors;
    const built = buildModel(SMALL, 5);
    const optimizer = createOptimizer(optimizerConfig('adam', { learningRate: 0.005 }));
    const atEpoch: number[][][] = [];
    const epochs: EpochRow[] = [];
    // No accuracy beats the first epoch's by more than 1: epoch 1 stays the best, and patience 2 stops at epoch 3.
    const earlyStopping = { monitor: 'val_accuracy' as const, minDelta: 1, patience: 2, restoreBestWeights: true };
    const outcome = await trainModel(built, optimizer, data, range(0, 160), range(320, 400), { epochs: 10, batchSize: 32, seed: 1, earlyStopping }, new RunControl(), {
      onEpoch: (r) => {
        epochs.push(r);
        atEpoch.push(built.model.getWeights().map((w) => Array.from(w.dataSync())));
      },
    });
    expect(outcome).toEqual({ kind: 'earlyStopped', epochsCompleted: 3, bestEpoch: 1, restoredEpoch: 1 });
    expect(epochs.map((e) => e.bestEpoch)).toEqual([1, 1, 1]);
    expect(atEpoch[2][0]).not.toEqual(atEpoch[0][0]);
    built.model.getWeights().forEach((w, i) => expect(Array.from(w.dataSync())).toEqual(atEpoch[0][i]));
    // The kept best weights add a fixed set of tensors; none are left behind.
    expect(epochs[2].numTensors).toBe(epochs[1].numTensors);
    disposeOptimizer(optimizer);
    built.model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 60_000);

  it('the same seed gives the same first-epoch loss, dropout included', async () => {
    const withDropout: ModelSpec = { ...SMALL, layers: [...SMALL.layers.slice(0, 5), { type: 'dropout', rate: 0.5 }, ...SMALL.layers.slice(5)] };
    const firstEpochLoss = async (seed: number) => {
      seedGlobalRandom(seed);
      const built = buildModel(withDropout, seed);
      const optimizer = createOptimizer(optimizerConfig('adam'));
      let loss = NaN;
      await trainModel(built, optimizer, data, range(0, 96), new Uint32Array(0), { epochs: 1, batchSize: 32, seed }, new RunControl(), {
        onEpoch: (r) => (loss = r.trainLoss),
      });
      disposeOptimizer(optimizer);
      built.model.dispose();
      return loss;
    };
    const a = await firstEpochLoss(11);
    expect(await firstEpochLoss(11)).toBe(a);
    expect(await firstEpochLoss(12)).not.toBe(a);
  }, 60_000);

  it('resumes at startEpoch with the shuffles of an unbroken run, and calls checkBackend before every step', async () => {
    // SGD keeps no state, so a run resumed from epoch 1's weights must end exactly where an unbroken one does.
    const run = async (startEpoch: number, weights?: tf.Tensor[]) => {
      const built = buildModel(SMALL, 5);
      if (weights) built.model.setWeights(weights);
      const optimizer = createOptimizer(optimizerConfig('sgd', { learningRate: 0.05 }));
      const kept: tf.Tensor[][] = [];
      let checks = 0;
      const outcome = await trainModel(built, optimizer, data, range(0, 96), new Uint32Array(0), { epochs: 2, batchSize: 32, seed: 3, startEpoch }, new RunControl(), {
        checkBackend: () => checks++,
        afterEpoch: async () => void kept.push(built.model.getWeights().map((w) => w.clone())),
      });
      const final = built.model.getWeights().map((w) => Array.from(w.dataSync()));
      disposeOptimizer(optimizer);
      built.model.dispose();
      return { outcome, kept, checks, final };
    };
    const unbroken = await run(0);
    expect(unbroken.checks).toBe(6);
    const resumed = await run(1, unbroken.kept[0]);
    expect(resumed.outcome).toEqual({ kind: 'done', epochsCompleted: 2 });
    expect(resumed.checks).toBe(3);
    resumed.final.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(unbroken.final[i][j], 5)));
    tf.dispose([...unbroken.kept.flat(), ...resumed.kept.flat()]);
  }, 60_000);

  it('stops with the error checkBackend throws', async () => {
    const built = buildModel(SMALL, 6);
    const optimizer = createOptimizer(optimizerConfig('adam'));
    let checks = 0;
    const lost = () => {
      if (++checks === 2) throw new Error('context lost');
    };
    await expect(trainModel(built, optimizer, data, range(0, 96), new Uint32Array(0), { epochs: 1, batchSize: 32, seed: 3 }, new RunControl(), { checkBackend: lost })).rejects.toThrow('context lost');
    disposeOptimizer(optimizer);
    built.model.dispose();
  }, 60_000);
});
