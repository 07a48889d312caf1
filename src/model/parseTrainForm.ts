/** The hyperparameter fields as typed, before they are trusted. */
export interface TrainForm {
  epochs: string;
  batchSize: string;
  learningRate: string;
  /** Percent of the chosen images held out for validation. */
  validationPercent: string;
}

export type TrainFormField = keyof TrainForm;
export type TrainFormErrors = Partial<Record<TrainFormField, string>>;

export interface TrainFormValues {
  epochs: number;
  batchSize: number;
  learningRate: number;
  validationSplit: number;
}

const MAX_EPOCHS = 1000;
const MAX_VALIDATION_PERCENT = 50;

/** Images left for training when `validationSplit` of `images` is held out (matches stratifiedSplit's total). */
export function trainingImages(images: number, validationSplit: number): number {
  return images - Math.round(images * validationSplit);
}

function num(raw: string): number {
  const t = raw.trim();
  return t === '' ? NaN : Number(t);
}

/**
 * Checks every field and says, per field, what is wrong in words a user can act
 * on. `images` is how many images the chosen training-set size gives.
 * `values` is present only when there are no errors.
 */
export function parseTrainForm(form: TrainForm, images: number): { values?: TrainFormValues; errors: TrainFormErrors } {
  const errors: TrainFormErrors = {};
  const epochs = num(form.epochs);
  if (!Number.isFinite(epochs)) errors.epochs = 'Enter a whole number of epochs';
  else if (!Number.isInteger(epochs)) errors.epochs = 'Epochs must be a whole number';
  else if (epochs < 1) errors.epochs = 'At least 1 epoch';
  else if (epochs > MAX_EPOCHS) errors.epochs = `At most ${MAX_EPOCHS} epochs`;

  const pct = num(form.validationPercent);
  if (!Number.isFinite(pct)) errors.validationPercent = 'Enter a percentage';
  else if (pct < 0 || pct > MAX_VALIDATION_PERCENT) errors.validationPercent = `Between 0 and ${MAX_VALIDATION_PERCENT} %`;
  const validationSplit = Number.isFinite(pct) ? pct / 100 : 0;
  const trainCount = trainingImages(images, errors.validationPercent ? 0 : validationSplit);

  const batchSize = num(form.batchSize);
  if (!Number.isFinite(batchSize)) errors.batchSize = 'Enter a whole number';
  else if (!Number.isInteger(batchSize)) errors.batchSize = 'Batch size must be a whole number';
  else if (batchSize < 1) errors.batchSize = 'At least 1';
  else if (batchSize > trainCount) errors.batchSize = `At most ${trainCount.toLocaleString('en-US')}, the number of training images`;

  const learningRate = num(form.learningRate);
  if (!Number.isFinite(learningRate)) errors.learningRate = 'Enter a number, e.g. 0.001 or 1e-3';
  else if (learningRate <= 0) errors.learningRate = 'Must be greater than 0';

  if (Object.keys(errors).length > 0) return { errors };
  return { values: { epochs, batchSize, learningRate, validationSplit }, errors };
}
