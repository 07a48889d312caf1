import { describe, expect, it } from 'vitest';
import { applyBackendEvents, INITIAL_BACKEND_STATE } from './backendState';

describe('applyBackendEvents', () => {
  it('keeps the backend in use, the rates and whether more are coming', () => {
    let s = applyBackendEvents(INITIAL_BACKEND_STATE, [
      { type: 'backend', name: 'wasm', detail: 'WebAssembly SIMD, 1 thread', slow: false, choice: 'auto', reason: 'the first to start' },
      { type: 'backendRates', rates: [{ name: 'wasm', imagesPerSec: 350 }], measuring: true, multiplyAdds: 1e6, batchSize: 32 },
    ]);
    expect(s.active?.name).toBe('wasm');
    expect(s.choice).toBe('auto');
    expect(s.measuring).toBe(true);
    s = applyBackendEvents(s, [{ type: 'backendRates', rates: [{ name: 'wasm', imagesPerSec: 350 }, { name: 'webgl', imagesPerSec: null, error: 'no WebGL' }], measuring: false, multiplyAdds: 1e6, batchSize: 32 }]);
    expect(s.rates).toHaveLength(2);
    expect(s.measuredAt).toEqual({ multiplyAdds: 1e6, batchSize: 32 });
    expect(s.measuring).toBe(false);
  });

  it('shows "none" with the reason when no backend can start, and ignores other errors', () => {
    const s = applyBackendEvents(INITIAL_BACKEND_STATE, [
      { type: 'error', code: 'backend-choice', message: 'webgl could not start' },
      { type: 'error', code: 'backend', message: 'No TensorFlow.js backend works' },
    ]);
    expect(s.active).toMatchObject({ name: 'none', detail: 'No TensorFlow.js backend works' });
  });
});
