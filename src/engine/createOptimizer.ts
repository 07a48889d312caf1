import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from '../model/types';

/** Keras-equivalent optimizers (RMSProp with Keras's rho 0.9). */
export function createOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, 0.9, 0, 1e-7);
  }
}
