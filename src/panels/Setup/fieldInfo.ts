import type { TrainFormField } from '../../model/parseTrainForm';

/** Testid and keyboard of each typed field of the setup; its label and hint are in the catalogue (setup:fields.*). */
export const FIELD_INFO: Record<TrainFormField, { testId: string; inputMode?: 'numeric' }> = {
  epochs: { testId: 'epochs-input', inputMode: 'numeric' },
  batchSize: { testId: 'batch-size-input', inputMode: 'numeric' },
  learningRate: { testId: 'learning-rate-input' },
  validationPercent: { testId: 'validation-input' },
  seed: { testId: 'seed-input', inputMode: 'numeric' },
  momentum: { testId: 'momentum-input' },
  beta1: { testId: 'beta1-input' },
  beta2: { testId: 'beta2-input' },
  epsilon: { testId: 'epsilon-input' },
  rho: { testId: 'rho-input' },
  patience: { testId: 'patience-input', inputMode: 'numeric' },
  minDelta: { testId: 'min-delta-input' },
};
