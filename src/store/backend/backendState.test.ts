import { describe, expect, it } from 'vitest';
import { message } from '../../model/message';
import { applyBackendEvents, INITIAL_BACKEND_STATE } from './backendState';

describe('applyBackendEvents', () => {
  it('keeps the backend in use, the rates and whether more are coming', () => {
    let s = applyBackendEvents(INITIAL_BACKEND_STATE, [
      { type: 'backend', name: 'wasm', detail: { key: 'common:text', values: { text: 'WebAssembly SIMD, 2 threads' } }, slow: false, choice: 'auto', reason: { key: 'app:backend.reason.firstToStart' }, threads: 2, cores: 0, availableCores: 4 },
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
      { type: 'backend', name: 'wasm', detail: { key: 'common:text', values: { text: 'WebAssembly SIMD, 1 thread' } }, slow: false, choice: 'auto', reason: { key: 'app:backend.reason.yourChoice' }, threads: 1, cores: 1, availableCores: 2 },
    ]);
    expect(s.cores).toBe(1);
    expect(s.active?.threads).toBe(1);
  });

  it('shows "none" with the reason when no backend can start, and ignores other errors', () => {
    const none = message('common:text', { text: 'No TensorFlow.js backend works' });
    const s = applyBackendEvents(INITIAL_BACKEND_STATE, [
      { type: 'error', code: 'backend-choice', message: message('common:text', { text: 'webgl could not start' }) },
      { type: 'error', code: 'backend', message: none },
    ]);
    expect(s.active).toMatchObject({ name: 'none', detail: none, reason: none });
  });
});
