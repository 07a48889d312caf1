import { message, type Message } from '../../model/message';
import type { SavedRun } from '../../protocol';

/**
 * The message of a run whose trainer vanished mid-run (the tab closed, the
 * worker crashed): how far it got and which weights survive, e.g.
 * "Interrupted after epoch 3 of 5: the tab closed or the worker stopped. Its
 * epoch 3 weights are kept."
 */
export function describeInterruption(run: Pick<SavedRun, 'epochs' | 'epochsPlanned' | 'weights'>): Message {
  const done = run.epochs.at(-1)?.epoch ?? 0;
  const when = done > 0 ? message('train:outcome.interruptedAfter', { epoch: done, planned: run.epochsPlanned }) : message('train:outcome.interruptedBefore');
  const latest = run.weights.latest;
  const kept = latest === null ? message('train:outcome.noWeights') : latest === 0 ? message('train:outcome.initialKept') : message('train:outcome.epochKept', { epoch: latest });
  return message('train:outcome.interrupted', { when, kept });
}
