import { AUGMENT_OFF } from '../../model/augmentConfig';
import { optimizerForm } from '../../model/parseTrainForm';
import type { SavedRunSetup } from '../../protocol';
import type { UrlSetup } from '../appState';

/**
 * `s` with a saved run's setup loaded, as a preset loads its own: the
 * network, dataset, training-set size and every hyperparameter, so that Train
 * repeats the run and an edit starts from it.
 */
export function withSavedSetup<T extends UrlSetup>(s: T, { dataset, trainSize, spec, config }: SavedRunSetup): T {
  const es = config.earlyStopping;
  return {
    ...s,
    presetId: null,
    spec,
    dataset,
    trainSize,
    optimizer: config.optimizer.name,
    nesterov: config.optimizer.name === 'sgd' && config.optimizer.nesterov,
    earlyStopping: es ? { enabled: true, monitor: es.monitor, restoreBestWeights: es.restoreBestWeights } : { ...s.earlyStopping, enabled: false },
    augment: config.augment ?? AUGMENT_OFF,
    form: {
      ...s.form,
      ...optimizerForm(config.optimizer),
      epochs: String(config.epochs),
      batchSize: String(config.batchSize),
      validationPercent: String(Math.round(config.validationSplit * 1000) / 10),
      seed: String(config.seed),
      ...(es ? { patience: String(es.patience), minDelta: String(es.minDelta) } : {}),
    },
  };
}
