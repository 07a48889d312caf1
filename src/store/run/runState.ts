import type { DatasetId } from '../../data/datasets';
import type { Message } from '../../model/message';
import type { ModelSpec, TrainConfig } from '../../model/types';
import type { EpochRow, RunStatus, SavedRun, SavedRunStatus, TestResult, WorkerEvent } from '../../protocol';

/** Everything the page knows about the worker and the current run. */
export interface RunState {
  status: RunStatus;
  /** What went wrong, as a message the page words (ErrorBanner). */
  error: Message | null;
  /** The worker died and a new one started: `error` says so, and the run it reopens keeps saying it. */
  restarted?: boolean;
  /** Bytes per file while datasets download. */
  downloads: Record<string, { loaded: number; total: number }>;
  runId: number;
  /** The dataset the current model was trained on (the select may have moved on). */
  dataset: DatasetId | null;
  /** The network the current model was built from (the setup may have moved on). */
  spec: ModelSpec | null;
  /** Dataset 'own': the class names the current model was trained with (its outputs, in order). */
  classNames: readonly string[] | null;
  /** The learning rate in use now; it can change mid-run. */
  learningRate: number | null;
  /** A learning rate sent to the worker and not yet applied. */
  pendingLearningRate: number | null;
  /** Where the learning rate changed, in epochs (fractional), for the charts and the log. */
  learningRateChanges: { x: number; learningRate: number }[];
  /** The epoch whose weights early stopping put back at the end (1-based), if it did. */
  restoredEpoch: number | null;
  info: { trainCount: number; valCount: number; batchesPerEpoch: number; epochs: number } | null;
  /** Every batch of the run: x in epochs (fractional), loss, accuracy. */
  batches: { x: number[]; loss: number[]; accuracy: number[] };
  epochs: EpochRow[];
  progress: { epoch: number; examplesPerSec: number; elapsedMs: number; etaMs: number | null } | null;
  /** How the last run ended: a message the page words (a run saved before the page had languages: English text). */
  outcome: Message | string | null;
  /** Backends this run lost and went on without, as messages, oldest first. */
  backendLosses: Message[];
  evaluation: { done: number; total: number } | null;
  test: TestResult | null;
  /** The saved run this model is (IndexedDB id), once the worker has saved it; null when not saved. */
  savedId: string | null;
  /** A word about where this model came from (opened, continued, uploaded), shown in the run panel. */
  notice: Message | null;
}

export const INITIAL_RUN_STATE: RunState = {
  status: 'idle',
  error: null,
  downloads: {},
  runId: 0,
  dataset: null,
  spec: null,
  classNames: null,
  learningRate: null,
  pendingLearningRate: null,
  learningRateChanges: [],
  restoredEpoch: null,
  info: null,
  batches: { x: [], loss: [], accuracy: [] },
  epochs: [],
  progress: null,
  outcome: null,
  backendLosses: [],
  evaluation: null,
  test: null,
  savedId: null,
  notice: null,
};

/** What `training-status` says for a saved run's state: a cut-off run reads as stopped. */
const STATUS_OF_SAVED: Record<SavedRunStatus, RunStatus> = {
  running: 'stopped', interrupted: 'stopped', done: 'done', earlyStopped: 'done', stopped: 'stopped',
  diverged: 'diverged', error: 'error', imported: 'done',
};

/**
 * The run state of saved run `run`, opened as run `runId`: its history,
 * outcome and test result, as if it had just been trained here. A run being
 * continued keeps the status it has (loading).
 */
export function runStateFromSaved(s: RunState, runId: number, run: SavedRun, notice: Message): RunState {
  const { batches, info } = run;
  const active = s.runId === runId && (s.status === 'loading' || s.status === 'training' || s.status === 'paused');
  return {
    ...INITIAL_RUN_STATE,
    downloads: s.downloads,
    runId,
    status: active ? s.status : STATUS_OF_SAVED[run.status],
    dataset: run.setup.dataset,
    spec: run.setup.spec,
    classNames: run.setup.classNames ?? null,
    learningRate: run.learningRateChanges.at(-1)?.learningRate ?? run.setup.config.optimizer.learningRate,
    learningRateChanges: run.learningRateChanges,
    restoredEpoch: run.restoredEpoch,
    info: info && { ...info, epochs: run.epochsPlanned },
    batches: { x: Array.from(batches.x), loss: Array.from(batches.loss), accuracy: Array.from(batches.accuracy) },
    epochs: run.epochs,
    outcome: run.message || null,
    test: run.test,
    savedId: run.id,
    notice,
  };
}

/** The state of a run that is about to start: history cleared, settings kept. */
export function startRun(s: RunState, runId: number, dataset: DatasetId, spec: ModelSpec, config: TrainConfig, classNames: readonly string[] | null = null): RunState {
  return {
    ...INITIAL_RUN_STATE, downloads: s.downloads, runId, dataset, spec, classNames,
    learningRate: config.optimizer.learningRate, status: 'loading',
  };
}

/** With early stopping, the best epoch so far by its monitor (as the last epoch reported it); null without. */
export function bestEpochOf(s: Pick<RunState, 'epochs'>): number | null {
  return s.epochs[s.epochs.length - 1]?.bestEpoch || null;
}

function append(target: number[], src: ArrayLike<number>): number[] {
  const out = target.slice();
  for (let i = 0; i < src.length; i++) out.push(src[i]);
  return out;
}

/**
 * Applies worker events to the run state, in order. Pure, so the bridge can
 * apply a frame's worth of events in one store update. Events of an older run
 * (a late message after a new Train) are ignored.
 */
export function applyEvents(state: RunState, events: readonly WorkerEvent[]): RunState {
  let s = state;
  for (const e of events) {
    if ('runId' in e && e.runId !== s.runId) continue;
    switch (e.type) {
      case 'status':
        s = { ...s, status: e.status };
        break;
      case 'loadProgress':
        s = { ...s, downloads: { ...s.downloads, [e.file]: { loaded: e.loadedBytes, total: e.totalBytes } } };
        break;
      case 'runStarted':
        s = { ...s, info: { trainCount: e.trainCount, valCount: e.valCount, batchesPerEpoch: e.batchesPerEpoch, epochs: e.epochs } };
        break;
      case 'batchMetrics':
        s = {
          ...s,
          batches: { x: append(s.batches.x, e.x), loss: append(s.batches.loss, e.loss), accuracy: append(s.batches.accuracy, e.accuracy) },
          progress: { epoch: e.epoch, examplesPerSec: e.examplesPerSec, elapsedMs: e.elapsedMs, etaMs: e.etaMs },
        };
        break;
      case 'epochEnd': {
        const { type: _t, runId: _r, ...row } = e;
        s = { ...s, epochs: [...s.epochs, row] };
        break;
      }
      case 'learningRate': {
        const perEpoch = s.info?.batchesPerEpoch ?? 1;
        const pending = s.pendingLearningRate === e.learningRate ? null : s.pendingLearningRate;
        s = {
          ...s,
          learningRate: e.learningRate,
          pendingLearningRate: pending,
          learningRateChanges: [...s.learningRateChanges, { x: e.epoch + e.batch / perEpoch, learningRate: e.learningRate }],
        };
        break;
      }
      case 'runEnded':
        // An evaluation cut short by Stop ends here too.
        s = {
          ...s,
          outcome: e.message,
          evaluation: null,
          pendingLearningRate: null,
          progress: s.progress && { ...s.progress, etaMs: null },
          restoredEpoch: e.restoredEpoch ?? null,
        };
        break;
      case 'evalProgress':
        s = { ...s, evaluation: { done: e.done, total: e.total } };
        break;
      case 'testResult':
        s = { ...s, evaluation: null, test: { loss: e.loss, accuracy: e.accuracy, count: e.count, confusion: e.confusion } };
        break;
      case 'runResumed': {
        // Training goes back to the end of epoch `fromEpoch`: the batches after it are trained again.
        const keep = s.batches.x.findIndex((x) => x > e.fromEpoch);
        const cut = (a: number[]) => (keep < 0 ? a : a.slice(0, keep));
        s = {
          ...s,
          batches: { x: cut(s.batches.x), loss: cut(s.batches.loss), accuracy: cut(s.batches.accuracy) },
          epochs: s.epochs.filter((r) => r.epoch <= e.fromEpoch),
          backendLosses: [...s.backendLosses, e.message],
        };
        break;
      }
      case 'error':
        s = { ...s, error: e.message, evaluation: null };
        break;
      case 'runSaved':
        s = { ...s, savedId: e.savedId };
        break;
      case 'runOpened': {
        // The run a new worker reopens after the old one died keeps saying why (until dismissed or the next run).
        const restarted = s.restarted ? s.error : null;
        s = { ...runStateFromSaved(s, e.runId, e.run, e.message), error: restarted };
        break;
      }
      case 'modelUploaded':
        // A model to study only leaves the worker's model, and this run, as they were; the editor shows its network.
        s = e.studyOnly
          ? { ...s, notice: e.message }
          : { ...INITIAL_RUN_STATE, downloads: s.downloads, runId: e.runId, status: 'done', dataset: e.dataset, spec: e.spec, classNames: e.classNames ?? null, notice: e.message };
        break;
      case 'workerRestarted':
        s = { ...s, status: 'error', error: e.message, restarted: true, evaluation: null, progress: s.progress && { ...s.progress, etaMs: null } };
        break;
    }
  }
  return s;
}
