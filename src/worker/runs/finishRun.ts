import { hasTestSet } from '../../data/datasets';
import { readWeights } from '../../engine/modelWeights';
import type { TrainOutcome } from '../../engine/trainModel';
import { message as words } from '../../model/message';
import { describeOutcome, withNote } from './describeOutcome';
import type { PreparedRun } from './prepareRun';
import type { RunDeps } from './runDeps';
import { optimizerState, postHeldOut } from './trainRun';

/**
 * Shows the final weights, evaluates a run that finished on the test set,
 * reports how the run ended, and closes its saved record.
 */
export async function finishRun(run: PreparedRun, outcome: TrainOutcome, deps: RunDeps): Promise<void> {
  const { post, saved, inspection, testSet } = deps;
  const { current, config } = run;
  const testable = hasTestSet(current.dataset);
  inspection.refresh(); // the final (or restored) weights
  inspection.recordHistograms(performance.now(), true);
  // Early stopping put an earlier epoch's weights back: the fine-tuning's score is theirs.
  if (outcome.kind !== 'diverged' && outcome.restoredEpoch !== undefined) await postHeldOut(run, 'after', outcome.restoredEpoch, post).catch(() => undefined);
  // Stop during this evaluation ends it; the run still counts as done (Evaluate can redo it).
  let message = describeOutcome(outcome, current.learningRate, config.earlyStopping?.monitor);
  const finished = outcome.kind === 'done' || outcome.kind === 'earlyStopped';
  if (finished && !testable) {
    message = withNote(message, words('train:outcome.noTestSet'));
  } else if (finished && !(await testSet.evaluate(current, () => current.control.isStopped))) {
    message = withNote(message, words('train:outcome.evaluationStopped'));
  }
  const { kind, epochsCompleted } = outcome;
  const restoredEpoch = outcome.kind === 'diverged' ? undefined : outcome.restoredEpoch;
  post({ type: 'runEnded', runId: current.runId, outcome: kind, epochsCompleted, restoredEpoch, message });
  post({ type: 'status', status: kind === 'earlyStopped' ? 'done' : kind });
  // The model as it ends (restored or put back) is what a reload brings back; a restored model's optimizer
  // state is a later epoch's. A stopped run keeps its last finished epoch's, saved then: what continuing needs.
  if (kind === 'stopped') {
    await saved.close(null);
  } else {
    const optimizer = restoredEpoch === undefined && kind !== 'diverged' ? await optimizerState(current) : null;
    await saved.close({ epoch: restoredEpoch ?? epochsCompleted, weights: await readWeights(current.built), optimizer });
  }
}
