import { describe, expect, it } from 'vitest';
import { parseTrainForm, trainingImages, type TrainForm } from './parseTrainForm';

const ok: TrainForm = { epochs: '5', batchSize: '32', learningRate: '0.001', validationPercent: '20' };

describe('parseTrainForm', () => {
  it('accepts good values, including exponent notation', () => {
    expect(parseTrainForm({ ...ok, learningRate: '1e-3' }, 1000)).toEqual({
      values: { epochs: 5, batchSize: 32, learningRate: 0.001, validationSplit: 0.2 },
      errors: {},
    });
  });

  it.each([
    ['learningRate', '0', /greater than 0/],
    ['learningRate', '-1', /greater than 0/],
    ['learningRate', 'abc', /Enter a number/],
    ['learningRate', '', /Enter a number/],
    ['epochs', '0', /At least 1/],
    ['epochs', '2.5', /whole number/],
    ['batchSize', '0', /At least 1/],
    ['batchSize', '1.5', /whole number/],
    ['validationPercent', '80', /Between 0 and 50/],
  ] as const)('rejects %s = %j', (field, value, message) => {
    const r = parseTrainForm({ ...ok, [field]: value }, 1000);
    expect(r.values).toBeUndefined();
    expect(r.errors[field]).toMatch(message);
    expect(Object.keys(r.errors)).toEqual([field]);
  });

  it('rejects a batch larger than the training images left after validation', () => {
    expect(parseTrainForm({ ...ok, batchSize: '800' }, 1000).values).toBeDefined();
    expect(parseTrainForm({ ...ok, batchSize: '801' }, 1000).errors.batchSize).toMatch(/At most 800/);
    expect(parseTrainForm({ ...ok, batchSize: '1000', validationPercent: '0' }, 1000).values).toBeDefined();
  });

  it('counts training images like the split does', () => {
    expect(trainingImages(1000, 0.2)).toBe(800);
    expect(trainingImages(60_000, 0.2)).toBe(48_000);
    expect(trainingImages(5, 0.5)).toBe(2);
  });
});
