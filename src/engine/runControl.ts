/**
 * Pause / resume / stop and a new learning rate for a training loop that checks
 * in between batches. Plain state, no tfjs: the loop awaits `checkpoint()`
 * before every step.
 */
export class RunControl {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;
  private pendingLearningRate: number | null = null;

  get isPaused(): boolean {
    return this.paused;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  pause(): void {
    if (!this.stopped) this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.release();
  }

  stop(): void {
    this.stopped = true;
    this.paused = false;
    this.release();
  }

  /** Asks for `lr` from the next batch on; the last request before that batch wins. */
  setLearningRate(lr: number): void {
    this.pendingLearningRate = lr;
  }

  /** The learning rate asked for since the last call, or null; the loop applies it. */
  takeLearningRate(): number | null {
    const lr = this.pendingLearningRate;
    this.pendingLearningRate = null;
    return lr;
  }

  /**
   * Resolves at once unless paused; while paused, resolves on resume or stop.
   * Returns true when the loop should stop.
   */
  async checkpoint(onPause?: () => void): Promise<boolean> {
    if (this.paused && !this.stopped) {
      onPause?.();
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
    return this.stopped;
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
