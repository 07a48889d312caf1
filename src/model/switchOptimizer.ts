import { KERAS_OPTIMIZER_DEFAULTS } from './optimizerDefaults';
import { optimizerForm, type TrainForm } from './parseTrainForm';
import type { OptimizerName } from './types';

/**
 * `s` with another optimizer: its own parameters reset to Keras's defaults,
 * the learning rate kept as typed. Choosing the optimizer already in use
 * changes nothing. The page, a link being read and a link being written all
 * switch this way.
 */
export function switchOptimizer<T extends { optimizer: OptimizerName; form: TrainForm }>(s: T, optimizer: OptimizerName): T {
  if (optimizer === s.optimizer) return s;
  return { ...s, optimizer, form: { ...s.form, ...optimizerForm(KERAS_OPTIMIZER_DEFAULTS[optimizer]), learningRate: s.form.learningRate } };
}
