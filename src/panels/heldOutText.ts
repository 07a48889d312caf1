import type { HandwritingRecord, RunSummary } from '../worker/protocol';

/** A score on the held-out drawings. */
export interface Score {
  epoch: number;
  correct: number;
  count: number;
}

/** "7/10 (70%)". */
export const scoreText = (s: Score): string => `${s.correct}/${s.count} (${((100 * s.correct) / Math.max(1, s.count)).toFixed(0)}%)`;

/** "2 epochs": how many epochs of fine-tuning the score after comes after the one before. */
export function epochsBetween(before: Score | null, after: Score): string {
  const n = after.epoch - (before?.epoch ?? 0);
  return `${n} epoch${n === 1 ? '' : 's'}`;
}

/** The latest fine-tuning on handwriting a saved run records, or null. */
export function lastHandwriting(run: Pick<RunSummary, 'continuations'>): HandwritingRecord | null {
  return run.continuations.findLast((c) => c.handwriting)?.handwriting ?? null;
}

/** "handwriting 7/10 → 10/10", for a run's one-line summary; null when it was never fine-tuned on handwriting (or not measured). */
export function handwritingMeta(run: Pick<RunSummary, 'continuations'>): string | null {
  const h = lastHandwriting(run);
  if (!h?.before || !h.after) return null;
  return `handwriting ${h.before.correct}/${h.before.count} → ${h.after.correct}/${h.after.count}`;
}
