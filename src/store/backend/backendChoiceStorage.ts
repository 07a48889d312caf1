import type { StoreApi } from 'zustand';
import { isBackendChoice, type BackendChoice } from '../../model/backends';
import type { AppState } from '../appState';

const KEY = 'convscope.backend';
const CORES_KEY = 'convscope.cores';

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

/** The cores remembered in this browser (0, every core, when none). */
export function loadCores(): number {
  try {
    const v = Number(globalThis.localStorage?.getItem(CORES_KEY) ?? 0);
    return Number.isInteger(v) && v >= 0 ? v : 0;
  } catch {
    return 0;
  }
}

function saveCores(cores: number): void {
  try {
    if (cores === 0) globalThis.localStorage?.removeItem(CORES_KEY);
    else globalThis.localStorage?.setItem(CORES_KEY, String(cores));
  } catch {
    // As for the backend choice: this page only.
  }
}

/**
 * Remembers the backend choice and the cores whenever they change: the user's pick, or the
 * worker's choice in force after it refused one (which is then not remembered).
 */
export function rememberBackendChoice(store: StoreApi<AppState>): () => void {
  return store.subscribe((s, prev) => {
    if (s.backend.choice !== prev.backend.choice) saveBackendChoice(s.backend.choice);
    if (s.backend.cores !== prev.backend.cores) saveCores(s.backend.cores);
  });
}
