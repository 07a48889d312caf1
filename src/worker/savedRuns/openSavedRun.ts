import type { WorkerEvent } from '../../protocol';
import { currentModel } from '../model/currentModel';
import type { ModelSlot } from '../model/modelSlot';
import { endLearningRate } from './continuation';
import type { SavedRuns } from './savedRuns';
import { message } from '../../model/message';

/** Makes saved run `id` the current model (numbered `runId` on the page), with its latest weights (an untrained one when none were kept). */
export async function openSavedRun(
  deps: { saved: SavedRuns; slot: ModelSlot; post: (e: WorkerEvent) => void },
  runId: number,
  id: string,
): Promise<void> {
  const { saved, slot, post } = deps;
  const { run, weights } = await saved.open(id);
  const { spec, config, dataset } = run.setup;
  const learningRate = endLearningRate(run);
  await slot.replace(() => currentModel({ runId, spec, config, dataset, weights: weights?.weights ?? null, at: weights?.epoch ?? 0, learningRate }));
  const notice = !weights
    ? message('errors:notice.openedUntrained', { name: run.name })
    : weights.epoch === 0
      ? message('errors:notice.openedImported', { name: run.name })
      : message('errors:notice.openedEpoch', { name: run.name, epoch: weights.epoch });
  saved.track(runId, id);
  post({ type: 'runOpened', runId, run, weights: weights?.epoch ?? null, message: notice });
}
