import type { StoreApi } from 'zustand';
import { toSearch } from '../../model/archParam';
import type { AppState } from '../appState';
import { DEFAULT_SETUP } from '../setup/defaultSetup';
import { checkSetup, setupCheck } from '../selectors';
import { setupToParams } from './urlConfig';

/**
 * The query string that reopens the setup on screen, or null while it would
 * not load: half-typed or impossible values stay out of the address, which
 * keeps the last setup that would.
 */
export function addressOf(s: AppState): string | null {
  if (setupCheck(s).info.error || Object.keys(checkSetup(s).errors).length > 0) return null;
  return toSearch(setupToParams(s, DEFAULT_SETUP));
}

const SETUP_KEYS = ['dataset', 'trainSize', 'form', 'spec', 'optimizer', 'nesterov', 'earlyStopping', 'augment'] as const;

/**
 * Keeps the address describing the setup on screen, so copying it shares it.
 * `write` replaces the query string (history.replaceState in the page).
 * Returns the unsubscribe function.
 */
export function syncAddressBar(store: StoreApi<AppState>, write: (search: string) => void): () => void {
  let lastSearch: string | null = null;
  return store.subscribe((s, prev) => {
    // Most updates are run metrics: skip them before comparing setups.
    if (SETUP_KEYS.every((k) => s[k] === prev[k])) return;
    const search = addressOf(s);
    if (search === null || search === lastSearch) return;
    lastSearch = search;
    write(search);
  });
}
