import type { StoreApi } from 'zustand';
import { isBackendChoice, type BackendChoice } from '../../model/backends';
import type { AppState } from '../appState';

const KEY = 'convscope.backend';
const CORES_KEY = 'convscope.cores';

/** What this browser remembers under `key`; null when nothing, or where storage is unavailable (private windows, Node tests). */
function stored(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Remembers `value` under `key` (null: forgets it). */
function store(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.localStorage?.removeItem(key);
    else globalThis.localStorage?.setItem(key, value);
  } catch {
    // Storage refused (private mode, quota): the choice holds for this page only.
  }
}

/** The backend choice remembered in this browser ('auto' when none). */
export function loadBackendChoice(): BackendChoice {
  const v = stored(KEY);
  return isBackendChoice(v) ? v : 'auto';
}

/** The cores remembered in this browser (0, every core, when none). */
export function loadCores(): number {
  const v = Number(stored(CORES_KEY) ?? 0);
  return Number.isInteger(v) && v >= 0 ? v : 0;
}

/**
 * Remembers the backend choice and the cores whenever they change: the user's pick, or the
 * worker's choice in force after it refused one (which is then not remembered). The
 * defaults ('auto', every core) are remembered as nothing.
 */
export function rememberBackendChoice(appStore: StoreApi<AppState>): () => void {
  return appStore.subscribe((s, prev) => {
    if (s.backend.choice !== prev.backend.choice) store(KEY, s.backend.choice === 'auto' ? null : s.backend.choice);
    if (s.backend.cores !== prev.backend.cores) store(CORES_KEY, s.backend.cores === 0 ? null : String(s.backend.cores));
  });
}
