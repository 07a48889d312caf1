import type { DamagedRun, GalleryItem, RunSummary, SavedRun, StorageInfo, WorkerEvent } from '../../protocol';

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
  /** Open a run when the next list arrives (page load, a restarted worker): `reopenId` when it has weights, else the newest that has. */
  openNewest: boolean;
  /** The run that was the model when the worker died, to reopen. */
  reopenId: string | null;
  /** A run the user opened: its setup goes into the editor when it arrives (one opened by itself after a reload leaves the address's setup alone). */
  adoptSetupOf: string | null;
  /** Runs picked for comparison, in the order picked (2–4 compare). */
  compare: string[];
  /** Full records of runs being compared, by id. */
  records: Record<string, SavedRun>;
  requestId: number;
  gallery: GalleryState | null;
  /** The worker was asked to load its model file readers; a restarted worker is asked again. */
  filesPrepared: boolean;
}

/** At most this many runs are compared at once. */
export const MAX_COMPARE = 4;

export const INITIAL_RUNS_STATE: RunsState = {
  list: [], damaged: [], storage: null, loaded: false, openNewest: true, reopenId: null, adoptSetupOf: null, compare: [], records: {}, requestId: 0, gallery: null, filesPrepared: false,
};

/**
 * Applies worker events to the saved-run state, in order (pure, like
 * applyEvents). `current` is the run state before them: which run the page
 * shows (galleries of another are dropped) and which saved run it is.
 */
export function applyRunsEvents(state: RunsState, events: readonly WorkerEvent[], current: { runId: number; savedId: string | null }): RunsState {
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
        // Answered by the model asked: one opened meanwhile has other predictions.
        if (s.gallery?.requestId === e.requestId && e.runId === current.runId) s = { ...s, gallery: { ...s.gallery, runId: e.runId, total: e.total, items: e.items, pixels: e.pixels } };
        break;
      case 'runOpened':
      case 'modelUploaded':
        s = { ...s, gallery: null };
        break;
      case 'workerRestarted':
        // The new worker's list decides; the model that was open comes back if it can.
        s = { ...s, loaded: false, openNewest: true, reopenId: current.savedId, gallery: null, filesPrepared: false };
        break;
    }
  }
  return s;
}

/** Run `preferred` when it has weights to open, else the newest saved run that has, if any. */
export function runToReopen(list: readonly RunSummary[], preferred: string | null = null): RunSummary | null {
  const openable = list.filter((r) => r.weights.latest !== null);
  return openable.find((r) => r.id === preferred) ?? openable[0] ?? null;
}
