import type { BackendInfo } from '../../engine/startBackend';
import { rankBackends, type BackendChoice, type BackendName, type BackendRate } from '../../model/backends';
import { multiplyAdds } from '../../model/multiplyAdds';
import type { ModelSpec, OptimizerConfig } from '../../model/types';
import type { WorkerEvent } from '../../protocol';
import { SessionError } from '../sessionError';
import { message, type Message } from '../../model/message';

/** What the manager needs from tfjs, replaceable in tests. */
export interface BackendDeps {
  /** The backends to offer, in the order tried before any is measured. */
  names: readonly BackendName[];
  /** Makes `name` the backend in use and proves it works; throws why not. */
  start(name: BackendName): Promise<BackendInfo>;
  /** Training images per second of `spec` on the backend in use; NaN when `shouldStop` cut it short first. */
  measure(spec: ModelSpec, batchSize: number, optimizer: OptimizerConfig, shouldStop: () => boolean): Promise<number>;
  /** Cores that wasm may train on together (one worker each); 1 where there are no helper workers. */
  cores?: number;
}

/** A measurement still holds for a network whose multiply-adds are within this factor of the measured one's. */
export const SAME_SIZE_FACTOR = 1.2;

/**
 * Owns the choice of tfjs backend: starts one, measures them all on the
 * network about to train, switches to the fastest (or the user's choice),
 * and moves on to the next best when one fails. Every operation that changes
 * the backend in use runs through one queue, and callers that compute
 * (training, inspection) wait for `settled()` first, so none runs on a
 * backend half-switched or being measured.
 */
export class BackendManager {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly rates = new Map<BackendName, BackendRate>();
  /** Backends that could not start or failed while training, with why: never tried again. */
  private readonly failed = new Map<BackendName, string>();
  private measured: { multiplyAdds: number; batchSize: number } | null = null;
  private choice: BackendChoice = 'auto';
  private active: BackendInfo | null = null;
  private first: Promise<BackendInfo> | null = null;
  private measuring = false;
  private interrupted = false;
  /** A measurement cut short by a run, to finish after it. */
  private unfinished: Parameters<BackendManager['measure']> | null = null;
  /** Cores the user allows (0: every one). */
  private cores = 0;
  /** Workers training now when fewer than allowed (a helper was lost), and why; null between runs. */
  private workingNow: { count: number; why: Message } | null = null;
  /** Why the backend in use serves the choice. */
  private reason: Message = message('app:backend.reason.firstToStart');

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly deps: BackendDeps,
    initialChoice: BackendChoice = 'auto',
    initialCores = 0,
  ) {
    this.choice = initialChoice;
    this.cores = initialCores;
  }

  /** Cores wasm may train on here (one worker each). */
  get availableCores(): number {
    return Math.max(1, this.deps.cores ?? 1);
  }

  /** Workers to train on the backend in use: on wasm, every core allowed; elsewhere one. */
  get threads(): number {
    if (this.active?.name !== 'wasm') return 1;
    const all = this.availableCores;
    return this.cores > 0 ? Math.min(this.cores, all) : all;
  }

  /** Sets the cores wasm may train on (0: every one), from the next step of a run on. */
  setCores(cores: number): void {
    this.cores = Math.max(0, Math.floor(cores));
    if (this.active) this.use(this.active, this.reason);
  }

  /** Says how many workers a run trains on now, and why (fewer than `threads` after a helper was lost; null: as allowed). */
  working(now: { count: number; why: Message } | null): void {
    if (now === null && this.workingNow === null) return; // nothing to say again at every run's start
    this.workingNow = now;
    if (this.active) this.use(this.active, this.reason);
  }

  /** The backend in use, null before one has started. */
  get current(): BackendInfo | null {
    return this.active;
  }

  /** Starts the first backend that works (call once, first); rejects when none does. */
  start(): Promise<BackendInfo> {
    this.first ??= this.enqueue(() => this.activate(message(this.choice === 'auto' ? 'app:backend.reason.firstToStart' : 'app:backend.reason.yourChoice')));
    return this.first;
  }

  /**
   * Resolves once a backend has started. Enough for a look at a model
   * (inspection): tfjs moves a model's weights to whichever backend is in
   * use, so a look during a measurement is slower but right. Training waits
   * for `settled()` instead.
   */
  started(): Promise<BackendInfo> {
    return this.start();
  }

  /** Resolves with the backend in use once no backend operation is queued or running. */
  async settled(): Promise<BackendInfo> {
    let seen: Promise<unknown>;
    do {
      seen = this.queue;
      await seen;
    } while (seen !== this.queue);
    if (!this.active) throw new SessionError('backend', message('errors:backend.noneStarted'));
    return this.active;
  }

  /**
   * Measures `spec` on every backend that starts, then trains on the best.
   * Skipped while the last measurement holds: same batch size, and
   * multiply-adds within SAME_SIZE_FACTOR.
   */
  measure(spec: ModelSpec, batchSize: number, optimizer: OptimizerConfig): Promise<void> {
    return this.enqueue(async () => {
      const cost = multiplyAdds(spec);
      if (cost === 0 || this.stillHolds(cost, batchSize)) return;
      this.rates.clear();
      for (const [name, error] of this.failed) this.rates.set(name, { name, imagesPerSec: null, error });
      const postRates = (measuring: boolean) =>
        this.post({ type: 'backendRates', rates: this.ratesInOrder(), measuring, multiplyAdds: cost, batchSize });
      postRates(true);
      this.measuring = true;
      for (const name of this.deps.names) {
        if (this.interrupted) break;
        if (this.failed.has(name)) continue;
        try {
          await this.deps.start(name);
        } catch (e) {
          this.markFailed(name, (e as Error).message);
          postRates(true);
          continue;
        }
        try {
          const rate = await this.deps.measure(spec, batchSize, optimizer, () => this.interrupted);
          if (!Number.isNaN(rate)) this.rates.set(name, { name, imagesPerSec: rate });
        } catch (e) {
          // It starts but cannot train this network (out of memory, say): not offered for it, tried again for the next.
          this.rates.set(name, { name, imagesPerSec: null, error: (e as Error).message });
        }
        postRates(true);
      }
      this.measuring = false;
      // Cut short: train on what was measured, and measure the rest after the run.
      this.measured = this.interrupted ? null : { multiplyAdds: cost, batchSize };
      if (this.interrupted) this.unfinished = [spec, batchSize, optimizer];
      this.interrupted = false;
      postRates(false);
      await this.activate(message(this.choice === 'auto' ? 'app:backend.reason.fastest' : 'app:backend.reason.yourChoice'));
    });
  }

  /**
   * The rate a run of `spec` actually trained at on the backend in use: it
   * replaces that backend's measured rate when it is for the measured network
   * and batch size (a real run outlasts a few timed steps, so it tells better
   * how long the next run will take). Ignored otherwise.
   */
  observe(spec: ModelSpec, batchSize: number, imagesPerSec: number): void {
    const name = this.active?.name as BackendName | undefined;
    if (!name || !(imagesPerSec > 0) || !this.stillHolds(multiplyAdds(spec), batchSize)) return;
    this.rates.set(name, { name, imagesPerSec });
    this.postRatesIfMeasured();
  }

  /**
   * A run is waiting: a measurement in progress stops before its next step,
   * and the backend is chosen from the rates so far.
   */
  interrupt(): void {
    if (this.measuring) this.interrupted = true;
  }

  /** Measures again what a run cut short, if anything. */
  finishMeasuring(): Promise<void> {
    const u = this.unfinished;
    this.unfinished = null;
    return u ? this.measure(...u) : Promise.resolve();
  }

  /**
   * Trains on `choice` from now on. A backend that cannot start leaves the
   * previous one in use and rejects with a 'backend-choice' error saying so.
   */
  choose(choice: BackendChoice): Promise<BackendInfo> {
    return this.enqueue(async () => {
      if (choice === 'auto') {
        this.choice = 'auto';
        return this.activate(message(this.measured ? 'app:backend.reason.fastest' : 'app:backend.reason.firstToStart'));
      }
      const previous = this.active;
      const keep = (m: Message) => (previous ? message('errors:backend.stillOn', { refused: m, backend: previous.name }) : m);
      // The page shows the choice in force from `backend` events: say it again after a refusal.
      const refuse = (why: Message) => {
        if (previous) this.use(previous, message('app:backend.reason.kept'));
        return new SessionError('backend-choice', keep(why));
      };
      const known = this.failed.get(choice);
      if (known) throw refuse(message('errors:backend.cannotRunHere', { backend: choice, why: known }));
      try {
        const info = await this.deps.start(choice);
        this.choice = choice;
        return this.use(info, message('app:backend.reason.yourChoice'));
      } catch (e) {
        this.markFailed(choice, (e as Error).message);
        this.postRatesIfMeasured();
        if (previous) await this.deps.start(previous.name as BackendName);
        throw refuse(message('errors:backend.couldNotStart', { backend: choice, why: (e as Error).message }));
      }
    });
  }

  /**
   * The backend in use failed (`why`): never use it again in this worker, and
   * start the next best. Rejects when none is left.
   */
  fallback(why: string): Promise<BackendInfo> {
    return this.enqueue(async () => {
      const lost = this.active?.name as BackendName | undefined;
      if (lost) this.markFailed(lost, why);
      this.postRatesIfMeasured();
      return this.activate(lost ? message('app:backend.reason.failed', { backend: lost, why }) : message('app:backend.reason.backendFailed', { why }));
    });
  }

  private stillHolds(cost: number, batchSize: number): boolean {
    const m = this.measured;
    return m !== null && m.batchSize === batchSize && cost / m.multiplyAdds < SAME_SIZE_FACTOR && m.multiplyAdds / cost < SAME_SIZE_FACTOR;
  }

  /** Starts the best backend by rank, skipping those that fail. */
  private async activate(reason: Message): Promise<BackendInfo> {
    const failures: string[] = [];
    const ranked = rankBackends([...this.rates.values()], this.choice, new Set(this.failed.keys())).filter((n) => this.deps.names.includes(n));
    for (const name of ranked) {
      try {
        const info = await this.deps.start(name);
        return this.use(info, this.choice === name || failures.length === 0 ? reason : message('app:backend.reason.afterFailures', { reason, failures: failures.join('; ') }));
      } catch (e) {
        this.markFailed(name, (e as Error).message);
        failures.push(`${name} failed: ${(e as Error).message}`);
      }
    }
    this.active = null;
    this.postRatesIfMeasured();
    const all = [...this.failed].map(([n, why]) => `${n}: ${why}`).join('; ');
    throw new SessionError('backend', all ? message('errors:backend.noneWorks', { failures: all }) : message('errors:backend.noneOffered'));
  }

  private use(info: BackendInfo, reason: Message): BackendInfo {
    this.active = info;
    this.reason = reason;
    const threads = Math.min(this.workingNow?.count ?? Infinity, this.threads);
    // Each worker is one thread: "WebAssembly SIMD, 2 threads".
    const detail =
      info.name === 'wasm'
        ? message('app:backend.detail.threads', { detail: info.detail, count: threads })
        : info.name === 'cpu'
          ? message('app:backend.detail.plainJs')
          : message('common:text', { text: info.detail }); // the GPU's name, as its driver gives it
    this.post({ type: 'backend', name: info.name, detail, slow: info.slow, choice: this.choice, reason: this.workingNow?.why ?? reason, threads, cores: this.cores, availableCores: this.availableCores });
    return info;
  }

  private markFailed(name: BackendName, why: string): void {
    this.failed.set(name, why);
    this.rates.set(name, { name, imagesPerSec: null, error: why });
  }

  private postRatesIfMeasured(): void {
    if (!this.measured) return;
    this.post({ type: 'backendRates', rates: this.ratesInOrder(), measuring: false, ...this.measured });
  }

  private ratesInOrder(): BackendRate[] {
    return this.deps.names.flatMap((n) => this.rates.get(n) ?? []);
  }

  /** Runs `task` after every operation queued before it; a failure does not block the ones after. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const p = this.queue.then(task);
    this.queue = p.catch(() => {});
    return p;
  }
}
