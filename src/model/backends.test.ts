import { describe, expect, it } from 'vitest';
import { isBackendChoice, rankBackends, type BackendRate } from './backends';

const RATES: BackendRate[] = [
  { name: 'webgl', imagesPerSec: 14 },
  { name: 'wasm', imagesPerSec: 350 },
  { name: 'cpu', imagesPerSec: 2 },
];

describe('rankBackends', () => {
  it('puts the fastest measured backend first on auto', () => {
    expect(rankBackends(RATES, 'auto')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(rankBackends([{ name: 'webgl', imagesPerSec: 5000 }, ...RATES.slice(1)], 'auto')).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('puts the user choice first, then the rest by speed', () => {
    expect(rankBackends(RATES, 'cpu')).toEqual(['cpu', 'wasm', 'webgl']);
  });

  it('tries unmeasured backends after measured ones, in the default order', () => {
    expect(rankBackends([], 'auto')).toEqual(['wasm', 'webgl', 'cpu']);
    expect(rankBackends([{ name: 'cpu', imagesPerSec: 3 }], 'auto')).toEqual(['cpu', 'wasm', 'webgl']);
  });

  it('never offers a backend that failed, even when chosen', () => {
    expect(rankBackends(RATES, 'auto', new Set(['wasm']))).toEqual(['webgl', 'cpu']);
    expect(rankBackends(RATES, 'wasm', new Set(['wasm']))).toEqual(['webgl', 'cpu']);
    expect(rankBackends([{ name: 'webgl', imagesPerSec: null, error: 'no WebGL' }], 'auto')).toEqual(['wasm', 'cpu']);
  });
});

describe('isBackendChoice', () => {
  it('accepts auto and the backend names only', () => {
    expect(['auto', 'wasm', 'webgl', 'cpu'].every(isBackendChoice)).toBe(true);
    expect(['webgpu', '', null, 3].some(isBackendChoice)).toBe(false);
  });
});
