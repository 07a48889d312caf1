import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG, SEED_002_SPEC } from '../../model/presets';
import type { WorkerEvent } from '../../protocol';
import { sampleRun } from '../../protocol/testing/sampleRun';
import { applyEvents, bestEpochOf, INITIAL_RUN_STATE, startRun } from './runState';
import { message } from '../../model/message';
import { english } from '../../i18n/testing/words';

const batch = (runId: number, x: number[], loss: number[]): WorkerEvent => ({
  type: 'batchMetrics', runId, x: Float64Array.from(x), loss: Float32Array.from(loss),
  accuracy: Float32Array.from(loss.map(() => 0.5)), epoch: 0, examplesPerSec: 100, elapsedMs: 10, etaMs: 90,
});

describe('applyEvents', () => {
  it('keeps the whole batch history across messages', () => {
    let s = startRun(INITIAL_RUN_STATE, 1, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    s = applyEvents(s, [{ type: 'status', status: 'training' }, batch(1, [0.1, 0.2], [2, 1.5])]);
    s = applyEvents(s, [batch(1, [0.3], [1.2])]);
    expect(s.status).toBe('training');
    expect(s.batches.x).toEqual([0.1, 0.2, 0.3]);
    expect(s.batches.loss).toEqual([2, 1.5, Math.fround(1.2)]);
    expect(s.progress?.etaMs).toBe(90);
  });

  it('ignores late events of an earlier run', () => {
    let s = startRun(INITIAL_RUN_STATE, 2, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    s = applyEvents(s, [batch(1, [0.5], [3])]);
    expect(s.batches.x).toEqual([]);
  });

  it('records epochs, the outcome, the test result and errors', () => {
    let s = startRun(INITIAL_RUN_STATE, 1, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    s = applyEvents(s, [
      { type: 'epochEnd', runId: 1, epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, valLoss: 0.4, valAccuracy: 0.85, numTensors: 20 },
      { type: 'runEnded', runId: 1, outcome: 'diverged', epochsCompleted: 1, message: { key: 'train:outcome.keptInitial' } },
      { type: 'status', status: 'diverged' },
      { type: 'testResult', runId: 1, loss: 0.3, accuracy: 0.9, count: 10, confusion: new Int32Array(4) },
      { type: 'error', code: 'data-missing', message: message('errors:text', { text: 'Data file data/x is missing' }) },
    ]);
    expect(s.epochs).toEqual([{ epoch: 1, trainLoss: 0.5, trainAccuracy: 0.8, valLoss: 0.4, valAccuracy: 0.85, numTensors: 20 }]);
    expect(s.outcome).toEqual({ key: 'train:outcome.keptInitial' });
    expect(s.status).toBe('diverged');
    expect(s.test?.accuracy).toBe(0.9);
    expect(english(s.error)).toMatch(/missing/);
  });

  it('a new run clears the history', () => {
    let s = applyEvents(startRun(INITIAL_RUN_STATE, 1, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG), [batch(1, [1], [1])]);
    s = startRun(s, 2, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    expect(s.batches.x).toEqual([]);
    expect(s.status).toBe('loading');
  });

  it('a run that lost its backend drops the batches after the epoch it resumes from, and says so', () => {
    const lost = message('errors:notice.resumed', { lost: 'webgl', why: 'context lost', backend: 'wasm', from: message('errors:notice.resumedFrom.epoch', { epoch: 1 }) });
    let s = startRun(INITIAL_RUN_STATE, 1, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    s = applyEvents(s, [batch(1, [0.5, 1, 1.5], [1, 1, 1])]);
    s = applyEvents(s, [{ type: 'runResumed', runId: 1, fromEpoch: 1, lost: 'webgl', backend: 'wasm', message: lost }]);
    expect(s.batches.x).toEqual([0.5, 1]);
    expect(s.batches.loss).toHaveLength(2);
    expect(s.backendLosses).toEqual([lost]);
    expect(english(lost)).toBe('webgl failed (context lost): training goes on on wasm from epoch 1\'s weights.');
    s = startRun(s, 2, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    expect(s.backendLosses).toEqual([]);
  });

  it('records learning-rate changes where they took effect, and the best epoch', () => {
    let s = startRun(INITIAL_RUN_STATE, 1, 'mnist', SEED_002_SPEC, DEFAULT_TRAIN_CONFIG);
    expect(s.learningRate).toBe(0.001);
    s = { ...s, pendingLearningRate: 0.0001 };
    s = applyEvents(s, [
      { type: 'runStarted', runId: 1, trainCount: 800, valCount: 200, batchesPerEpoch: 25, epochs: 3 },
      { type: 'learningRate', runId: 1, learningRate: 0.0001, epoch: 1, batch: 5 },
      { type: 'epochEnd', runId: 1, epoch: 1, trainLoss: 1, trainAccuracy: 0.5, valLoss: 0.9, valAccuracy: 0.6, numTensors: 10, bestEpoch: 1 },
    ]);
    expect(s.learningRate).toBe(0.0001);
    expect(s.pendingLearningRate).toBeNull();
    expect(s.learningRateChanges).toEqual([{ x: 1.2, learningRate: 0.0001 }]);
    expect(bestEpochOf(s)).toBe(1);
    s = applyEvents(s, [{ type: 'runEnded', runId: 1, outcome: 'earlyStopped', epochsCompleted: 3, restoredEpoch: 1, message: { key: 'train:outcome.keptInitial' } }]);
    expect(s.restoredEpoch).toBe(1);
  });
});

describe('a worker that died', () => {
  it('keeps saying so over the run the new worker reopens, and only that one', () => {
    const run = sampleRun({ id: 'r', status: 'interrupted' });
    const openedNotice = message('errors:notice.openedEpoch', { name: 'r', epoch: 2 });
    const restarted = message('errors:worker.restarted');
    const opened = (runId: number): WorkerEvent => ({ type: 'runOpened', runId, run, weights: 2, message: openedNotice });
    let s = applyEvents({ ...INITIAL_RUN_STATE, runId: 1, status: 'training' }, [{ type: 'workerRestarted', message: restarted }]);
    expect(s).toMatchObject({ status: 'error', error: restarted });
    expect(english(s.error)).toMatch(/^The training worker stopped answering/);
    s = applyEvents({ ...s, runId: 2 }, [opened(2)]);
    expect(s).toMatchObject({ status: 'stopped', error: restarted, notice: openedNotice });
    expect(english(s.notice)).toBe('Opened "r" with its epoch 2 weights.');
    s = applyEvents({ ...s, runId: 3 }, [opened(3)]);
    expect(s.error).toBeNull();
  });
});
