import type { OptimizerConfig, OptimizerName } from './types';

/** Keras's defaults for each optimizer (tf.keras 2.x / Keras 3). */
export const KERAS_OPTIMIZER_DEFAULTS: { readonly [N in OptimizerName]: Extract<OptimizerConfig, { name: N }> } = {
  sgd: { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false },
  adam: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  rmsprop: { name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 },
  adadelta: { name: 'adadelta', learningRate: 0.001, rho: 0.95, epsilon: 1e-7 },
};

/** An optimizer with Keras's defaults except where `overrides` says otherwise. */
export function optimizerConfig<N extends OptimizerName>(
  name: N,
  overrides: Partial<Omit<Extract<OptimizerConfig, { name: N }>, 'name'>> = {},
): Extract<OptimizerConfig, { name: N }> {
  return { ...KERAS_OPTIMIZER_DEFAULTS[name], ...overrides };
}
