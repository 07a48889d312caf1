import type { StoreApi } from 'zustand';
import { isBackendChoice, type BackendChoice } from '../../model/backends';
import type { AppState } from '../appState';

const KEY = 'convscope.backend';

/**
 * The backend choice remembered in this browser ('auto' when none, or where
 * storage is unavailable: private windows, Node tests).
 */
export function loadBackendChoice(): BackendChoice {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return isBackendChoice(v) ? v : 'auto';
  } catch {
    return 'auto';
  }
}

export function saveBackendChoice(choice: BackendChoice): void {
  try {
    if (choice === 'auto') globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, choice);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

/**
 * Remembers the backend choice whenever it changes: the user's pick, or the
 * worker's choice in force after it refused one (which is then not remembered).
 */
export function rememberBackendChoice(store: StoreApi<AppState>): () => void {
  return store.subscribe((s, prev) => {
    if (s.backend.choice !== prev.backend.choice) saveBackendChoice(s.backend.choice);
  });
}
