import { describe, expect, it } from 'vitest';
import { parseUrlConfig } from './urlConfig';

describe('parseUrlConfig', () => {
  it('reads dataset, size and form fields', () => {
    expect(parseUrlConfig('?dataset=fashion-mnist&n=2048&epochs=1&batch=64&lr=1e-3&val=10')).toEqual({
      dataset: 'fashion-mnist',
      trainSize: 2048,
      form: { epochs: '1', batchSize: '64', learningRate: '1e-3', validationPercent: '10' },
    });
    expect(parseUrlConfig('?n=all').trainSize).toBe('all');
  });

  it('drops what does not parse', () => {
    expect(parseUrlConfig('?dataset=cifar&n=-5&x=1')).toEqual({});
    expect(parseUrlConfig('?n=1.5')).toEqual({});
  });
});
