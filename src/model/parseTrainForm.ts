import { message, type Message } from './message';
import type { Monitor, OptimizerConfig, OptimizerName, TrainConfig } from './types';

/** The hyperparameter fields as typed, before they are trusted. */
export interface TrainForm {
  epochs: string;
  batchSize: string;
  learningRate: string;
  /** Percent of the chosen images held out for validation. */
  validationPercent: string;
  seed: string;
  momentum: string;
  beta1: string;
  beta2: string;
  epsilon: string;
  rho: string;
  patience: string;
  minDelta: string;
}

export type TrainFormField = keyof TrainForm;
/** What is wrong with each field, as a message the page words (setup:fieldError.*). */
export type TrainFormErrors = Partial<Record<TrainFormField, Message>>;

/** The setup's choices that are not typed numbers. */
export interface TrainChoices {
  optimizer: OptimizerName;
  nesterov: boolean;
  earlyStopping: { enabled: boolean; monitor: Monitor; restoreBestWeights: boolean };
}

/** The fields each optimizer reads besides the learning rate, in Keras's argument order. */
export const OPTIMIZER_FIELDS: { readonly [N in OptimizerName]: readonly TrainFormField[] } = {
  sgd: ['momentum'],
  adam: ['beta1', 'beta2', 'epsilon'],
  rmsprop: ['rho', 'momentum', 'epsilon'],
  adadelta: ['rho', 'epsilon'],
};

const MAX_EPOCHS = 1000;
const MAX_VALIDATION_PERCENT = 50;
/** High enough to show a run diverging on purpose. */
const MAX_LEARNING_RATE = 1e6;
const MAX_SEED = 4_294_967_295;
const MAX_PATIENCE = 1000;
/** The largest training set (60,000 images). */
const MAX_BATCH = 60_000;

/** Images left for training when `validationSplit` of `images` is held out (matches stratifiedSplit's total). */
export function trainingImages(images: number, validationSplit: number): number {
  return images - Math.round(images * validationSplit);
}

function num(raw: string): number {
  const t = raw.trim();
  return t === '' ? NaN : Number(t);
}

/** A field's problem: setup:fieldError.* (each of a field's own also has a `_lower` form, for the middle of a link's message). */
const err = (key: string, values?: Message['values']): Message => message(`setup:fieldError.${key}`, values);

/** Why `raw` is not a whole number in [min, max], or undefined. */
function wholeError(raw: string, min: number, max: number, enter = 'enterWhole'): Message | undefined {
  const n = num(raw);
  if (!Number.isFinite(n)) return err(enter);
  if (!Number.isInteger(n)) return err('mustBeWhole');
  if (n < min) return err('atLeast', { min });
  if (n > max) return err('atMost', { max });
  return undefined;
}

/** Why `raw` is not a fraction in [0, 1), or undefined. */
function fractionError(raw: string): Message | undefined {
  const n = num(raw);
  if (!Number.isFinite(n)) return err('enterFraction');
  if (n < 0 || n >= 1) return err('fraction');
  return undefined;
}

const CHECKS: Partial<Record<TrainFormField, (raw: string) => Message | undefined>> = {
  epochs: (raw) => wholeError(raw, 1, MAX_EPOCHS, 'enterEpochs'),
  // On its own; parseTrainForm also caps it at the training images left after validation.
  batchSize: (raw) => wholeError(raw, 1, MAX_BATCH),
  validationPercent: (raw) => {
    const n = num(raw);
    if (!Number.isFinite(n)) return err('enterPercent');
    return n < 0 || n > MAX_VALIDATION_PERCENT ? err('percentRange', { max: MAX_VALIDATION_PERCENT }) : undefined;
  },
  seed: (raw) => wholeError(raw, 0, MAX_SEED),
  momentum: fractionError,
  beta1: fractionError,
  beta2: fractionError,
  rho: fractionError,
  epsilon: (raw) => {
    const n = num(raw);
    if (!Number.isFinite(n)) return err('enterEpsilon');
    return n > 0 && n <= 1 ? undefined : err('epsilonRange');
  },
  patience: (raw) => wholeError(raw, 0, MAX_PATIENCE, 'enterEpochs'),
  minDelta: (raw) => {
    const n = num(raw);
    if (!Number.isFinite(n)) return err('enterMinDelta');
    return n >= 0 ? undefined : err('atLeast', { min: 0 });
  },
  learningRate: (raw) => {
    const n = num(raw);
    if (!Number.isFinite(n)) return err('enterRate');
    if (n <= 0) return err('positive');
    return n > MAX_LEARNING_RATE ? err('atMost', { max: MAX_LEARNING_RATE }) : undefined;
  },
};

/** An optimizer's settings as form text (the fields it does not have are left out). */
export function optimizerForm(c: OptimizerConfig): Partial<TrainForm> {
  const f: Partial<TrainForm> = { learningRate: String(c.learningRate) };
  if ('momentum' in c) f.momentum = String(c.momentum);
  if ('rho' in c) f.rho = String(c.rho);
  if ('epsilon' in c) f.epsilon = String(c.epsilon);
  if (c.name === 'adam') Object.assign(f, { beta1: String(c.beta1), beta2: String(c.beta2) });
  return f;
}

/** The fields the current choices read: the optimizer's own, early stopping's when it is on. */
export function activeFields(choices: TrainChoices): TrainFormField[] {
  return [
    'epochs', 'batchSize', 'learningRate', 'validationPercent', 'seed',
    ...OPTIMIZER_FIELDS[choices.optimizer],
    ...(choices.earlyStopping.enabled ? (['patience', 'minDelta'] as const) : []),
  ];
}

/** Checks one field on its own (no cross-field rules): for a learning rate typed during a run. */
export function fieldError(field: TrainFormField, raw: string): Message | undefined {
  return CHECKS[field]?.(raw);
}

function optimizerConfig(choices: TrainChoices, v: (f: TrainFormField) => number): OptimizerConfig {
  const learningRate = v('learningRate');
  switch (choices.optimizer) {
    case 'sgd':
      return { name: 'sgd', learningRate, momentum: v('momentum'), nesterov: choices.nesterov };
    case 'adam':
      return { name: 'adam', learningRate, beta1: v('beta1'), beta2: v('beta2'), epsilon: v('epsilon') };
    case 'rmsprop':
      return { name: 'rmsprop', learningRate, rho: v('rho'), momentum: v('momentum'), epsilon: v('epsilon') };
    case 'adadelta':
      return { name: 'adadelta', learningRate, rho: v('rho'), epsilon: v('epsilon') };
  }
}

/**
 * Checks every field the choices use and says, per field, what is wrong in
 * words a user can act on. `images` is how many images the chosen
 * training-set size gives. `values` is present only when there are no errors.
 */
export function parseTrainForm(form: TrainForm, choices: TrainChoices, images: number): { values?: TrainConfig; errors: TrainFormErrors } {
  const errors: TrainFormErrors = {};
  const fields = activeFields(choices);
  for (const f of fields) {
    const e = CHECKS[f]?.(form[f]);
    if (e) errors[f] = e;
  }

  // The cross-field rules; each field's own rule has run above.
  const pct = num(form.validationPercent);
  if (!errors.validationPercent && choices.earlyStopping.enabled && Math.round(images * (pct / 100)) < 1) {
    errors.validationPercent = err('esNeedsValidation');
  }
  const validationSplit = Number.isFinite(pct) ? pct / 100 : 0;
  const trainCount = trainingImages(images, errors.validationPercent ? 0 : validationSplit);
  // Replaces the field's own cap too: the training images never exceed MAX_BATCH, so this cap is the one that binds.
  const batch = num(form.batchSize);
  if (Number.isInteger(batch) && batch > trainCount) errors.batchSize = err('batchTooLarge', { max: trainCount });

  if (Object.keys(errors).length > 0) return { errors };
  const v = (f: TrainFormField) => num(form[f]);
  const es = choices.earlyStopping;
  return {
    values: {
      epochs: v('epochs'),
      batchSize: v('batchSize'),
      optimizer: optimizerConfig(choices, v),
      validationSplit,
      seed: v('seed'),
      earlyStopping: es.enabled ? { monitor: es.monitor, minDelta: v('minDelta'), patience: v('patience'), restoreBestWeights: es.restoreBestWeights } : null,
    },
    errors,
  };
}
