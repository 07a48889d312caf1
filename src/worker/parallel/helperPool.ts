import type { ModelSpec } from '../../model/types';
import { WorkerPeer, type HelperPort } from './workerPeer';

/**
 * Cores trained on at most: beyond this, shares of the batch sizes used here
 * get too small to keep XNNPACK busy, and each helper holds a copy of the
 * network and a wasm heap.
 */
export const MAX_CORES = 8;

/**
 * The helper workers, kept between runs (starting one costs its wasm
 * compilation): as many as a run asks for, each with the run's network
 * built. A helper that failed is replaced by a new one at the next run.
 */
export class HelperPool {
  private readonly helpers: { peer: WorkerPeer; spec: string | null }[] = [];

  constructor(private readonly spawn: () => HelperPort) {}

  /**
   * `count` helpers with `spec` built, or fewer when some could not start
   * (`onFailed` hears why, once per helper).
   */
  async peersFor(spec: ModelSpec, count: number, onFailed: (why: string) => void = () => {}): Promise<WorkerPeer[]> {
    for (let i = this.helpers.length - 1; i >= 0; i--) if (this.helpers[i].peer.failed) this.helpers.splice(i, 1);
    while (this.helpers.length < count) {
      let port: HelperPort;
      try {
        port = this.spawn();
      } catch (e) {
        // No workers inside workers here (an old browser): as many as there are.
        onFailed(e instanceof Error ? e.message : String(e));
        break;
      }
      this.helpers.push({ peer: new WorkerPeer(port), spec: null });
    }
    const key = JSON.stringify(spec);
    const chosen = this.helpers.slice(0, count);
    await Promise.all(chosen.map(async (h) => {
      if (h.spec === key) return;
      try {
        await h.peer.prepare(spec);
        h.spec = key;
      } catch (e) {
        onFailed(e instanceof Error ? e.message : String(e));
      }
    }));
    return chosen.filter((h) => !h.peer.failed && h.spec === key).map((h) => h.peer);
  }

  /** Makes the first live helper end itself without a word, as a worker killed for memory does (fault injection); false when there is none. */
  crashOne(): boolean {
    const h = this.helpers.find((x) => !x.peer.failed);
    h?.peer.crash();
    return !!h;
  }

  /** Ends every helper (their wasm heaps are freed with them). */
  terminate(): void {
    for (const h of this.helpers) h.peer.terminate();
    this.helpers.length = 0;
  }
}
