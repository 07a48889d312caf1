import { AUGMENT_OFF } from '../../model/augmentConfig';
import { optimizerForm, type TrainForm } from '../../model/parseTrainForm';
import { DEFAULT_PRESET_ID, DEFAULT_TRAIN_CONFIG, PRESETS, type Preset } from '../../model/presets';
import type { UrlSetup } from '../appState';

const DEFAULT_FORM: TrainForm = {
  epochs: String(DEFAULT_TRAIN_CONFIG.epochs),
  batchSize: String(DEFAULT_TRAIN_CONFIG.batchSize),
  learningRate: '',
  validationPercent: String(DEFAULT_TRAIN_CONFIG.validationSplit * 100),
  seed: String(DEFAULT_TRAIN_CONFIG.seed),
  momentum: '0',
  beta1: '0.9',
  beta2: '0.999',
  epsilon: '1e-7',
  rho: '0.9',
  patience: '3',
  minDelta: '0',
  ...optimizerForm(DEFAULT_TRAIN_CONFIG.optimizer),
};

const DEFAULT_PRESET = PRESETS.find((p) => p.id === DEFAULT_PRESET_ID) as Preset;

/** The setup a fresh page starts from; links record only what differs from it. */
export const DEFAULT_SETUP: UrlSetup = {
  dataset: 'mnist',
  trainSize: 'all',
  form: DEFAULT_FORM,
  spec: DEFAULT_PRESET.spec,
  presetId: DEFAULT_PRESET_ID,
  optimizer: DEFAULT_TRAIN_CONFIG.optimizer.name,
  nesterov: false,
  earlyStopping: { enabled: false, monitor: 'val_loss', restoreBestWeights: true },
  augment: AUGMENT_OFF,
};
