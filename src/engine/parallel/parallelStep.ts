import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from '../buildModel';
import { trainStepStats, type Batch, type StepStats } from '../trainStep';
import { copyValues } from './copyValues';
import type { GradientPeer, ShareResult } from './gradientPeer';
import { balanceShares } from './balanceShares';
import { shareBatch } from './shareBatch';
import { readShare, shareGradients, type ShareTensors } from './shareGradients';

/** Shares smaller than this cost more to send than they save: a small batch uses fewer peers. */
export const MIN_SHARE = 8;

/** How much one share's timing moves a worker's pace (a moving average's weight). */
const PACE_WEIGHT = 0.25;

/**
 * One optimizer step computed by this worker and its peers together
 * (data parallelism): the batch is cut into shares, each peer computes the
 * gradient of its share's mean loss with the current weights while this
 * worker computes the first share's, and the gradients are added, each
 * weighted by its share of the images, into the gradient of the whole
 * batch's mean loss. One optimizer step applies it here, where the weights
 * and the optimizer's state live; the next step sends the new weights.
 *
 * The shares follow each worker's pace (balanceShares), so that none waits
 * on a slower one. The sum runs in share order, so the same batch gives the
 * same step (within float rounding) on any number of workers and any split.
 * Dropout draws its masks in each worker, and BatchNormalization normalizes
 * each share by its own statistics (as Keras does on several GPUs); its
 * moving statistics end as the weighted mean of the shares'.
 *
 * A peer that fails is dropped (`onPeerLost`) and its share computed here:
 * the step completes, on fewer cores from then on.
 *
 * The workers allowed are read at every step: fewer take effect at once;
 * more, once `more` has started the peers (the steps go on meanwhile).
 */
export class ParallelStep {
  private peers: GradientPeer[];
  /** Each worker's ms per image (null: this one), which shares the next batch. */
  private readonly msPerImage = new Map<GradientPeer | null, number>();
  /** The workers allowed at the last step, and peers being started for more. */
  private lastAllowed: number;
  private growing: Promise<void> | null = null;

  constructor(
    peers: readonly GradientPeer[],
    private readonly onPeerLost: (why: string, left: number) => void = () => {},
    /** Workers allowed from now on (the cores setting): read at every step. */
    private readonly allowed: () => number = () => Infinity,
    /** Peers for `count` helpers (those already here among them), when more are allowed mid-run. */
    private readonly more: ((count: number) => Promise<GradientPeer[]>) | null = null,
  ) {
    this.peers = [...peers];
    this.lastAllowed = allowed();
  }

  /** Workers computing each step: this one and its live peers, as many as are allowed. */
  get workers(): number {
    return Math.max(1, Math.min(1 + this.peers.length, this.allowed()));
  }

  async step(built: BuiltModel, optimizer: tf.Optimizer, batch: Batch, imageShape: readonly [number, number, number]): Promise<StepStats> {
    this.growIfAllowed();
    const helpers = this.peers.slice(0, Math.max(0, Math.min(this.workers, Math.floor(batch.n / MIN_SHARE)) - 1));
    if (helpers.length === 0) return trainStepStats(built, optimizer, batch, imageShape);
    const shares = shareBatch(batch, balanceShares(batch.n, [this.pace(null), ...helpers.map((h) => this.pace(h))]));
    const weights = copyValues(built.model.getWeights());
    const answers = helpers.slice(0, shares.length - 1).map((peer, i) =>
      peer.compute({ weights: i === 0 ? weights : weights.map((w) => w.slice()), batch: shares[i + 1], imageShape }).then(
        (r): ShareResult | null => {
          this.timed(peer, r.ms, shares[i + 1].n);
          return r;
        },
        (e: unknown) => {
          this.drop(peer, e);
          return null;
        },
      ),
    );
    // This worker's share, computed while the peers compute theirs (synchronously: wasm's kernels are).
    const start = performance.now();
    const own = shareGradients(built, shares[0], imageShape);
    this.timed(null, performance.now() - start, shares[0].n);
    try {
      const results = await Promise.all(answers);
      // A lost peer's share, computed here from the weights it was sent (this worker's have not moved).
      const fallback = results.map((r, i) => (r ? null : shareGradients(built, shares[i + 1], imageShape)));
      try {
        const parts = results.map((r, i) => r ?? { ...readShare(fallback[i] as ShareTensors, built), ms: 0 });
        return this.apply(built, optimizer, batch.n, shares, own, parts);
      } finally {
        for (const f of fallback) if (f) tf.dispose([...f.grads, f.loss, f.correct]);
      }
    } finally {
      tf.dispose([...own.grads, own.loss, own.correct]);
    }
  }

  private apply(
    built: BuiltModel, optimizer: tf.Optimizer, n: number, shares: Batch[],
    own: ShareTensors, parts: ShareResult[],
  ): StepStats {
    const vars = built.model.trainableWeights.map((w) => w.read() as tf.Variable);
    const share = shares.map((s) => s.n / n);
    const [ownLoss, ownCorrect] = copyValues([own.loss, own.correct]).map((v) => v[0]);
    tf.tidy(() => {
      const named: tf.NamedTensorMap = {};
      vars.forEach((v, j) => {
        let sum = own.grads[j].mul(share[0]);
        parts.forEach((p, i) => (sum = sum.add(tf.tensor(p.grads[j], v.shape).mul(share[i + 1]))));
        named[v.name] = sum;
      });
      optimizer.applyGradients(named);
    });
    if (parts.length > 0) averageState(built, share, parts);
    return {
      loss: ownLoss * share[0] + parts.reduce((a, p, i) => a + p.loss * share[i + 1], 0),
      correct: ownCorrect + parts.reduce((a, p) => a + p.correct, 0),
    };
  }

  /** Starts peers for the workers allowed beyond those here, once each time the setting rises. */
  private growIfAllowed(): void {
    const allowed = this.allowed();
    const rose = allowed > this.lastAllowed;
    this.lastAllowed = allowed;
    if (!rose || !this.more || this.growing || 1 + this.peers.length >= allowed) return;
    this.growing = this.more(allowed - 1)
      .then((peers) => {
        for (const p of peers) if (!this.peers.includes(p)) this.peers.push(p);
      })
      .catch(() => {}) // fewer peers: the steps go on with those here
      .finally(() => (this.growing = null));
  }

  /** ms per image of a worker (null: this one) over its last shares; NaN before its first. */
  private pace(worker: GradientPeer | null): number {
    return this.msPerImage.get(worker) ?? NaN;
  }

  private timed(worker: GradientPeer | null, ms: number, images: number): void {
    const now = ms / images;
    const before = this.msPerImage.get(worker);
    // A moving average: one slow share (a page redrawing, a GC) moves the split a little.
    this.msPerImage.set(worker, before === undefined ? now : before + PACE_WEIGHT * (now - before));
  }

  private drop(peer: GradientPeer, e: unknown): void {
    const at = this.peers.indexOf(peer);
    if (at < 0) return;
    this.peers.splice(at, 1);
    this.onPeerLost(e instanceof Error ? e.message : String(e), this.workers);
  }
}

/** Moving statistics: the shares' values, weighted as their gradients are (this worker's are already in the model). */
function averageState(built: BuiltModel, share: number[], parts: ShareResult[]): void {
  tf.tidy(() => {
    built.model.nonTrainableWeights.forEach((w, j) => {
      let sum = w.read().mul(share[0]);
      parts.forEach((p, i) => (sum = sum.add(tf.tensor(p.state[j], w.shape as number[]).mul(share[i + 1]))));
      w.write(sum);
    });
  });
}
