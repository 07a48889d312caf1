import type { TrainFormField } from '../../model/parseTrainForm';

/** Label, testid and hint of each typed field of the setup. */
export const FIELD_INFO: Record<TrainFormField, { label: string; testId: string; hint: string; inputMode?: 'numeric' }> = {
  epochs: { label: 'Epochs', testId: 'epochs-input', hint: 'passes over the training images', inputMode: 'numeric' },
  batchSize: { label: 'Batch size', testId: 'batch-size-input', hint: 'images per step (Keras default 32)', inputMode: 'numeric' },
  learningRate: { label: 'Learning rate', testId: 'learning-rate-input', hint: 'Keras defaults: SGD 0.01, the others 0.001' },
  validationPercent: { label: 'Validation %', testId: 'validation-input', hint: 'held out, stratified by class' },
  seed: { label: 'Seed', testId: 'seed-input', hint: 'weights, dropout, split and shuffling: same seed, same first epoch', inputMode: 'numeric' },
  momentum: { label: 'Momentum', testId: 'momentum-input', hint: '0 = plain SGD; 0.9 is usual' },
  beta1: { label: 'β₁', testId: 'beta1-input', hint: '1st-moment decay' },
  beta2: { label: 'β₂', testId: 'beta2-input', hint: '2nd-moment decay' },
  epsilon: { label: 'ε', testId: 'epsilon-input', hint: 'Keras default 1e-7' },
  rho: { label: 'ρ', testId: 'rho-input', hint: 'decay of the squared-gradient average' },
  patience: { label: 'Patience', testId: 'patience-input', hint: 'epochs without improvement', inputMode: 'numeric' },
  minDelta: { label: 'min_delta', testId: 'min-delta-input', hint: 'smallest change that counts' },
};
