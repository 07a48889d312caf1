import { AUGMENT_OFF } from '../../model/augmentConfig';
import { optimizerForm } from '../../model/parseTrainForm';
import type { Preset } from '../../model/presets';
import type { UrlSetup } from '../appState';

/**
 * `s` with a preset loaded: its network, dataset (classic nets keep the one
 * chosen), optimizer with its settings, epochs, batch size, early stopping and augmentation,
 * and the training-set size and validation split when it sets them.
 */
export function withPreset<T extends UrlSetup>(s: T, p: Preset): T {
  const es = p.train.earlyStopping;
  return {
    ...s,
    presetId: p.id,
    spec: p.spec,
    dataset: p.dataset ?? s.dataset,
    trainSize: p.train.trainSize ?? s.trainSize,
    optimizer: p.train.optimizer.name,
    nesterov: p.train.optimizer.name === 'sgd' && p.train.optimizer.nesterov,
    earlyStopping: es ? { enabled: true, monitor: es.monitor, restoreBestWeights: es.restoreBestWeights } : { ...s.earlyStopping, enabled: false },
    augment: p.train.augment ?? AUGMENT_OFF,
    form: {
      ...s.form,
      ...optimizerForm(p.train.optimizer),
      epochs: String(p.train.epochs),
      batchSize: String(p.train.batchSize),
      ...(p.train.validationSplit !== undefined ? { validationPercent: String(p.train.validationSplit * 100) } : {}),
      ...(es ? { patience: String(es.patience), minDelta: String(es.minDelta) } : {}),
    },
  };
}
