import { wordKey, type Translate } from '../../i18n/i18n';
import { isBackendName } from '../../model/backends';

/**
 * A backend's name as the page shows it: as the worker names it in English
 * (wasm, webgl, cpu; tests read them), as Korean tutorials write them in
 * Korean (WASM, WebGL, CPU); 'none' when none could start.
 */
export const backendName = (name: string, t: Translate): string =>
  isBackendName(name) || name === 'none' ? wordKey(`app:backend.names.${name}`, undefined, t) : name;
