import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { optimizerConfig } from '../model/optimizerDefaults';
import type { OptimizerConfig } from '../model/types';
import { createOptimizer, disposeOptimizer, setLearningRate } from './createOptimizer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A scalar variable at 0 (its initial tensor disposed, so only the variable counts). */
function zeroVariable(): tf.Variable {
  const init = tf.scalar(0);
  const w = tf.variable(init);
  init.dispose();
  return w;
}

/** One step minimising (w − 3)² from w = 0: the amount w moves. */
function step(optimizer: tf.Optimizer, w: tf.Variable): number {
  const before = w.dataSync()[0];
  optimizer.minimize(() => tf.square(tf.sub(w, 3)).sum() as tf.Scalar, true)?.dispose();
  return w.dataSync()[0] - before;
}

const CONFIGS: OptimizerConfig[] = [
  optimizerConfig('sgd', { learningRate: 0.1 }),
  optimizerConfig('sgd', { learningRate: 0.1, momentum: 0.9, nesterov: true }),
  optimizerConfig('adam', { learningRate: 0.1 }),
  optimizerConfig('rmsprop', { learningRate: 0.1 }),
  optimizerConfig('adadelta', { learningRate: 0.1 }),
];

describe('createOptimizer and setLearningRate', () => {
  it.each(CONFIGS.map((c) => [`${c.name}${'momentum' in c && c.momentum ? ' momentum' : ''}`, c] as const))(
    '%s steps towards the minimum, and a learning rate of 0 set mid-run freezes it',
    (_name, config) => {
      const before = tf.memory().numTensors;
      const w = zeroVariable();
      const optimizer = createOptimizer(config);
      expect(step(optimizer, w)).toBeGreaterThan(0);
      setLearningRate(optimizer, 0);
      expect(step(optimizer, w)).toBe(0);
      setLearningRate(optimizer, 0.1);
      expect(step(optimizer, w)).toBeGreaterThan(0);
      disposeOptimizer(optimizer);
      w.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  it('plain SGD moves by lr × gradient', () => {
    const w = zeroVariable();
    const optimizer = createOptimizer(optimizerConfig('sgd', { learningRate: 0.1 }));
    expect(step(optimizer, w)).toBeCloseTo(0.6, 6); // gradient of (w − 3)² at 0 is −6
    setLearningRate(optimizer, 0.01);
    expect(step(optimizer, w)).toBeCloseTo(0.01 * 2 * (3 - 0.6), 6);
    disposeOptimizer(optimizer);
    w.dispose();
  });
});
