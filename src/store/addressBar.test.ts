import { describe, expect, it } from 'vitest';
import { addressOf, syncAddressBar } from './addressBar';
import { createBridge } from './bridge';
import { createAppStore } from './useAppStore';

describe('syncAddressBar', () => {
  it('writes the setup once per change, never for run updates or half-typed values', () => {
    const store = createAppStore({ send: () => {} });
    const written: string[] = [];
    syncAddressBar(store, (s) => written.push(s));
    store.getState().setField('epochs', '3');
    store.getState().setField('epochs', ''); // half-typed: the address keeps epochs=3
    createBridge(store, (flush) => flush())({ type: 'status', status: 'training' });
    store.getState().setField('epochs', '3'); // the same address again
    store.getState().setOptimizer('sgd');
    expect(written).toEqual(['?epochs=3', '?opt=sgd&epochs=3']);
  });

  it('gives the plain page a plain address', () => {
    expect(addressOf(createAppStore({ send: () => {} }).getState())).toBe('');
  });
});
