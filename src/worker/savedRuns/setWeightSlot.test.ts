import { describe, expect, it } from 'vitest';
import { RUN_FORMAT, type StoredRunRecord } from './decodeSavedRun';
import type { StoredWeights } from './decodeStoredWeights';
import { setWeightSlot } from './setWeightSlot';
import { sampleRun } from '../../protocol/testing/sampleRun';

const empty: StoredRunRecord = { ...sampleRun(), format: RUN_FORMAT, weightBytes: { latest: 0, best: 0 } };
const optimizer = { name: 'adam', values: [{ name: 'm', shape: [4], data: new Float32Array(4) }] };
const latest: StoredWeights = { epoch: 4, weights: [new Float32Array(10)], optimizer };
const best: StoredWeights = { epoch: 2, weights: [new Float32Array(10)], optimizer: null };

describe('setWeightSlot', () => {
  it('records each slot epoch, the optimizer flag and the bytes of both slots', () => {
    const both = setWeightSlot(setWeightSlot(empty, 'latest', latest), 'best', best);
    expect(both.weights).toEqual({ latest: 4, best: 2, optimizer: true, bytes: 56 + 40 });
    expect(both.weightBytes).toEqual({ latest: 56, best: 40 });
  });

  it('emptying a slot keeps the other one', () => {
    const both = setWeightSlot(setWeightSlot(empty, 'latest', latest), 'best', best);
    expect(setWeightSlot(both, 'best', null).weights).toEqual({ latest: 4, best: null, optimizer: true, bytes: 56 });
    expect(setWeightSlot(both, 'latest', null).weights).toEqual({ latest: null, best: 2, optimizer: false, bytes: 40 });
    expect(setWeightSlot(both, 'latest', { ...latest, optimizer: null }).weights).toEqual({ latest: 4, best: 2, optimizer: false, bytes: 80 });
  });

  it('leaves the rest of the record and the input alone', () => {
    const after = setWeightSlot(empty, 'latest', latest);
    expect(after.name).toBe(empty.name);
    expect(empty.weights.latest).toBeNull();
  });
});
