import * as tf from '@tensorflow/tfjs';
import type { OptimizerConfig } from '../model/types';

/**
 * The tfjs optimizer that matches Keras's for the same settings. Keras's
 * SGD(momentum) is tfjs's MomentumOptimizer; with momentum 0 plain SGD keeps no
 * slot variables.
 */
export function createOptimizer(c: OptimizerConfig): tf.Optimizer {
  switch (c.name) {
    case 'sgd':
      return c.momentum > 0 ? tf.train.momentum(c.learningRate, c.momentum, c.nesterov) : tf.train.sgd(c.learningRate);
    case 'adam':
      return tf.train.adam(c.learningRate, c.beta1, c.beta2, c.epsilon);
    case 'rmsprop':
      return tf.train.rmsprop(c.learningRate, c.rho, c.momentum, c.epsilon);
    case 'adadelta':
      return tf.train.adadelta(c.learningRate, c.rho, c.epsilon);
  }
}

/**
 * Changes a live optimizer's learning rate, keeping its state (moments,
 * accumulators). SGD and Momentum cache −lr in a scalar and expose
 * setLearningRate; Adam, RMSProp and Adadelta read their (protected)
 * `learningRate` field at every step, so writing it takes effect on the next
 * batch. One difference from Keras: tfjs's momentum buffer holds gradients
 * without the learning rate (w −= lr·v), so a new rate also rescales the
 * velocity already built up, where Keras's (v = m·v − lr·g) keeps it.
 */
export function setLearningRate(optimizer: tf.Optimizer, learningRate: number): void {
  // Not `instanceof SGDOptimizer`: tfjs's Optimizer overrides Symbol.hasInstance
  // with a duck-type check that every optimizer passes.
  const o = optimizer as unknown as { learningRate?: unknown; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') {
    o.setLearningRate(learningRate);
    return;
  }
  if (typeof o.learningRate !== 'number') throw new Error(`${optimizer.getClassName()} has no learning rate to change`);
  o.learningRate = learningRate;
}

/**
 * Disposes an optimizer and its state. tfjs 4.22's MomentumOptimizer.dispose
 * does not call SGD's, so the −lr scalar it caches (`c`) would leak one tensor
 * per run: dispose that too.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  const c = (optimizer as unknown as { c?: tf.Tensor }).c;
  optimizer.dispose();
  if (c && !c.isDisposed) c.dispose();
}
