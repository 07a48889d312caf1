import type { SavedRun } from '../../protocol';

/**
 * The message of a run whose trainer vanished mid-run (the tab closed, the
 * worker crashed): how far it got and which weights survive, e.g.
 * "Interrupted after epoch 3 of 5: the tab closed or the worker stopped. Its
 * epoch 3 weights are kept."
 */
export function describeInterruption(run: Pick<SavedRun, 'epochs' | 'epochsPlanned' | 'weights'>): string {
  const done = run.epochs.at(-1)?.epoch ?? 0;
  const when = done > 0 ? `after epoch ${done} of ${run.epochsPlanned}` : 'before its first epoch ended';
  const latest = run.weights.latest;
  const kept = latest === null ? 'No weights were kept.' : latest === 0 ? 'Its initial weights are kept.' : `Its epoch ${latest} weights are kept.`;
  return `Interrupted ${when}: the tab closed or the worker stopped. ${kept}`;
}
