import { describe, expect, it } from 'vitest';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { optimizerConfig } from '../../model/optimizerDefaults';
import type { EpochRow, WorkerEvent } from '../../protocol';
import { newSavedRun, RunRecorder } from './runRecorder';

const setup = {
  dataset: 'mnist' as const, trainSize: 1000, spec: TINY_SPEC,
  config: { epochs: 2, batchSize: 10, optimizer: optimizerConfig('adam', {}), validationSplit: 0.1, seed: 1, earlyStopping: null },
};
const row = (epoch: number, valAccuracy: number): EpochRow => ({ epoch, trainLoss: 1 / epoch, trainAccuracy: 0.5, valLoss: 1, valAccuracy, numTensors: 9 });
const batches = (runId: number, xs: number[]): WorkerEvent => ({
  type: 'batchMetrics', runId, x: Float64Array.from(xs), loss: Float32Array.from(xs, (x) => 2 - x), accuracy: Float32Array.from(xs, (x) => x / 2),
  epoch: 0, examplesPerSec: 1, elapsedMs: 1, etaMs: null,
});

describe('RunRecorder', () => {
  it('records what the page is shown: batches, epochs, outcome and test result, ignoring other runs', () => {
    const r = new RunRecorder(newSavedRun('a', 'Run 1', setup, 5), 3);
    const events: WorkerEvent[] = [
      { type: 'runStarted', runId: 3, trainCount: 900, valCount: 100, batchesPerEpoch: 2, epochs: 2 },
      batches(3, [0.5, 1]),
      batches(2, [0.5]),
      { type: 'epochEnd', runId: 3, ...row(1, 0.8) },
      { type: 'learningRate', runId: 3, learningRate: 0.1, epoch: 1, batch: 1 },
      batches(3, [1.5, 2]),
      { type: 'epochEnd', runId: 3, ...row(2, 0.7) },
      { type: 'runEnded', runId: 3, outcome: 'done', epochsCompleted: 2, message: { key: 'train:outcome.keptInitial' } },
      { type: 'testResult', runId: 3, loss: 0.3, accuracy: 0.9, count: 10, confusion: new Int32Array(100) },
    ];
    events.forEach((e) => r.apply(e));
    const s = r.snapshot(9);
    expect(Array.from(s.batches.x)).toEqual([0.5, 1, 1.5, 2]);
    expect(Array.from(s.batches.loss)).toEqual([1.5, 1, 0.5, 0]);
    expect(s.epochs.map((e) => e.epoch)).toEqual([1, 2]);
    expect(s.learningRateChanges).toEqual([{ x: 1.5, learningRate: 0.1 }]);
    expect(s).toMatchObject({ status: 'done', message: { key: 'train:outcome.keptInitial' }, info: { trainCount: 900, valCount: 100, batchesPerEpoch: 2 }, createdAt: 5, updatedAt: 9 });
    expect(s.test?.accuracy).toBe(0.9);
    expect(r.bestEpoch()).toBe(1);
  });

  it('drops what a backend loss makes train again', () => {
    const r = new RunRecorder(newSavedRun('a', 'Run 1', setup), 1);
    r.apply(batches(1, [0.5, 1, 1.5]));
    r.apply({ type: 'epochEnd', runId: 1, ...row(1, 0.8) });
    r.apply({ type: 'runResumed', runId: 1, fromEpoch: 0, lost: 'webgl', backend: 'wasm', message: { key: 'errors:text', values: { text: '' } } });
    const s = r.snapshot();
    expect(s.batches.x).toHaveLength(0);
    expect(s.epochs).toHaveLength(0);
  });

  it('continues a saved run\'s history', () => {
    const first = new RunRecorder(newSavedRun('a', 'Run 1', setup), 1);
    first.apply(batches(1, [0.5, 1]));
    first.apply({ type: 'epochEnd', runId: 1, ...row(1, 0.8) });
    const again = new RunRecorder(first.snapshot(), 2);
    again.apply(batches(2, [1.5]));
    expect(Array.from(again.snapshot().batches.x)).toEqual([0.5, 1, 1.5]);
    expect(again.epochsCompleted).toBe(1);
  });

  it('keeps a fine-tuning\'s held-out scores with its continuation: the score before, and the latest after', () => {
    const run = newSavedRun('a', 'Run 1', setup);
    const handwriting = { drawings: 24, sharePercent: 50, before: null, after: null };
    run.continuations = [{ fromEpoch: 1, optimizerRestored: true }, { fromEpoch: 2, optimizerRestored: true, handwriting }];
    const r = new RunRecorder(run, 3);
    const held = (when: 'before' | 'after', epoch: number, correct: number, runId = 3): WorkerEvent => ({ type: 'heldOutAccuracy', runId, when, epoch, correct, count: 6, predicted: new Uint8Array(6) });
    r.apply(held('before', 2, 3));
    r.apply(held('after', 3, 4));
    r.apply(held('after', 4, 6));
    r.apply(held('after', 9, 0, 7)); // another run's
    const [plain, tuned] = r.snapshot().continuations;
    expect(plain).toEqual({ fromEpoch: 1, optimizerRestored: true });
    expect(tuned.handwriting).toEqual({ drawings: 24, sharePercent: 50, before: { epoch: 2, correct: 3, count: 6 }, after: { epoch: 4, correct: 6, count: 6 } });
  });
});
