import type { StoreApi } from 'zustand';
import { toSearch } from '../../model/archParam';
import type { AppState } from '../appState';
import { DEFAULT_SETUP } from '../setup/defaultSetup';
import { checkSetup, setupCheck } from '../selectors';
import { DEFAULT_VIEW } from '../view/views';
import { parseUrlConfig, setupToParams } from './urlConfig';

/**
 * The query string that reopens the setup and the view on screen, or null
 * while the setup would not load: half-typed or impossible values stay out of
 * the address, which keeps the last setup that would.
 */
export function addressOf(s: AppState): string | null {
  if (setupCheck(s).info.error || Object.keys(checkSetup(s).errors).length > 0) return null;
  return toSearch(setupToParams(s, DEFAULT_SETUP));
}

/** The browser's history, as the address bar uses it (window.history and location in the page; a fake in tests). */
export interface AddressHistory {
  /** The query string now in the address bar. */
  search(): string;
  /** Writes over the current entry (history.replaceState). */
  replace(search: string): void;
  /** Adds an entry that Back returns from (history.pushState). */
  push(search: string): void;
  /** Calls `listener` after Back or Forward changed the address (popstate); returns what stops listening. */
  onPop(listener: () => void): () => void;
}

const SETUP_KEYS = ['dataset', 'trainSize', 'form', 'spec', 'optimizer', 'nesterov', 'earlyStopping', 'augment'] as const;

/**
 * Keeps the address describing the setup and the view on screen, so copying
 * it shares both. A change of setup rewrites the current entry; a change of
 * view adds one, so that Back returns to the view before. Back and Forward
 * move between views only: the setup on screen stays, and the entry they land
 * on is rewritten to hold it. Returns the unsubscribe function.
 */
export function syncAddressBar(store: StoreApi<AppState>, history: AddressHistory): () => void {
  let popping = false;
  const unsubscribe = store.subscribe((s, prev) => {
    // Most updates are run metrics: skip them before comparing setups.
    if (s.view === prev.view && SETUP_KEYS.every((k) => s[k] === prev[k])) return;
    const search = addressOf(s);
    if (search === null || search === history.search()) return;
    if (s.view !== prev.view && !popping) history.push(search);
    else history.replace(search);
  });
  const unlisten = history.onPop(() => {
    popping = true;
    try {
      store.getState().showView(parseUrlConfig(history.search()).patch.view ?? DEFAULT_VIEW);
    } finally {
      popping = false;
    }
    // The entry Back landed on may hold an older setup: it now holds the one on screen.
    const search = addressOf(store.getState());
    if (search !== null && search !== history.search()) history.replace(search);
  });
  return () => {
    unsubscribe();
    unlisten();
  };
}
