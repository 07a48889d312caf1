import { message, type Message } from '../model/message';
import type { Continuation, HandwritingRecord, RunSummary } from '../protocol';

/** A score on the held-out drawings. */
export interface Score {
  epoch: number;
  correct: number;
  count: number;
}

/** "7/10 (70%)". */
export const scoreText = (s: Score): string => `${s.correct}/${s.count} (${((100 * s.correct) / Math.max(1, s.count)).toFixed(0)}%)`;

/**
 * "after 2 epochs of fine-tuning" / "2에포크 동안 미세 조정한 뒤": the score
 * `after` comes after fine-tuning from epoch `from`; "after fine-tuning to
 * epoch 7" when where it started is unknown.
 */
export function afterMessage(from: number | null, after: Score): Message {
  if (from === null) return message('results:heldOut.afterTo', { epoch: after.epoch });
  return message('results:heldOut.afterEpochs', { count: after.epoch - from });
}

/** A continuation that was a fine-tuning on handwriting. */
export type FineTune = Continuation & { handwriting: HandwritingRecord };

/** The latest fine-tuning on handwriting a saved run records, or null. */
export function lastFineTune(run: Pick<RunSummary, 'continuations'>): FineTune | null {
  return (run.continuations.findLast((c) => c.handwriting) as FineTune | undefined) ?? null;
}

/** The held-out scores to show, and the epoch the fine-tuning started from (null: unknown). */
export interface ShownFineTune {
  before: Score | null;
  after: Score | null;
  from: number | null;
  /** True: the current run's saved record (after a reload, or another run opened); false: this page's own fine-tuning. */
  saved: boolean;
}

/**
 * Which fine-tuning the section shows: the one this page ran (`own`) while its
 * model is the current one (`runId`), else the current run's last saved one.
 */
export function shownFineTune(own: { runId: number; before: Score | null; after: Score | null } | null, runId: number | null, saved: FineTune | null): ShownFineTune | null {
  if (own && own.runId === runId) return { before: own.before, after: own.after, from: own.before?.epoch ?? null, saved: false };
  if (!saved) return null;
  return { before: saved.handwriting.before, after: saved.handwriting.after, from: saved.fromEpoch, saved: true };
}

/** "handwriting 7/10 → 10/10" / "손글씨 7/10 → 10/10", for a run's one-line summary; null when it was never fine-tuned on handwriting (or not measured). */
export function handwritingMetaMessage(run: Pick<RunSummary, 'continuations'>): Message | null {
  const h = lastFineTune(run)?.handwriting;
  if (!h?.before || !h.after) return null;
  return message('results:heldOut.handwritingMeta', { before: `${h.before.correct}/${h.before.count}`, after: `${h.after.correct}/${h.after.count}` });
}
