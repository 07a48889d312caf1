import type { SavedRun } from '../../protocol';

/** One way to make room: drop a run's best-epoch weights, its optimizer state, or its latest weights. */
export interface FreeingStep {
  kind: 'best' | 'optimizer' | 'latest';
  id: string;
}

type Candidate = Pick<SavedRun, 'id' | 'pinned' | 'createdAt' | 'weights'>;

/** Unpinned before pinned, then oldest first. */
const byPinThenAge = (a: Candidate, b: Candidate) => Number(a.pinned) - Number(b.pinned) || a.createdAt - b.createdAt;

/**
 * The order in which to drop stored weights when storage is full, cheapest
 * loss first: best-epoch weights (the run keeps its latest), then optimizer
 * state (the run can still continue, with a fresh optimizer), then the latest
 * weights of unpinned runs (only the record and its curves remain). Never the
 * run being written (`keep`), never a record, never a pinned run's latest.
 */
export function planFreeing(runs: readonly Candidate[], keep: string): FreeingStep[] {
  const others = runs.filter((r) => r.id !== keep).sort(byPinThenAge);
  return [
    ...others.filter((r) => r.weights.best !== null).map((r) => ({ kind: 'best' as const, id: r.id })),
    ...others.filter((r) => r.weights.optimizer && r.weights.latest !== null).map((r) => ({ kind: 'optimizer' as const, id: r.id })),
    ...others
      .filter((r) => !r.pinned && r.weights.latest !== null)
      .sort((a, b) => a.createdAt - b.createdAt)
      .map((r) => ({ kind: 'latest' as const, id: r.id })),
  ];
}
