import type { BatchReport } from '../../engine/trainModel';
import type { WorkerEvent } from '../../protocol';

type BatchMetrics = Extract<WorkerEvent, { type: 'batchMetrics' }>;

/**
 * Collects per-batch metrics and hands them out as one message at most every
 * `intervalMs`, so a fast GPU does not flood the page with hundreds of
 * messages a second. Each flush gets fresh arrays, safe to transfer.
 */
export class MetricsBuffer {
  private x: number[] = [];
  private loss: number[] = [];
  private accuracy: number[] = [];
  private last: BatchReport | null = null;
  private lastFlush = -Infinity;

  constructor(
    private readonly runId: number,
    private readonly intervalMs = 100,
  ) {}

  /** Adds a batch; returns a message when one is due. */
  add(r: BatchReport, now: number): BatchMetrics | null {
    this.x.push(r.epoch + (r.batch + 1) / r.batchesPerEpoch);
    this.loss.push(r.loss);
    this.accuracy.push(r.accuracy);
    this.last = r;
    return now - this.lastFlush >= this.intervalMs ? this.flush(now) : null;
  }

  /** Everything pending as one message, or null when nothing is. */
  flush(now: number): BatchMetrics | null {
    const r = this.last;
    if (!r || this.x.length === 0) return null;
    const msg: BatchMetrics = {
      type: 'batchMetrics',
      runId: this.runId,
      x: Float64Array.from(this.x),
      loss: Float32Array.from(this.loss),
      accuracy: Float32Array.from(this.accuracy),
      epoch: r.epoch,
      examplesPerSec: r.examplesPerSec,
      elapsedMs: r.elapsedMs,
      etaMs: r.etaMs,
    };
    this.x = [];
    this.loss = [];
    this.accuracy = [];
    this.lastFlush = now;
    return msg;
  }
}
