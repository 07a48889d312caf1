import type { RunSummary, SavedRunStatus } from '../../protocol';
import { i18n, wordKey, wordMessage, type Translate } from '../../i18n/i18n';
import { formatDate } from '../../i18n/formatLocale';
import { handwritingMetaMessage } from '../heldOutText';

/** How a saved run stands, as its catalogue key (runs:status.*). */
const STATUS_KEYS: Record<SavedRunStatus, string> = {
  running: 'runs:status.running', done: 'runs:status.done', earlyStopped: 'runs:status.earlyStopped', stopped: 'runs:status.stopped',
  diverged: 'runs:status.diverged', interrupted: 'runs:status.interrupted', error: 'runs:status.error', imported: 'runs:status.imported',
};

/** One line under a run's name, in the page's language (or `t`'s): how it stands, how far it got, its best numbers. */
export function runMeta(r: RunSummary, now = Date.now(), t: Translate = i18n.t): string {
  const parts = [wordKey(STATUS_KEYS[r.status], undefined, t)];
  if (r.status !== 'imported') parts.push(wordKey('runs:meta.epochs', { done: r.epochsCompleted, planned: r.epochsPlanned }, t));
  if (Number.isFinite(r.testAccuracy)) parts.push(wordKey('runs:meta.test', { percent: (r.testAccuracy * 100).toFixed(2) }, t));
  else if (Number.isFinite(r.valAccuracy)) parts.push(wordKey('runs:meta.val', { percent: (r.valAccuracy * 100).toFixed(2) }, t));
  const handwriting = handwritingMetaMessage(r);
  if (handwriting) parts.push(wordMessage(handwriting, t));
  parts.push(ago(r.updatedAt, now, t));
  return parts.join(' · ');
}

/** "just now", "5 min ago", "3 h ago", or the date (in the page's language). */
export function ago(time: number, now: number, t: Translate = i18n.t): string {
  const s = Math.max(0, (now - time) / 1000);
  if (s < 60) return wordKey('runs:meta.justNow', undefined, t);
  if (s < 3600) return wordKey('runs:meta.minutesAgo', { n: Math.floor(s / 60) }, t);
  if (s < 86400) return wordKey('runs:meta.hoursAgo', { n: Math.floor(s / 3600) }, t);
  return formatDate(time, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Pinned runs first, then newest first. */
export function sortRuns(list: readonly RunSummary[]): RunSummary[] {
  return list.slice().sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt);
}
