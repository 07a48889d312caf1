import { describe, expect, it } from 'vitest';
import type { TrainForm } from './parseTrainForm';
import { switchOptimizer } from './switchOptimizer';

const form: TrainForm = {
  epochs: '5', batchSize: '32', learningRate: '0.005', validationPercent: '20', seed: '42',
  momentum: '0.5', beta1: '0.8', beta2: '0.99', epsilon: '1e-3', rho: '0.5', patience: '3', minDelta: '0',
};

describe('switchOptimizer', () => {
  it("resets the new optimizer's own parameters to Keras's defaults and keeps the learning rate", () => {
    const s = switchOptimizer({ optimizer: 'adam' as const, form }, 'rmsprop');
    expect(s.optimizer).toBe('rmsprop');
    expect(s.form).toEqual({ ...form, rho: '0.9', momentum: '0', epsilon: '1e-7' });
  });

  it('changes nothing when the optimizer stays', () => {
    const s = { optimizer: 'sgd' as const, form, other: 1 };
    expect(switchOptimizer(s, 'sgd')).toBe(s);
  });
});
