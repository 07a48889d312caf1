import { describe, expect, it } from 'vitest';
import { allOff } from '../../model/augmentConfig';
import { addressOf, syncAddressBar, type AddressHistory } from './addressBar';
import { createBridge } from '../channel/bridge';
import { createAppStore } from '../useAppStore';
import { wordMessage } from '../../i18n/i18n';
import { parseUrlConfig } from './urlConfig';

/** A browser history: a list of entries, the one on screen, replace, push, Back and Forward. */
class FakeHistory implements AddressHistory {
  entries = [''];
  at = 0;
  /** Every write, in order: `push ?…` or `replace ?…`. */
  readonly writes: string[] = [];
  private listener: (() => void) | null = null;
  search = () => this.entries[this.at];
  replace = (search: string) => {
    this.entries[this.at] = search;
    this.writes.push(`replace ${search}`);
  };
  push = (search: string) => {
    this.entries = [...this.entries.slice(0, this.at + 1), search];
    this.at++;
    this.writes.push(`push ${search}`);
  };
  onPop(listener: () => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
  back() {
    this.at--;
    this.listener?.();
  }
  forward() {
    this.at++;
    this.listener?.();
  }
}

/** A store whose address follows `history`. */
function page(history = new FakeHistory()) {
  const store = createAppStore({ send: () => {} });
  syncAddressBar(store, history);
  return { store, history };
}

describe('syncAddressBar', () => {
  it('writes the setup once per change, never for run updates or half-typed values', () => {
    const { store, history } = page();
    store.getState().setField('epochs', '3');
    store.getState().setField('epochs', ''); // half-typed: the address keeps epochs=3
    createBridge(store, (flush) => flush())({ type: 'status', status: 'training' });
    store.getState().setField('epochs', '3'); // the same address again
    store.getState().setOptimizer('sgd');
    expect(history.writes).toEqual(['replace ?epochs=3', 'replace ?opt=sgd&epochs=3']);
  });

  it('follows augmentation too', () => {
    const { store, history } = page();
    store.getState().applyPreset('mnist-augmented');
    store.getState().setAugment(allOff(store.getState().augment));
    // The preset's network is the default one: its settings are written, augmentation with them.
    expect(history.writes).toEqual([
      'replace ?epochs=3&batch=64&val=10&aug=shift(2)-rotate(15)-scale(0.1)-thick(0.5)-elastic(8,3)',
      'replace ?epochs=3&batch=64&val=10',
    ]);
  });

  it('gives the plain page a plain address', () => {
    expect(addressOf(createAppStore({ send: () => {} }).getState())).toBe('');
  });

  it('adds an entry for each view, after the setup; the Train view, the default, is not written', () => {
    const { store, history } = page();
    store.getState().setField('epochs', '3');
    store.getState().showView('design');
    store.getState().showView('design'); // the same view: nothing
    store.getState().showView('results');
    store.getState().showView('train');
    expect(history.writes).toEqual(['replace ?epochs=3', 'push ?epochs=3&view=design', 'push ?epochs=3&view=results', 'push ?epochs=3']);
    expect(history.entries).toEqual(['?epochs=3', '?epochs=3&view=design', '?epochs=3&view=results', '?epochs=3']);
  });

  it('Back and Forward move between views and keep the setup on screen', () => {
    const { store, history } = page();
    store.getState().showView('design');
    store.getState().setField('epochs', '3'); // edited in the Design view: its entry is rewritten
    store.getState().showView('inspect');
    store.getState().setField('epochs', '4');
    history.back();
    expect(store.getState().view).toBe('design');
    expect(store.getState().form.epochs).toBe('4');
    expect(history.search()).toBe('?epochs=4&view=design');
    history.back();
    expect(store.getState().view).toBe('train');
    expect(history.search()).toBe('?epochs=4');
    history.forward();
    expect(store.getState().view).toBe('design');
    // Back and Forward never add entries: Forward still leads to the Inspect view.
    expect(history.entries).toHaveLength(3);
    history.forward();
    expect(store.getState().view).toBe('inspect');
  });

  it('a link into a view opens it', () => {
    const store = createAppStore({ send: () => {} });
    const { patch, errors } = parseUrlConfig('?epochs=2&view=results');
    store.getState().applyUrl(patch, errors);
    expect(store.getState().view).toBe('results');
    expect(store.getState().form.epochs).toBe('2');
    const bad = parseUrlConfig('?view=everything');
    expect(bad.patch).toEqual({});
    expect(bad.errors.map((m) => wordMessage(m))).toEqual(['Link parameter view="everything" ignored: expected one of train, design, inspect, results, data.']);
  });
});
