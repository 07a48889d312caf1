import { describe, expect, it } from 'vitest';
import { multiplyAdds } from '../model/multiplyAdds';
import type { AppState } from './appState';
import { runEstimate } from './selectors';
import { createAppStore } from './useAppStore';

/** The default setup (all 60,000 MNIST images, 20% validation, 5 epochs), measured at `rates` on the default network. */
function stateWith(rates: Record<string, number>, active: string, choice: AppState['backend']['choice'] = 'auto'): AppState {
  const store = createAppStore({ send: () => {} });
  const s = store.getState();
  store.setState({
    backend: {
      active: { name: active, detail: { key: 'common:text', values: { text: '' } }, slow: false, reason: { key: 'app:backend.reason.yourChoice' }, threads: 1, availableCores: 1 },
      choice,
      cores: 0,
      rates: Object.entries(rates).map(([name, imagesPerSec]) => ({ name: name as 'wasm', imagesPerSec })),
      measuring: false,
      measuredAt: { multiplyAdds: multiplyAdds(s.spec), batchSize: 32 },
    },
  });
  return store.getState();
}

describe('runEstimate', () => {
  it('is null before any measurement', () => {
    expect(runEstimate(createAppStore({ send: () => {} }).getState())).toBeNull();
  });

  it('estimates the run at the measured rate of the backend in use', () => {
    const e = runEstimate(stateWith({ wasm: 400, webgl: 14 }, 'wasm'));
    // 48,000 × 5 trained + (12,000 × 5 + 10,000) / 3 evaluated, at 400/s.
    expect(e?.seconds).toBeCloseTo((240_000 + 70_000 / 3) / 400, 3);
    expect(e).toMatchObject({ backend: 'wasm', long: false, suggestion: null, faster: null });
  });

  it('carries the rate over to a network twice as costly', () => {
    const s = stateWith({ wasm: 400 }, 'wasm');
    const wider = { ...s, spec: { ...s.spec, layers: s.spec.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters: l.filters * 2 } : l)) } };
    const ratio = multiplyAdds(wider.spec) / multiplyAdds(s.spec);
    expect(runEstimate(wider)?.imagesPerSec).toBeCloseTo(400 / ratio, 6);
  });

  it('over 30 minutes, offers the largest smaller training set that fits, and a faster backend than the one chosen', () => {
    const e = runEstimate(stateWith({ wasm: 400, webgl: 14, cpu: 20 }, 'cpu', 'cpu'));
    expect(e?.long).toBe(true);
    // At 20 images/s: 5,000 images take (4,000 × 5 + 11,000 / 3) / 20 ≈ 1,183 s; 10,000 take ≈ 2,283 s.
    expect(e?.suggestion).toMatchObject({ trainSize: 5000, fits: true });
    expect(e?.faster?.backend).toBe('wasm');
  });

  it('offers the smallest set, marked as not fitting, when none fits', () => {
    const e = runEstimate(stateWith({ cpu: 2 }, 'cpu', 'cpu'));
    expect(e?.suggestion).toMatchObject({ trainSize: 1000, fits: false });
    expect(e?.faster).toBeNull();
  });
});
