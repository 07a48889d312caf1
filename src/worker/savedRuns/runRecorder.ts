import type { EpochRow, SavedRun, SavedRunSetup, SavedRunStatus, TestResult, WorkerEvent } from '../../protocol';

/**
 * Builds one run's saved record from the events the session posts for it, so
 * that what is stored is exactly what the page was shown. Keeps plain arrays
 * while the run grows; `snapshot` packs them.
 */
export class RunRecorder {
  private readonly batches: { x: number[]; loss: number[]; accuracy: number[] };
  private readonly epochs: EpochRow[];
  private readonly learningRateChanges: SavedRun['learningRateChanges'];
  private base: SavedRun;

  /** Starts from `run` (a new record, or a saved one that training continues). */
  constructor(run: SavedRun, readonly runId: number) {
    this.base = run;
    // Array.from, not push(...): a long run's batches would overflow the call stack as arguments.
    this.batches = { x: Array.from(run.batches.x), loss: Array.from(run.batches.loss), accuracy: Array.from(run.batches.accuracy) };
    this.epochs = run.epochs.slice();
    this.learningRateChanges = run.learningRateChanges.slice();
  }

  /** True once the run has ended (its last writes may still be queued). */
  ended = false;

  get id(): string {
    return this.base.id;
  }

  get epochsCompleted(): number {
    return this.epochs.length;
  }

  /** The best validation accuracy so far and its epoch (0: none finite). */
  bestEpoch(): number {
    let best = 0;
    for (const e of this.epochs) if (Number.isFinite(e.valAccuracy) && (best === 0 || e.valAccuracy > this.epochs[best - 1].valAccuracy)) best = e.epoch;
    return best;
  }

  /** Applies one event of this run (events of other runs are ignored). */
  apply(e: WorkerEvent): void {
    if (!('runId' in e) || e.runId !== this.runId) return;
    switch (e.type) {
      case 'runStarted':
        this.update({ status: 'running', info: { trainCount: e.trainCount, valCount: e.valCount, batchesPerEpoch: e.batchesPerEpoch }, epochsPlanned: e.epochs });
        break;
      case 'batchMetrics':
        for (let i = 0; i < e.x.length; i++) {
          this.batches.x.push(e.x[i]);
          this.batches.loss.push(e.loss[i]);
          this.batches.accuracy.push(e.accuracy[i]);
        }
        break;
      case 'epochEnd': {
        const { type: _t, runId: _r, ...row } = e;
        this.epochs.push(row);
        break;
      }
      case 'learningRate': {
        const perEpoch = this.base.info?.batchesPerEpoch ?? 1;
        this.learningRateChanges.push({ x: e.epoch + e.batch / perEpoch, learningRate: e.learningRate });
        break;
      }
      case 'runResumed': {
        // As on the page: the batches after the epoch training went back to are trained again.
        const keep = this.batches.x.findIndex((x) => x > e.fromEpoch);
        if (keep >= 0) for (const a of Object.values(this.batches)) a.length = keep;
        while (this.epochs.length > e.fromEpoch) this.epochs.pop();
        break;
      }
      case 'runEnded':
        this.ended = true;
        this.update({ status: e.outcome satisfies SavedRunStatus, message: e.message, restoredEpoch: e.restoredEpoch ?? null });
        break;
      case 'testResult': {
        const test: TestResult = { loss: e.loss, accuracy: e.accuracy, count: e.count, confusion: e.confusion.slice() };
        this.update({ test });
        break;
      }
      case 'heldOutAccuracy': {
        // A fine-tuning's score goes with the continuation it measures: the latest one.
        const list = this.base.continuations;
        const last = list.at(-1);
        if (!last?.handwriting) break;
        const score = { epoch: e.epoch, correct: e.correct, count: e.count };
        const handwriting = { ...last.handwriting, [e.when]: score };
        this.update({ continuations: [...list.slice(0, -1), { ...last, handwriting }] });
        break;
      }
    }
  }

  /** Changes fields of the record (status, message, weights info). */
  update(fields: Partial<Omit<SavedRun, 'id' | 'batches' | 'epochs' | 'learningRateChanges'>>): void {
    this.base = { ...this.base, ...fields };
  }

  /** The record as it stands, its arrays packed. */
  snapshot(now = Date.now()): SavedRun {
    return {
      ...this.base,
      updatedAt: now,
      batches: { x: Float32Array.from(this.batches.x), loss: Float32Array.from(this.batches.loss), accuracy: Float32Array.from(this.batches.accuracy) },
      epochs: this.epochs.slice(),
      learningRateChanges: this.learningRateChanges.slice(),
    };
  }
}

/** A new, empty record for a run about to train. */
export function newSavedRun(id: string, name: string, setup: SavedRunSetup, now = Date.now()): SavedRun {
  return {
    id, name, pinned: false, createdAt: now, updatedAt: now, setup,
    status: 'running', message: '', epochsPlanned: setup.config.epochs, info: null,
    batches: { x: new Float32Array(0), loss: new Float32Array(0), accuracy: new Float32Array(0) },
    epochs: [], learningRateChanges: [], restoredEpoch: null, test: null,
    weights: { latest: null, best: null, optimizer: false, bytes: 0 },
    continuations: [],
  };
}
