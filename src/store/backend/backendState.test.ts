import { describe, expect, it } from 'vitest';
import { applyBackendEvents, INITIAL_BACKEND_STATE } from './backendState';

describe('applyBackendEvents', () => {
  it('keeps the backend in use, the rates and whether more are coming', () => {
    let s = applyBackendEvents(INITIAL_BACKEND_STATE, [
      { type: 'backend', name: 'wasm', detail: 'WebAssembly SIMD, 2 threads', slow: false, choice: 'auto', reason: 'the first to start', threads: 2, cores: 0, availableCores: 4 },
      { type: 'backendRates', rates: [{ name: 'wasm', imagesPerSec: 350 }], measuring: true, multiplyAdds: 1e6, batchSize: 32 },
    ]);
    expect(s.active).toMatchObject({ name: 'wasm', threads: 2, availableCores: 4 });
    expect(s.choice).toBe('auto');
    expect(s.cores).toBe(0);
    expect(s.measuring).toBe(true);
    s = applyBackendEvents(s, [{ type: 'backendRates', rates: [{ name: 'wasm', imagesPerSec: 350 }, { name: 'webgl', imagesPerSec: null, error: 'no WebGL' }], measuring: false, multiplyAdds: 1e6, batchSize: 32 }]);
    expect(s.rates).toHaveLength(2);
    expect(s.measuredAt).toEqual({ multiplyAdds: 1e6, batchSize: 32 });
    expect(s.measuring).toBe(false);
  });

  it('takes the cores in force from the worker (a choice it could not follow reverts)', () => {
    const s = applyBackendEvents({ ...INITIAL_BACKEND_STATE, cores: 3 }, [
      { type: 'backend', name: 'wasm', detail: 'WebAssembly SIMD, 1 thread', slow: false, choice: 'auto', reason: 'your choice', threads: 1, cores: 1, availableCores: 2 },
    ]);
    expect(s.cores).toBe(1);
    expect(s.active?.threads).toBe(1);
  });

  it('shows "none" with the reason when no backend can start, and ignores other errors', () => {
    const s = applyBackendEvents(INITIAL_BACKEND_STATE, [
      { type: 'error', code: 'backend-choice', message: 'webgl could not start' },
      { type: 'error', code: 'backend', message: 'No TensorFlow.js backend works' },
    ]);
    expect(s.active).toMatchObject({ name: 'none', detail: 'No TensorFlow.js backend works' });
  });
});
