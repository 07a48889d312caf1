import type { RunSummary, SavedRunStatus } from '../../protocol';
import { handwritingMeta } from '../heldOutText';

const STATUS_WORDS: Record<SavedRunStatus, string> = {
  running: 'training', done: 'done', earlyStopped: 'stopped early', stopped: 'stopped', diverged: 'diverged',
  interrupted: 'interrupted', error: 'failed', imported: 'from a file',
};

/** One line under a run's name: how it stands, how far it got, its best numbers. */
export function runMeta(r: RunSummary, now = Date.now()): string {
  const parts = [STATUS_WORDS[r.status]];
  if (r.status !== 'imported') parts.push(`${r.epochsCompleted}/${r.epochsPlanned} epochs`);
  if (Number.isFinite(r.testAccuracy)) parts.push(`test ${(r.testAccuracy * 100).toFixed(2)}%`);
  else if (Number.isFinite(r.valAccuracy)) parts.push(`val ${(r.valAccuracy * 100).toFixed(2)}%`);
  const handwriting = handwritingMeta(r);
  if (handwriting) parts.push(handwriting);
  parts.push(ago(r.updatedAt, now));
  return parts.join(' · ');
}

/** "just now", "5 min ago", "3 h ago", or the date. */
export function ago(t: number, now: number): string {
  const s = Math.max(0, (now - t) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
  return new Date(t).toISOString().slice(0, 10);
}

/** Pinned runs first, then newest first. */
export function sortRuns(list: readonly RunSummary[]): RunSummary[] {
  return list.slice().sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);
}
