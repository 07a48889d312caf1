import { isBackendChoice, type BackendChoice } from '../model/backends';

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
