import type { ModelSpec, OptimizerConfig } from '../../model/types';

/** What a measurement is of: the network about to train, its batch size and optimizer. */
export interface MeasureRequest {
  spec: ModelSpec;
  batchSize: number;
  optimizer: OptimizerConfig;
}

export interface QuietMeasurementDeps {
  /** Measures every backend on the request (BackendManager.measure). */
  measure(req: MeasureRequest): Promise<void>;
  /** Measures what a run cut short, if anything (BackendManager.finishMeasuring). */
  finishMeasuring(): Promise<void>;
  /** True while a run trains or waits to start: measuring swaps backends under it. */
  busy(): boolean;
  /** Reports a measurement's failure (it ends no run). */
  fail(e: unknown): void;
  /** How long the page must have sent nothing before a measurement starts. */
  quietMs: number;
}

/**
 * Holds back the measurement of the backends until it cannot get in anyone's
 * way: measuring costs seconds of CPU (software WebGL compiles its shaders),
 * so it waits until the page has been quiet for `quietMs` and no run is
 * active or waiting. Only the latest request is kept.
 */
export class QuietMeasurement {
  private pending: MeasureRequest | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: QuietMeasurementDeps) {}

  /** A measurement is wanted: it starts after the next quiet period. */
  request(req: MeasureRequest): void {
    this.pending = req;
    this.arm();
  }

  /** The page sent something: a measurement held back waits for quiet again. */
  touched(): void {
    if (this.pending) this.arm();
  }

  /**
   * Runs the measurement held back, once nothing trains or waits to; with
   * none held back, finishes one a run cut short. Called when the quiet period
   * ends and when a run ends.
   */
  idle(): void {
    if (this.deps.busy()) return;
    const req = this.pending;
    this.pending = null;
    (req ? this.deps.measure(req) : this.deps.finishMeasuring()).catch((e) => this.deps.fail(e));
  }

  private arm(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.idle(), this.deps.quietMs);
  }
}
