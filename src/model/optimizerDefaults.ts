import type { OptimizerConfig, OptimizerName } from './types';

/** Keras's defaults for each optimizer (tf.keras 2.x / Keras 3). */
export const KERAS_OPTIMIZER_DEFAULTS: { readonly [N in OptimizerName]: Extract<OptimizerConfig, { name: N }> } = {
  sgd: { name: 'sgd', learningRate: 0.01, momentum: 0, nesterov: false },
  adam: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  rmsprop: { name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 },
  adadelta: { name: 'adadelta', learningRate: 0.001, rho: 0.95, epsilon: 1e-7 },
};

/** Every optimizer, in the order of the table above (links name them in this order). */
export const OPTIMIZER_NAMES = Object.keys(KERAS_OPTIMIZER_DEFAULTS) as readonly OptimizerName[];

/** The optimizers as the setup menu offers them: the page's default first, labelled as Keras names them. */
export const OPTIMIZERS: readonly { readonly name: OptimizerName; readonly label: string }[] = [
  { name: 'adam', label: 'Adam' },
  { name: 'sgd', label: 'SGD (with momentum)' },
  { name: 'rmsprop', label: 'RMSProp' },
  { name: 'adadelta', label: 'Adadelta' },
];

/** An optimizer with Keras's defaults except where `overrides` says otherwise. */
export function optimizerConfig<N extends OptimizerName>(
  name: N,
  overrides: Partial<Omit<Extract<OptimizerConfig, { name: N }>, 'name'>> = {},
): Extract<OptimizerConfig, { name: N }> {
  return { ...KERAS_OPTIMIZER_DEFAULTS[name], ...overrides };
}
