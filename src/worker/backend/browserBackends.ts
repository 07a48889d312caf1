import { measureTrainingRate } from '../../engine/measureTrainingRate';
import { startBackend } from '../../engine/startBackend';
import { BACKEND_NAMES } from '../../model/backends';
import type { BackendDeps } from './backendManager';

/** Time each backend's measurement may take once warmed up (three backends: about 2 s in all). */
export const MEASURE_BUDGET_MS = 600;

/**
 * Measuring every backend costs seconds of CPU (software WebGL compiles its
 * shaders): it waits until the page has been quiet this long, so that it
 * never competes with someone drawing or editing. The first backend started
 * serves meanwhile.
 */
export const MEASURE_QUIET_MS = 1500;

/** The backends a browser offers (wasm, webgl, cpu), started and measured with tfjs. */
export const BROWSER_BACKENDS: BackendDeps = {
  names: BACKEND_NAMES,
  start: (name) => startBackend(name),
  measure: (spec, batchSize, optimizer, shouldStop) => measureTrainingRate(spec, batchSize, optimizer, { budgetMs: MEASURE_BUDGET_MS, shouldStop }),
};
