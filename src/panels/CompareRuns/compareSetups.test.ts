import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/i18n';
import { optimizerConfig } from '../../model/optimizerDefaults';
import type { ModelSpec } from '../../model/types';
import type { SavedRun, SavedRunSetup } from '../../protocol';
import { compareSetups } from './compareSetups';

const TINY_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 2, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
const newSavedRun = (id: string, name: string, setup: SavedRunSetup): SavedRun => ({
  id, name, pinned: false, createdAt: 0, updatedAt: 0, setup, status: 'done', message: '', epochsPlanned: setup.config.epochs, info: null,
  batches: { x: new Float32Array(0), loss: new Float32Array(0), accuracy: new Float32Array(0) }, epochs: [], learningRateChanges: [],
  restoredEpoch: null, test: null, weights: { latest: null, best: null, optimizer: false, bytes: 0 }, continuations: [],
});

const config = { epochs: 3, batchSize: 32, optimizer: optimizerConfig('adam', {}), validationSplit: 0.1, seed: 1, earlyStopping: null };
const a = newSavedRun('a', 'A', { dataset: 'mnist', trainSize: 1000, spec: TINY_SPEC, config });
const b = newSavedRun('b', 'B', {
  dataset: 'mnist', trainSize: 1000, config: { ...config, optimizer: optimizerConfig('adam', { learningRate: 0.01 }) },
  spec: { ...TINY_SPEC, layers: [TINY_SPEC.layers[0], { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' }, ...TINY_SPEC.layers.slice(1)] },
});

describe('compareSetups', () => {
  it('marks exactly the rows where the runs differ', () => {
    const { setup } = compareSetups([a, b]);
    const differing = setup.filter((r) => r.differs).map((r) => r.label);
    // The learning rate, and the network from the second layer on (B has a pooling layer there).
    expect(differing).toEqual(['learning rate', 'layer 2', 'layer 3', 'layer 4']);
    expect(setup.find((r) => r.label === 'layer 2')?.values).toEqual(['Flatten', 'MaxPooling2D 2×2']);
    expect(setup.find((r) => r.label === 'layer 4')?.values).toEqual(['—', 'Dense 10, softmax']);
    expect(setup.find((r) => r.label === 'optimizer settings')?.values[0]).toBe('beta1 0.9, beta2 0.999, epsilon 1e-7');
  });

  it('shows each run\'s outcome, with a dash where there is none', () => {
    const { outcome } = compareSetups([a, { ...b, test: { loss: 0.1, accuracy: 0.9876, count: 10, confusion: new Int32Array(100) } }]);
    expect(outcome.find((r) => r.label === 'test accuracy')?.values).toEqual(['—', '98.76%']);
    expect(outcome.find((r) => r.label === 'best val accuracy')?.values).toEqual(['—', '—']);
    expect(outcome.find((r) => r.label === 'ended')?.values).toEqual(['done', 'done']);
  });

  it('words labels and worded values in the language of the t it is given, Keras names as they are', () => {
    const { setup, outcome } = compareSetups([a, b], i18n.getFixedT('ko'));
    expect(setup.filter((r) => r.differs).map((r) => r.label)).toEqual(['학습률', '2번째 층', '3번째 층', '4번째 층']);
    expect(setup.find((r) => r.label === '데이터셋')?.values).toEqual(['MNIST 손글씨 숫자', 'MNIST 손글씨 숫자']);
    expect(setup.find((r) => r.label === '조기 종료')?.values).toEqual(['사용 안 함', '사용 안 함']);
    expect(setup.find((r) => r.label === '2번째 층')?.values).toEqual(['Flatten', 'MaxPooling2D 2×2']);
    expect(outcome.find((r) => r.label === '종료 상태')?.values).toEqual(['완료', '완료']);
  });
});
