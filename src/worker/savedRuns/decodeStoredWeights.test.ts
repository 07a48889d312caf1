import { describe, expect, it } from 'vitest';
import { decodeStoredWeights, weightsBytes, type StoredWeights } from './decodeStoredWeights';

const adam = {
  name: 'adam',
  values: [{ name: 'dense/kernel/m', shape: [2, 3], data: new Float32Array(6) }],
};
const good: StoredWeights = { epoch: 3, weights: [new Float32Array(6), new Float32Array(3)], optimizer: adam };

describe('weightsBytes', () => {
  it('adds the bytes of the weights and of the optimizer state', () => {
    expect(weightsBytes(good)).toBe((6 + 3 + 6) * 4);
    expect(weightsBytes({ ...good, optimizer: null })).toBe((6 + 3) * 4);
  });
});

describe('decodeStoredWeights', () => {
  it('returns a good entry as it is, with or without optimizer state', () => {
    expect(decodeStoredWeights(good)).toEqual(good);
    expect(decodeStoredWeights({ ...good, optimizer: null })).toEqual({ ...good, optimizer: null });
  });

  it('says what is wrong with a bad one', () => {
    const error = (raw: unknown) => (decodeStoredWeights(raw) as { error: string }).error;
    expect(error(undefined)).toBe('the entry is not an object');
    expect(error({ ...good, epoch: '3' })).toBe('it has no epoch number');
    expect(error({ ...good, weights: new Float32Array(3) })).toBe('it has no list of weights');
    expect(error({ ...good, weights: [new Float32Array(3), [1, 2]] })).toBe('weight array 1 is not a Float32Array');
    expect(error({ ...good, optimizer: 'adam' })).toBe('its optimizer state is not { name, values }');
    expect(error({ ...good, optimizer: { name: 'adam', values: [{ name: 'm', shape: [1], data: [0] }] } }))
      .toBe('optimizer value 0 is not { name, shape, data: Float32Array }');
  });
});
