import { describe, expect, it } from 'vitest';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { optimizerConfig } from '../../model/optimizerDefaults';
import { newSavedRun } from './runRecorder';
import { trimSavedRun } from './trimSavedRun';

const config = { epochs: 4, batchSize: 16, optimizer: optimizerConfig('adam', {}), validationSplit: 0.2, seed: 4, earlyStopping: null };
const run = {
  ...newSavedRun('a', 'A', { dataset: 'mnist', trainSize: 1000, spec: TINY_SPEC, config }),
  // Four epochs of two batches, then half of a fifth (stopped mid-epoch); early stopping restored epoch 2.
  batches: { x: Float32Array.of(0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5), loss: Float32Array.of(9, 8, 7, 6, 5, 4, 3, 2, 1), accuracy: new Float32Array(9) },
  epochs: [1, 2, 3, 4].map((epoch) => ({ epoch, trainLoss: 1, trainAccuracy: 0.5, valLoss: 1, valAccuracy: 0.5, numTensors: 1 })),
  learningRateChanges: [{ x: 1.5, learningRate: 0.01 }, { x: 3.5, learningRate: 0.001 }],
  restoredEpoch: 2, message: 'Stopped early.', test: { loss: 1, accuracy: 0.9, count: 1, confusion: new Int32Array(100) },
};

describe('trimSavedRun', () => {
  it('keeps the history up to the epoch continued from, and drops the outcome of the weights not continued', () => {
    const t = trimSavedRun(run, 2);
    expect(t.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(Array.from(t.batches.x)).toEqual([0.5, 1, 1.5, 2]);
    expect(Array.from(t.batches.loss)).toEqual([9, 8, 7, 6]);
    expect(t.batches.accuracy).toHaveLength(4);
    expect(t.learningRateChanges).toEqual([{ x: 1.5, learningRate: 0.01 }]);
    expect(t).toMatchObject({ restoredEpoch: null, message: '', test: null, id: 'a' });
  });

  it('keeps a fine-tuning\'s score only for weights that are continued, and no continuation that trained nothing kept', () => {
    const handwriting = { drawings: 20, sharePercent: 50, before: { epoch: 1, correct: 5, count: 10 }, after: { epoch: 4, correct: 9, count: 10 } };
    const tuned = { ...run, continuations: [{ fromEpoch: 1, optimizerRestored: true, handwriting }, { fromEpoch: 3, optimizerRestored: false }] };
    expect(trimSavedRun(tuned, 4).continuations).toEqual(tuned.continuations);
    expect(trimSavedRun(tuned, 3).continuations).toEqual([{ fromEpoch: 1, optimizerRestored: true, handwriting: { ...handwriting, after: null } }]);
    expect(trimSavedRun(tuned, 1).continuations).toEqual([]);
  });

  it('drops a stopped run\'s unfinished epoch', () => {
    expect(Array.from(trimSavedRun(run, 4).batches.x)).toEqual([0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
  });
});
