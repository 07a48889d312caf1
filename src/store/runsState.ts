import type { DamagedRun, GalleryItem, RunSummary, SavedRun, StorageInfo, WorkerEvent } from '../worker/protocol';

/** A gallery on screen: one confusion cell's test images, or (cell null) the most confidently wrong. */
export interface GalleryState {
  requestId: number;
  /** The run whose model made the predictions. */
  runId: number;
  cell: { trueClass: number; predClass: number } | null;
  /** Null while the worker answers. */
  total: number | null;
  items: GalleryItem[];
  /** items.length × 784 values in [0, 1]. */
  pixels: Float32Array | null;
}

/** The saved runs as the page knows them. */
export interface RunsState {
  /** Newest first, as the worker lists them. */
  list: RunSummary[];
  damaged: DamagedRun[];
  storage: StorageInfo | null;
  /** False until the worker's first list: nothing is known about saved runs yet. */
  loaded: boolean;
  /** Open the newest run with weights when the next list arrives (page load, a restarted worker). */
  openNewest: boolean;
  /** A run the user opened: its setup goes into the editor when it arrives (one opened by itself after a reload leaves the address's setup alone). */
  adoptSetupOf: string | null;
  /** Runs picked for comparison, in the order picked (2–4 compare). */
  compare: string[];
  /** Full records of runs being compared, by id. */
  records: Record<string, SavedRun>;
  requestId: number;
  gallery: GalleryState | null;
}

/** At most this many runs are compared at once. */
export const MAX_COMPARE = 4;

export const INITIAL_RUNS_STATE: RunsState = {
  list: [], damaged: [], storage: null, loaded: false, openNewest: true, adoptSetupOf: null, compare: [], records: {}, requestId: 0, gallery: null,
};

/** Applies worker events to the saved-run state, in order (pure, like applyEvents). */
export function applyRunsEvents(state: RunsState, events: readonly WorkerEvent[]): RunsState {
  let s = state;
  for (const e of events) {
    switch (e.type) {
      case 'runs': {
        const ids = new Set([...e.runs.map((r) => r.id), ...e.damaged.map((d) => d.id)]);
        s = {
          ...s, list: e.runs, damaged: e.damaged, storage: e.storage, loaded: true,
          // A deleted run leaves the comparison.
          compare: s.compare.filter((id) => ids.has(id)),
        };
        break;
      }
      case 'savedRuns': {
        // Keyed by run: any answer helps, an older copy never replaces a newer one.
        const fresh = e.runs.filter((r) => !(s.records[r.id]?.updatedAt > r.updatedAt));
        if (fresh.length) s = { ...s, records: { ...s.records, ...Object.fromEntries(fresh.map((r) => [r.id, r])) } };
        break;
      }
      case 'gallery':
        if (s.gallery?.requestId === e.requestId) s = { ...s, gallery: { ...s.gallery, runId: e.runId, total: e.total, items: e.items, pixels: e.pixels } };
        break;
      case 'workerRestarted':
        s = { ...s, openNewest: true, gallery: null };
        break;
    }
  }
  return s;
}

/** The newest saved run that has weights to open, if any. */
export function newestOpenable(list: readonly RunSummary[]): RunSummary | null {
  return list.find((r) => r.weights.latest !== null) ?? null;
}
