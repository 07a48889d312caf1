/**
 * Pause / resume / stop for a training loop that checks in between batches.
 * Plain state, no tfjs: the loop awaits `checkpoint()` after every step.
 */
export class RunControl {
  private paused = false;
  private stopped = false;
  private wake: (() => void) | null = null;

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
