import type { TrainRequest } from '../../protocol';
import { SessionError } from '../sessionError';
import { finishRun } from './finishRun';
import { installRun, planRun, type PreparedRun } from './prepareRun';
import type { RunDeps } from './runDeps';
import { trainRun } from './trainRun';
import { message } from '../../model/message';

/** A run asked for that has not started training yet; Stop or a newer Train cancels it. */
interface Ticket {
  cancelled: boolean;
}

export interface RunQueueDeps extends RunDeps {
  /** Reports a failure: `endsRun` also sets the status to 'error'. */
  fail(e: unknown, endsRun?: boolean): void;
  /** A run ended or was cancelled: work held back while runs are busy (a backend measurement) may start. */
  idle(): void;
}

/**
 * Run control: Train, Pause, Resume, Stop and learning-rate changes. Runs are
 * queued so that two never overlap, and anything else that replaces the
 * model (opening a saved run, an upload) waits in the same queue.
 */
export class RunQueue {
  private queue: Promise<void> = Promise.resolve();
  /**
   * Runs asked for that have not started training: queued behind the run
   * before them, or waiting for the backend and their data. Stop, or a newer
   * Train, cancels them before they replace the model.
   */
  private readonly waiting = new Set<Ticket>();
  /** True from the moment a run replaces the model until it has ended. */
  private running = false;

  constructor(private readonly deps: RunQueueDeps) {}

  /** True while a run trains. */
  get training(): boolean {
    return this.running;
  }

  /** True while a run trains or waits to start: nothing may change the backend under it. */
  get busy(): boolean {
    return this.running || this.waiting.size > 0;
  }

  /** A new Train ends the run in progress and any still waiting, then queues this one. */
  train(req: TrainRequest): void {
    this.stop();
    const ticket: Ticket = { cancelled: false };
    this.waiting.add(ticket);
    this.queue = this.queue
      .then(() => this.run(req, ticket))
      .catch((e) => this.deps.fail(e))
      .finally(() => {
        this.waiting.delete(ticket);
        this.deps.idle();
      });
  }

  pause(): void {
    this.deps.slot.current?.control.pause();
  }

  resume(): void {
    this.deps.slot.current?.control.resume();
  }

  /** Stops the run in progress (its test evaluation too) and cancels every run still waiting to start. */
  stop(): void {
    for (const ticket of this.waiting) ticket.cancelled = true;
    this.deps.slot.current?.control.stop();
  }

  /** Changes the learning rate of run `runId` from its next batch on (a run that has ended is left alone). */
  async setLearningRate(runId: number, learningRate: number): Promise<void> {
    if (!(learningRate > 0) || !Number.isFinite(learningRate)) {
      throw new SessionError('invalid-request', message('errors:request.learningRate', { value: String(learningRate) }));
    }
    const current = this.deps.slot.current;
    if (current?.runId === runId) current.control.setLearningRate(learningRate);
  }

  /**
   * Replaces the model between runs: waits for any run in progress or queued
   * to end (Stop first when the page wants it gone), on the same queue as
   * Train. When `f` fails, the model there is kept and takes the number the
   * page gave the new one (`runId`), so that the page and the worker agree;
   * the failure is the returned promise's.
   */
  afterRuns(f: () => Promise<void>, runId: number): Promise<void> {
    const done = this.queue
      .then(() => this.deps.slot.current?.finished)
      .then(f)
      .catch((e) => {
        this.deps.slot.renumber(runId);
        throw e;
      });
    this.queue = done.catch(() => undefined);
    return done;
  }

  /**
   * One queued run from start to end. A failure propagates to the queue, which
   * reports it; the model's `finished` resolves however the run ends.
   */
  private async run(req: TrainRequest, ticket: Ticket): Promise<void> {
    const { post, saved } = this.deps;
    await this.deps.slot.current?.finished;
    let finish = () => {};
    let run: PreparedRun | null;
    try {
      run = await this.prepare(req, ticket, new Promise((r) => (finish = r)));
    } catch (e) {
      // The model there stays, under the number the page now expects.
      this.deps.slot.renumber(req.runId);
      this.running = false;
      throw e;
    }
    if (!run) {
      post({ type: 'runEnded', runId: req.runId, outcome: 'stopped', epochsCompleted: 0, message: message('train:outcome.stoppedBeforeStart') });
      post({ type: 'status', status: 'stopped' });
      return;
    }
    try {
      const outcome = await trainRun(run, this.deps);
      await finishRun(run, outcome, this.deps);
    } catch (e) {
      // A run that fails (no backend left, a lost one during the test evaluation) still closes its record.
      await saved.close(null, `Failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    } finally {
      this.running = false;
      finish();
    }
  }

  /**
   * Checks the request, waits for the backend and the data, then replaces the
   * model with a fresh one of the request's network. Null when the run was
   * cancelled before it could start: the previous model is then left as it was.
   */
  private async prepare(req: TrainRequest, ticket: Ticket, finished: Promise<void>): Promise<PreparedRun | null> {
    const { post, backends, datasets, slot, saved } = this.deps;
    const plan = await planRun(req, saved);
    if (ticket.cancelled) return null;
    post({ type: 'status', status: 'loading' });
    backends.interrupt(); // a measurement in progress gives way: Train should not wait for every backend's
    await backends.settled();
    const data = plan.own ?? (await datasets.get(plan.req.dataset));
    await slot.release(); // no snapshot may still be reading the model about to go
    this.waiting.delete(ticket); // from here on, Stop reaches the run through its control
    if (ticket.cancelled) return null;
    this.running = true;
    return installRun(plan, data.train, finished, this.deps);
  }
}
