import { DATASETS } from '../../data/datasets';
import type { OptimizerState } from '../../engine/optimizerState';
import type { Continuation, HandwritingRecord, SavedRun, SavedRunSetup, StorageInfo, WorkerEvent } from '../../protocol';
import { newSavedRun, RunRecorder } from './runRecorder';
import { RunStore, type StoredWeights } from './runStore';
import { StorageError } from '../../storage/StorageError';
import { SessionError } from '../sessionError';
import { holdRunLock, lockHeld, locks, lockName } from './runLocks';
import { asMessage, message, type Message } from '../../model/message';

type Post = (event: WorkerEvent) => void;

/** Writes that come together (an epoch end's record and weights) make one run-list update. */
const PUBLISH_DELAY_MS = 150;

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** What a storage failure says, as a message (a StorageError's own words; any other error's text). */
const storageWords = (e: unknown): Message => (e instanceof StorageError ? e.detail : asMessage(e instanceof Error ? e.message : String(e)));

/**
 * The session's saved runs: keeps the record of the run in progress from the
 * events the session posts, writes it and its weights at every epoch end, and
 * answers the page's run-list commands. Writes are queued one after another
 * and never hold up training. Without IndexedDB (a private window) runs still
 * train, nothing is saved, and the run list says why.
 */
export class SavedRuns {
  private store: RunStore | null = null;
  private readonly ready: Promise<void>;
  private recorder: RunRecorder | null = null;
  private releaseLock: (() => void) | null = null;
  private writes: Promise<void> = Promise.resolve();
  /** The storage's latest news for the page (why it is off, what was dropped), as a message. */
  private message: Message | null = null;
  private available = true;
  private publishTimer: ReturnType<typeof setTimeout> | undefined;
  /** The latest weights saved for the run in progress, and whether they were its best: kept as best once a worse epoch replaces them. */
  private lastSaved: { weights: StoredWeights; best: boolean } | null = null;
  /** The saved run the current model came from when it was opened or uploaded (not trained here): its evaluations are saved too. */
  private tracked: { runId: number; id: string } | null = null;
  /** Runs deleted while their last writes were still queued: those writes are skipped. */
  private readonly deleted = new Set<string>();

  constructor(
    private readonly post: Post,
    open: () => Promise<RunStore> = () => RunStore.open(),
  ) {
    this.ready = open().then(
      async (store) => {
        this.store = store;
        await store.interruptStale(lockHeld);
        this.interruptWhenFreed(store);
      },
      (e) => {
        this.available = false;
        this.message = storageWords(e);
      },
    ).then(() => this.publish());
  }

  /** Resolves once the store is open (or known to be unavailable) and the first list is posted. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /**
   * Called with every event the session posts: the run in progress records
   * its own; a test result of an opened or uploaded model goes into its record.
   */
  observe(e: WorkerEvent): void {
    const r = this.recorder;
    if (r) {
      r.apply(e);
      if ((e.type === 'runEnded' || e.type === 'testResult') && e.runId === r.runId) this.queue(() => this.putRecord(r));
      return;
    }
    const t = this.tracked;
    if (e.type === 'testResult' && t?.runId === e.runId && this.store) {
      const store = this.store;
      const test = { loss: e.loss, accuracy: e.accuracy, count: e.count, confusion: e.confusion.slice() };
      this.queue(async () => {
        if (!this.deleted.has(t.id)) this.note(await store.put({ ...(await store.get(t.id)), test, updatedAt: Date.now() }));
      });
    }
  }

  /** The current model is saved run `id` (opened, or uploaded and saved), numbered `runId` on the page. */
  track(runId: number, id: string | null): void {
    this.tracked = id === null ? null : { runId, id };
  }

  /**
   * Starts recording run `runId`: a new record, or (`from`) a saved run that
   * training continues. Returns the record's id, for the session to tell the page.
   */
  begin(runId: number, setup: SavedRunSetup, from: SavedRun | null = null, optimizerRestored = false, handwriting: HandwritingRecord | null = null, name?: string): string {
    const run = from ?? newSavedRun(newId(), name?.trim() || this.defaultName(setup), setup);
    const r = new RunRecorder(run, runId);
    if (from) {
      const continuation: Continuation = { fromEpoch: from.epochs.length, optimizerRestored, ...(handwriting ? { handwriting } : {}) };
      r.update({ status: 'running', continuations: [...from.continuations, continuation] });
    }
    this.recorder = r;
    this.tracked = null;
    this.lastSaved = null;
    this.releaseLock = holdRunLock(run.id);
    this.queue(() => this.putRecord(r));
    return run.id;
  }

  /**
   * After epoch `epoch`: the record so far and the weights as latest. The
   * best epoch's weights (by validation accuracy) are written to their own
   * slot only when a worse epoch is about to replace them as latest, so they
   * are never stored twice.
   */
  saveEpoch(epoch: number, weights: Float32Array[], optimizer: OptimizerState | null): void {
    const r = this.recorder;
    if (!r) return;
    const stored: StoredWeights = { epoch, weights, optimizer };
    const best = r.bestEpoch() === epoch;
    const previous = this.lastSaved;
    this.lastSaved = { weights: stored, best };
    // The record as of this epoch, taken now: the queue may run after later epochs have been recorded.
    const record = r.snapshot();
    this.queue(async () => {
      await this.putRecord(record);
      if (previous?.best && !best) await this.putWeights(r.id, 'best', { ...previous.weights, optimizer: null });
      // A new best is the latest itself: an older best slot would name the wrong epoch.
      if (best && this.store && !this.deleted.has(r.id)) await this.store.dropWeights(r.id, 'best');
      await this.putWeights(r.id, 'latest', stored);
    });
  }

  /**
   * Closes the record of the run in progress: `final` weights (restored, put
   * back or as trained) become its latest, or (null) those of its last
   * finished epoch stay; `failure` marks a run that failed. Releases its lock
   * once written.
   */
  close(final: StoredWeights | null, failure?: string): Promise<void> {
    const r = this.recorder;
    this.recorder = null;
    this.lastSaved = null;
    const release = this.releaseLock;
    this.releaseLock = null;
    if (!r) return Promise.resolve();
    if (failure) r.update({ status: 'error', message: failure });
    this.tracked = { runId: r.runId, id: r.id };
    this.queue(async () => {
      if (final) await this.putWeights(r.id, 'latest', final);
      await this.putRecord(r);
    });
    return this.queue(async () => release?.());
  }

  /** Saves an uploaded model as a run of its own, ready to open and continue. */
  async saveImported(runId: number, setup: SavedRunSetup, name: string, weights: Float32Array[]): Promise<void> {
    // A file opened before the store is open waits for it, rather than going unsaved.
    await this.ready;
    if (!this.store) return; // nothing to save it in (the list says why)
    const run = { ...newSavedRun(newId(), name, setup), status: 'imported' as const, message: message('train:outcome.imported', { name }), epochsPlanned: 0 };
    const r = new RunRecorder(run, runId);
    await this.queue(async () => {
      await this.putRecord(r);
      await this.putWeights(run.id, 'latest', { epoch: 0, weights, optimizer: null });
    });
    this.track(runId, run.id);
    this.post({ type: 'runSaved', runId, savedId: run.id });
  }

  /** A saved run and its latest weights (null when none were kept). */
  async open(id: string): Promise<{ run: SavedRun; weights: StoredWeights | null }> {
    const store = await this.storeOrFail();
    await this.writes;
    const run = await store.get(id);
    return { run, weights: await store.getWeights(id, 'latest') };
  }

  async rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim().slice(0, 80);
    if (!trimmed) throw new SessionError('invalid-request', message('errors:request.runNeedsName'));
    if (this.recorder?.id === id) this.recorder.update({ name: trimmed });
    await this.change((s) => s.rename(id, trimmed));
  }

  async setPinned(id: string, pinned: boolean): Promise<void> {
    if (this.recorder?.id === id) this.recorder.update({ pinned });
    await this.change((s) => s.setPinned(id, pinned));
  }

  async delete(id: string): Promise<void> {
    if (this.recorder?.id === id && !this.recorder.ended) throw new SessionError('invalid-request', message('errors:request.stillTrainingDelete'));
    this.deleted.add(id);
    await this.change((s) => s.delete(id));
  }

  /** Full records, for comparison; unreadable ones are skipped (the list already shows them as damaged). */
  async load(ids: readonly string[]): Promise<SavedRun[]> {
    const store = await this.storeOrFail();
    await this.writes;
    const runs: SavedRun[] = [];
    for (const id of ids) {
      if (this.recorder?.id === id) runs.push(this.recorder.snapshot());
      else await store.get(id).then((r) => runs.push(r), () => {}); // unreadable: the list shows it as damaged
    }
    return runs;
  }

  /** The Load Runs command: full records, for comparison, answered by `savedRuns`. */
  async send(ids: readonly string[]): Promise<void> {
    this.post({ type: 'savedRuns', runs: await this.load(ids) });
  }

  /** Posts the run list and the storage state. */
  async publish(): Promise<void> {
    const info: StorageInfo = this.store
      ? await this.store.storageInfo(this.message)
      : { available: this.available, message: this.message, usedBytes: null, quotaBytes: null };
    const { runs, damaged } = this.store ? await this.store.list() : { runs: [], damaged: [] };
    this.post({ type: 'runs', runs, damaged, storage: info });
  }

  /** One list for a burst of writes (an epoch end writes three times): posted once they have been quiet for a moment. */
  private publishSoon(): void {
    clearTimeout(this.publishTimer);
    this.publishTimer = setTimeout(() => {
      this.publish().catch((e) => this.post({ type: 'error', code: 'storage', message: message('errors:storage.notListed', { why: e instanceof Error ? e.message : String(e) }) }));
    }, PUBLISH_DELAY_MS);
  }

  /** A name when the page gave none (its own is in its language): English. */
  private defaultName(setup: SavedRunSetup): string {
    const { config } = setup;
    const data = setup.dataset === 'own' ? `Your ${(setup.classNames ?? []).join('/') || 'classes'}` : DATASETS[setup.dataset].label.split(' ')[0];
    return `${data}, ${config.epochs} epoch${config.epochs === 1 ? '' : 's'}, ${config.optimizer.name} ${config.optimizer.learningRate}`;
  }

  private async storeOrFail(): Promise<RunStore> {
    await this.ready;
    if (!this.store) throw new SessionError('storage', this.message ?? message('errors:storage.runsUnavailable'));
    return this.store;
  }

  private async change(f: (s: RunStore) => Promise<Message | null | void>): Promise<void> {
    const store = await this.storeOrFail();
    await this.queue(async () => this.note((await f(store)) ?? null));
  }

  /** Saves a recorder's record as it is when this runs, or a snapshot taken earlier. */
  private async putRecord(r: RunRecorder | SavedRun): Promise<void> {
    if (!this.store || this.deleted.has(r.id)) return;
    this.note(await this.store.put(r instanceof RunRecorder ? r.snapshot() : r));
  }

  private async putWeights(id: string, slot: 'latest' | 'best', w: StoredWeights): Promise<void> {
    if (!this.store || this.deleted.has(id)) return;
    this.note(await this.store.putWeights(id, slot, w));
  }

  /**
   * Runs still marked 'running' whose trainer holds its lock (a worker just
   * replaced after a crash, another tab): each becomes 'interrupted' as soon
   * as that lock is free, without a reload.
   */
  private interruptWhenFreed(store: RunStore): void {
    const l = locks();
    if (!l) return;
    void store.list().then(({ runs }) => {
      for (const run of runs) {
        if (run.status !== 'running') continue;
        void l.request(lockName(run.id), async () => {
          await store.interruptStale(async (id) => id !== run.id || this.recorder?.id === id);
          this.publishSoon();
        });
      }
    });
  }

  private note(freed: Message | null): void {
    if (freed) this.message = freed;
  }

  /**
   * Runs `f` after every write before it. A failed write is reported (the
   * storage state says why) and does not stop the next one: training goes on.
   */
  private queue(f: () => Promise<void>): Promise<void> {
    const next = this.writes.then(async () => {
      await this.ready;
      try {
        await f();
      } catch (e) {
        this.message = storageWords(e);
        if (!(e instanceof StorageError)) throw e;
        this.post({ type: 'error', code: 'storage', message: e.detail });
      } finally {
        this.publishSoon();
      }
    });
    this.writes = next.catch(() => {});
    return next;
  }
}
