import { loseWebglContext } from '../../engine/backendHealth';
import type { BackendChoice } from '../../model/backends';
import type { Command } from '../../protocol';
import { SessionError } from '../sessionError';
import type { BackendManager } from './backendManager';
import { QuietMeasurement, type MeasureRequest } from './quietMeasurement';
import { message } from '../../model/message';

/**
 * The backend commands: measuring every backend (held back until the page is
 * quiet and no run needs the backend), choosing one, and fault injection.
 * Starts the first backend as soon as it is made.
 */
export class BackendCommands {
  private readonly measurement: QuietMeasurement;

  constructor(
    private readonly backends: BackendManager,
    /** True while a run trains or waits to start: measuring or choosing would swap backends under it. */
    private readonly busy: () => boolean,
    /** Reports a failure; `endsRun` also sets the status to 'error'. */
    fail: (e: unknown, endsRun?: boolean) => void,
    quietMs: number,
  ) {
    this.measurement = new QuietMeasurement({
      measure: (r) => backends.measure(r.spec, r.batchSize, r.optimizer),
      finishMeasuring: () => backends.finishMeasuring(),
      busy,
      fail: (e) => fail(e, false),
      quietMs,
    });
    // No backend at all leaves nothing to train on: that is the page's error status.
    backends.start().catch((e) => fail(e));
  }

  /** Any command but a measurement restarts the quiet period a held-back measurement waits for. */
  heard(cmd: Command): void {
    if (cmd.type !== 'measureBackends') this.measurement.touched();
  }

  /** A run ended or was cancelled: a measurement held back for it may start. */
  idle(): void {
    this.measurement.idle();
  }

  /** Measuring swaps backends under a training model: a run's request waits for its end, and any request for the page to be quiet. */
  measure(req: MeasureRequest): void {
    this.measurement.request(req);
  }

  async choose(choice: BackendChoice): Promise<void> {
    if (this.busy()) {
      throw new SessionError('backend-choice', message('errors:backend.betweenRuns', { backend: this.backends.current?.name ?? 'none' }));
    }
    await this.backends.choose(choice);
  }

  /** Loses the WebGL context as a crashed GPU driver would ('crashWorker' is the worker entry's). */
  async injectFault(fault: Extract<Command, { type: 'injectFault' }>['fault']): Promise<void> {
    if (fault !== 'loseWebglContext') return;
    if (!loseWebglContext()) {
      throw new SessionError('invalid-request', message('errors:backend.noContextToLose', { backend: this.backends.current?.name ?? 'no backend' }));
    }
  }
}
