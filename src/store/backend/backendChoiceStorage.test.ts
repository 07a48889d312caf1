import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBackendChoice, loadCores, rememberBackendChoice } from './backendChoiceStorage';
import { createAppStore } from '../useAppStore';

describe('the remembered backend choice', () => {
  const g = globalThis as { localStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> };
  beforeEach(() => {
    const items = new Map<string, string>();
    g.localStorage = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
  });
  afterEach(() => {
    delete g.localStorage;
  });

  it('is auto when nothing, or something unknown, is stored', () => {
    expect(loadBackendChoice()).toBe('auto');
    g.localStorage?.setItem('convscope.backend', 'webgpu');
    expect(loadBackendChoice()).toBe('auto');
  });

  it("follows the user's pick, and the worker's choice in force after a refusal", () => {
    const store = createAppStore({ send: () => {} });
    rememberBackendChoice(store);
    store.getState().chooseBackend('cpu');
    expect(loadBackendChoice()).toBe('cpu');
    store.getState().chooseBackend('webgl');
    expect(loadBackendChoice()).toBe('webgl');
    // The worker could not start webgl and says the choice in force is still cpu.
    store.setState((s) => ({ backend: { ...s.backend, choice: 'cpu' } }));
    expect(loadBackendChoice()).toBe('cpu');
  });

  it('remembers the cores picked, every core as nothing, and reads anything else as every core', () => {
    expect(loadCores()).toBe(0);
    const store = createAppStore({ send: () => {} });
    rememberBackendChoice(store);
    store.getState().chooseCores(1);
    expect(loadCores()).toBe(1);
    store.getState().chooseCores(0);
    expect(g.localStorage?.getItem('convscope.cores')).toBeNull();
    g.localStorage?.setItem('convscope.cores', '-2');
    expect(loadCores()).toBe(0);
    g.localStorage?.setItem('convscope.cores', 'many');
    expect(loadCores()).toBe(0);
  });
});
