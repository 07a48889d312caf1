import { emptyDrawingSet } from '../../drawings/drawingSet';
import { describe, expect, it } from 'vitest';
import { optimizerConfig } from '../../model/optimizerDefaults';
import { parseTrainForm } from '../../model/parseTrainForm';
import { PRESETS } from '../../model/presets';
import type { TrainConfig } from '../../model/types';
import { DEFAULT_SETUP } from './defaultSetup';
import { imageCount } from '../selectors';
import { withSavedSetup } from './withSavedSetup';

describe('withSavedSetup', () => {
  it.each<[string, TrainConfig]>([
    ['SGD with Nesterov momentum, no early stopping', {
      epochs: 7, batchSize: 64, validationSplit: 0.15, seed: 9, earlyStopping: null,
      optimizer: optimizerConfig('sgd', { learningRate: 0.05, momentum: 0.9, nesterov: true }),
    }],
    ['RMSProp with early stopping', {
      epochs: 12, batchSize: 128, validationSplit: 0.1, seed: 3,
      earlyStopping: { monitor: 'val_accuracy', minDelta: 0.001, patience: 3, restoreBestWeights: true },
      optimizer: optimizerConfig('rmsprop', { learningRate: 0.002, rho: 0.8 }),
    }],
  ])('puts a saved run\'s settings back in the form so that they parse to the same config: %s', (_, config) => {
    const spec = PRESETS[1].spec;
    const s = withSavedSetup(DEFAULT_SETUP, { dataset: 'fashion-mnist', trainSize: 5000, spec, config });
    expect(s).toMatchObject({ dataset: 'fashion-mnist', trainSize: 5000, spec, presetId: null });
    expect(parseTrainForm(s.form, s, imageCount({ ...s, drawings: { classes: emptyDrawingSet('classes') } })).values).toEqual(config);
  });
});
