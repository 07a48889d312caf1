import { describe, expect, it } from 'vitest';
import { allOff } from '../../model/augmentConfig';
import { addressOf, syncAddressBar } from './addressBar';
import { createBridge } from '../channel/bridge';
import { createAppStore } from '../useAppStore';

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

  it('follows augmentation too', () => {
    const store = createAppStore({ send: () => {} });
    const written: string[] = [];
    syncAddressBar(store, (s) => written.push(s));
    store.getState().applyPreset('mnist-augmented');
    store.getState().setAugment(allOff(store.getState().augment));
    // The preset's network is the default one: its settings are written, augmentation with them.
    expect(written).toEqual(['?epochs=3&batch=64&val=10&aug=shift(2)-rotate(15)-scale(0.1)-thick(0.5)-elastic(8,3)', '?epochs=3&batch=64&val=10']);
  });

  it('gives the plain page a plain address', () => {
    expect(addressOf(createAppStore({ send: () => {} }).getState())).toBe('');
  });
});
