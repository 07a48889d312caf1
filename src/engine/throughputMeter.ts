/**
 * Examples per second over a sliding window, elapsed time that excludes
 * pauses, and an ETA. Pure: time comes in as arguments (milliseconds).
 */
export class ThroughputMeter {
  private samples: { t: number; n: number }[] = [];
  private activeMs = 0;
  private lastT: number | null = null;
  private total = 0;

  constructor(private readonly windowMs = 3000) {}

  /** Call when (re)starting after a pause so the pause is not counted. */
  start(now: number): void {
    this.lastT = now;
    this.samples = [{ t: now, n: this.total }];
  }

  /** Records `examples` more examples processed at time `now`. */
  add(examples: number, now: number): void {
    if (this.lastT === null) this.start(now);
    this.activeMs += now - (this.lastT as number);
    this.lastT = now;
    this.total += examples;
    this.samples.push({ t: now, n: this.total });
    while (this.samples.length > 2 && now - this.samples[1].t > this.windowMs) this.samples.shift();
  }

  /** Stops the active-time clock (pause). */
  halt(): void {
    this.lastT = null;
  }

  get elapsedMs(): number {
    return this.activeMs;
  }

  get examples(): number {
    return this.total;
  }

  /** Examples per second in the recent window; 0 until two samples exist. */
  get rate(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last || last.t <= first.t) return 0;
    return ((last.n - first.n) * 1000) / (last.t - first.t);
  }

  /** Milliseconds left for `remainingExamples`, or null while the rate is unknown. */
  etaMs(remainingExamples: number): number | null {
    const r = this.rate;
    return r > 0 ? (remainingExamples / r) * 1000 : null;
  }
}
