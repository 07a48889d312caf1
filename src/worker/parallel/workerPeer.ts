import type { GradientPeer, ShareRequest, ShareResult } from '../../engine/parallel/gradientPeer';
import type { ModelSpec } from '../../model/types';
import type { HelperCommand, HelperReply } from './helperMessages';

/** What a peer needs of a Worker: lets tests stand in for one. */
export interface HelperPort {
  postMessage(message: HelperCommand, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<HelperReply>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  terminate(): void;
}

/**
 * A helper that stays silent this long is gone: a worker killed for memory
 * (or closed) sends nothing, not even an error. Building the network and the
 * first share (wasm compiling) get the first limit; later shares get ten times
 * the slowest answer so far, at least the second: a share takes tens of ms here.
 */
export const HELPER_TIMEOUTS_MS = { first: 30_000, least: 3_000 };

/**
 * A helper worker as a GradientPeer: each request posted with an id, its
 * arrays transferred, answered by id. Once the helper fails (an error
 * event, a failed answer, silence past the timeout) every pending and later
 * request rejects with the reason, and the worker is terminated.
 */
export class WorkerPeer implements GradientPeer {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: HelperReply) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private failure: Error | null = null;
  /** The slowest answer so far, in ms (null before the first). */
  private slowest: number | null = null;

  constructor(private readonly port: HelperPort, private readonly timeouts = HELPER_TIMEOUTS_MS) {
    port.onmessage = (e) => this.answered(e.data);
    port.onerror = (e) => {
      e.preventDefault?.();
      this.fail(new Error(`a training helper stopped: ${e.message || 'its worker failed'}`));
    };
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  async prepare(spec: ModelSpec): Promise<void> {
    await this.request({ type: 'prepare', id: this.nextId++, spec }, []);
  }

  async compute(request: ShareRequest): Promise<ShareResult> {
    const transfer = [...request.weights.map((w) => w.buffer), request.batch.x.buffer, request.batch.y.buffer];
    const reply = await this.request({ type: 'share', id: this.nextId++, ...request }, transfer);
    if (reply.type !== 'shared') throw new Error(`a training helper answered ${reply.type} to a share`);
    const { type: _type, id: _id, ...result } = reply;
    return result;
  }

  /** Fault injection: asks the helper to end itself silently (see HelperCommand 'crash'). */
  crash(): void {
    if (!this.failure) this.port.postMessage({ type: 'crash', id: this.nextId++ }, []);
  }

  /** Ends the helper: whatever it was asked rejects. */
  terminate(why = 'the training helper was stopped'): void {
    this.fail(new Error(why));
  }

  private request(cmd: HelperCommand, transfer: Transferable[]): Promise<HelperReply> {
    if (this.failure) return Promise.reject(this.failure);
    const limit = this.slowest === null ? this.timeouts.first : Math.max(this.timeouts.least, 10 * this.slowest);
    const sent = performance.now();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.fail(new Error(`a training helper did not answer within ${limit / 1000} s`)), limit);
      this.pending.set(cmd.id, {
        resolve: (r) => {
          if (cmd.type === 'share') this.slowest = Math.max(this.slowest ?? 0, performance.now() - sent);
          resolve(r);
        },
        reject,
        timer,
      });
      this.port.postMessage(cmd, transfer);
    });
  }

  private answered(reply: HelperReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    clearTimeout(p.timer);
    if (reply.type === 'failed') {
      // A helper that cannot compute a share will not compute the next: stop using it.
      this.fail(new Error(`a training helper failed: ${reply.message}`));
      p.reject(this.failure as Error);
    } else {
      p.resolve(reply);
    }
  }

  private fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.port.terminate();
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.pending.clear();
  }
}
