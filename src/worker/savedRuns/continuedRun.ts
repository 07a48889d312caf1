import type { SavedRun, TrainRequest } from '../../protocol';
import { SessionError } from '../sessionError';
import { continuation } from './continuation';
import type { StoredWeights } from './runStore';
import type { SavedRuns } from './savedRuns';
import { trimSavedRun } from './trimSavedRun';
import { message } from '../../model/message';

/** A saved run that training continues: its record as of the epoch of its weights, and those weights. */
export interface ContinuedRun {
  run: SavedRun;
  weights: StoredWeights;
}

/**
 * What a Train request asks for once its `continueFrom` is read: the saved
 * run's network, data and settings, from its latest weights. A request that
 * continues nothing comes back as it is.
 */
export async function continuedRun(saved: SavedRuns, request: TrainRequest): Promise<{ req: TrainRequest; continued: ContinuedRun | null }> {
  if (!request.continueFrom) return { req: request, continued: null };
  const opened = await saved.open(request.continueFrom);
  if (!opened.weights) throw new SessionError('invalid-request', message('errors:request.noWeightsToContinue', { name: opened.run.name }));
  // It goes on from the epoch of its weights: what came after (epochs after a restored one, an unfinished epoch) goes.
  const run = trimSavedRun(opened.run, opened.weights.epoch);
  return { req: continuation(request, run), continued: { run, weights: opened.weights } };
}
