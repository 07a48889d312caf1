import { startBackend } from '../../engine/startBackend';
import { measureTrainingRate } from '../../engine/measureTrainingRate';
import { registerWasmKernels } from '../../engine/wasm/registerWasmKernels';
import { readMnistSample } from '../../engine/testing/readMnistSample';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { optimizerConfig } from '../../model/optimizerDefaults';
import type { TrainConfig } from '../../model/types';
import type { BackendDeps } from '../backend/backendManager';
import type { Command, InspectRequest, TrainRequest, WorkerEvent } from '../../protocol';
import { TrainingSession, type SessionDeps } from '../trainingSession';

// The session as the page sees it: commands in, events out, on the cpu backend
// with real MNIST images and a network small enough to train in well under a second.

export const TRAIN = readMnistSample(200);
export const TEST = readMnistSample(100, 't10k');
export const sample = async () => ({ train: TRAIN, test: TEST });
/** Real backends, measured quickly: cpu only unless a test offers more. */
export const backends = (names: BackendDeps['names'] = ['cpu']): BackendDeps => ({
  names,
  start: (name) => {
    if (name === 'wasm') registerWasmKernels(); // as the worker's configureWasm does
    return startBackend(name);
  },
  measure: (spec, batchSize, optimizer, shouldStop) => measureTrainingRate(spec, batchSize, optimizer, { budgetMs: 50, shouldStop }),
});

export const train = (runId: number, config: Partial<TrainConfig> = {}, spec = TINY_SPEC): Command => ({
  type: 'train',
  request: {
    runId, dataset: 'mnist', trainSize: 'all', spec,
    config: { epochs: 1, batchSize: 32, optimizer: optimizerConfig('adam', { learningRate: 0.01 }), validationSplit: 0.1, seed: 1, earlyStopping: null, ...config },
  } satisfies TrainRequest,
});
/** Enough epochs that a run is certain to be still training when the next command comes. */
export const LONG = { epochs: 50 };

export const inspect = (requestId: number, input: InspectRequest['input']): Command => ({
  type: 'inspect',
  request: { requestId, input, spec: TINY_SPEC, want: { activations: true, filters: false } },
});

export type Event<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

/** Matches events of `type` that also pass `where`. */
export function is<T extends WorkerEvent['type']>(type: T, where: (e: Event<T>) => boolean = () => true) {
  return (e: WorkerEvent): e is Event<T> => e.type === type && where(e as Event<T>);
}

export const runIdOf = (e: WorkerEvent) => ('runId' in e ? e.runId : undefined);

/** A session whose `post` records every event, on the cpu backend and the MNIST sample unless `deps` say otherwise. */
export class Recorder {
  readonly events: WorkerEvent[] = [];
  readonly session: TrainingSession;
  private readonly listeners = new Set<() => void>();

  constructor(deps: SessionDeps = {}) {
    this.session = new TrainingSession((e) => {
      this.events.push(e);
      for (const listener of [...this.listeners]) listener();
    }, { backends: backends(), loadDataset: sample, measureQuietMs: 0, ...deps });
  }

  send(cmd: Command): void {
    this.session.handle(cmd);
  }

  all<E extends WorkerEvent>(match: (e: WorkerEvent) => e is E): E[] {
    return this.events.filter(match);
  }

  /**
   * The first event at or after position `from` that matches: at once when it
   * has been posted, else as soon as it is. Checked on every post (not on a
   * timer), so that a test can act before the session's next training step.
   */
  waitFor<E extends WorkerEvent>(match: (e: WorkerEvent) => e is E, from = 0, timeoutMs = 20_000): Promise<E> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.slice(from).find(match);
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`No matching event in ${timeoutMs} ms; posted: ${this.events.map((e) => e.type).join(', ')}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }
}

export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export const sum = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
