import { describe, expect, it } from 'vitest';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { optimizerConfig } from '../../model/optimizerDefaults';
import { continuation } from './continuation';
import { newSavedRun } from './runRecorder';

const config = { epochs: 3, batchSize: 16, optimizer: optimizerConfig('sgd', { learningRate: 0.1, momentum: 0.9 }), validationSplit: 0.2, seed: 4, earlyStopping: null };
const run = {
  ...newSavedRun('a', 'A', { dataset: 'fashion-mnist', trainSize: 5000, spec: TINY_SPEC, config }),
  epochs: [1, 2, 3].map((epoch) => ({ epoch, trainLoss: 1, trainAccuracy: 0.5, valLoss: 1, valAccuracy: 0.5, numTensors: 1 })),
};

describe('continuation', () => {
  it('trains the saved run\'s network on its data with its settings, for more epochs in all', () => {
    const page = { runId: 7, dataset: 'mnist' as const, trainSize: 1000, spec: { ...TINY_SPEC, layers: [] }, config: { ...config, epochs: 2, batchSize: 99 } };
    expect(continuation(page, run)).toEqual({ runId: 7, dataset: 'fashion-mnist', trainSize: 5000, spec: TINY_SPEC, config: { ...config, epochs: 5 } });
  });

  it('goes on at the learning rate the run ended on', () => {
    const changed = { ...run, learningRateChanges: [{ x: 1.5, learningRate: 0.01 }] };
    const page = { runId: 1, dataset: 'mnist' as const, trainSize: 1000, spec: TINY_SPEC, config };
    expect(continuation(page, changed).config.optimizer.learningRate).toBe(0.01);
  });
});
