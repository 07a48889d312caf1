import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import type { Message } from './message';
import { parseTrainForm as parse, trainingImages, type TrainChoices, type TrainForm } from './parseTrainForm';

/** parseTrainForm with its errors worded (the page's default language, English), as the page shows them. */
function parseTrainForm(...args: Parameters<typeof parse>) {
  const r = parse(...args);
  return { ...r, errors: Object.fromEntries(Object.entries(r.errors).map(([k, m]) => [k, wordMessage(m as Message)])) };
}

const ok: TrainForm = {
  epochs: '5', batchSize: '32', learningRate: '0.001', validationPercent: '20', seed: '42',
  momentum: '0', beta1: '0.9', beta2: '0.999', epsilon: '1e-7', rho: '0.9', patience: '3', minDelta: '0',
};
const adam: TrainChoices = { optimizer: 'adam', nesterov: false, earlyStopping: { enabled: false, monitor: 'val_loss', restoreBestWeights: true } };
const withEs: TrainChoices = { ...adam, earlyStopping: { ...adam.earlyStopping, enabled: true } };

describe('parseTrainForm', () => {
  it('accepts good values, including exponent notation', () => {
    expect(parseTrainForm({ ...ok, learningRate: '1e-3' }, adam, 1000)).toEqual({
      values: {
        epochs: 5, batchSize: 32, validationSplit: 0.2, seed: 42, earlyStopping: null,
        optimizer: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      },
      errors: {},
    });
  });

  it('builds each optimizer from its own fields', () => {
    const v = (c: Partial<TrainChoices>, f: Partial<TrainForm> = {}) => parseTrainForm({ ...ok, ...f }, { ...adam, ...c }, 1000).values?.optimizer;
    expect(v({ optimizer: 'sgd', nesterov: true }, { momentum: '0.9', learningRate: '0.01' })).toEqual({ name: 'sgd', learningRate: 0.01, momentum: 0.9, nesterov: true });
    expect(v({ optimizer: 'rmsprop' })).toEqual({ name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 });
    expect(v({ optimizer: 'adadelta' }, { rho: '0.95', learningRate: '1' })).toEqual({ name: 'adadelta', learningRate: 1, rho: 0.95, epsilon: 1e-7 });
  });

  it.each([
    ['learningRate', '0', /greater than 0/],
    ['learningRate', '-1', /greater than 0/],
    ['learningRate', 'abc', /Enter a number/],
    ['learningRate', '', /Enter a number/],
    ['learningRate', '2e6', /At most 1,000,000/],
    ['epochs', '0', /At least 1/],
    ['epochs', '2.5', /whole number/],
    ['epochs', '1001', /At most 1,000/],
    ['batchSize', '0', /At least 1/],
    ['batchSize', '1.5', /whole number/],
    ['validationPercent', '80', /Between 0 and 50/],
    ['seed', '-1', /At least 0/],
    ['seed', '1.5', /whole number/],
    ['seed', 'x', /Enter a whole number/],
    ['beta1', '1', /below 1/],
    ['beta2', '-0.1', /At least 0/],
    ['epsilon', '0', /Above 0/],
  ] as const)('rejects %s = %j', (field, value, message) => {
    const r = parseTrainForm({ ...ok, [field]: value }, adam, 1000);
    expect(r.values).toBeUndefined();
    expect(r.errors[field]).toMatch(message);
    expect(Object.keys(r.errors)).toEqual([field]);
  });

  it('checks only the fields the choices use', () => {
    // Adam has no momentum; early stopping is off.
    expect(parseTrainForm({ ...ok, momentum: 'x', patience: 'x' }, adam, 1000).values).toBeDefined();
    expect(parseTrainForm({ ...ok, momentum: '1.5' }, { ...adam, optimizer: 'sgd' }, 1000).errors).toEqual({ momentum: 'At least 0 and below 1' });
    expect(parseTrainForm({ ...ok, patience: '2.5', minDelta: '-1' }, withEs, 1000).errors).toEqual({ patience: 'Must be a whole number', minDelta: 'At least 0' });
  });

  it('turns early stopping into its config and needs a validation set for it', () => {
    expect(parseTrainForm({ ...ok, patience: '4', minDelta: '0.01' }, withEs, 1000).values?.earlyStopping).toEqual({
      monitor: 'val_loss', minDelta: 0.01, patience: 4, restoreBestWeights: true,
    });
    expect(parseTrainForm({ ...ok, validationPercent: '0' }, withEs, 1000).errors.validationPercent).toMatch(/Early stopping watches the validation set/);
  });

  it('rejects a batch larger than the training images left after validation', () => {
    expect(parseTrainForm({ ...ok, batchSize: '800' }, adam, 1000).values).toBeDefined();
    expect(parseTrainForm({ ...ok, batchSize: '801' }, adam, 1000).errors.batchSize).toMatch(/At most 800, the number of training images/);
    expect(parseTrainForm({ ...ok, batchSize: '1000', validationPercent: '0' }, adam, 1000).values).toBeDefined();
  });

  it("keeps a field's own message where the cross-field rule cannot apply", () => {
    expect(parseTrainForm({ ...ok, validationPercent: 'x' }, withEs, 1000).errors).toEqual({ validationPercent: 'Enter a percentage' });
    expect(parseTrainForm({ ...ok, batchSize: 'x' }, adam, 1000).errors).toEqual({ batchSize: 'Enter a whole number' });
    // Past the field's own cap, the training images are the cap worth naming.
    expect(parseTrainForm({ ...ok, batchSize: '70000' }, adam, 60_000).errors).toEqual({ batchSize: 'At most 48,000, the number of training images' });
  });

  it('counts training images like the split does', () => {
    expect(trainingImages(1000, 0.2)).toBe(800);
    expect(trainingImages(60_000, 0.2)).toBe(48_000);
    expect(trainingImages(5, 0.5)).toBe(2);
  });
});
