import { classifierOf } from '../model/classifierOf';
import { mulberry32 } from '../data/random';
import type { ModelSpec, OptimizerConfig } from '../model/types';
import { buildModel } from './buildModel';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { trainStep, type Batch } from './trainStep';

export interface MeasureOptions {
  /** Time for the steps after the first warm-up; a step once started is never cut short. */
  budgetMs: number;
  now?: () => number;
  /** Checked before every step: true ends the measurement with what it has (WebGL compiles anew for every batch size). */
  shouldStop?: () => boolean;
}

/**
 * Training images per second of `spec` at `batchSize` on the backend in use,
 * from real optimizer steps of a throwaway model on random images. Batches
 * grow from 1 image through 4 to the real batch size: each size is stepped
 * once untimed (WebGL compiles its shaders per shape; wasm creates its
 * XNNPACK operators on first use), then timed once, and a size is tried only
 * while its two steps fit in what is left of the budget (4 images always, unless
 * one image took over a quarter of the budget). A step's time is
 * about fixed + per-image: when the real batch does not fit, its rate is
 * extrapolated from the two largest sizes timed (from one, it is taken as
 * all per-image: a lower bound). So a slow backend answers after two 1-image
 * steps, and a fast one is timed at the real batch size (a GPU runs small
 * batches far below its rate). NaN when `shouldStop` ended it before any
 * timed step. Leaves no tensor behind.
 */
export async function measureTrainingRate(spec: ModelSpec, batchSize: number, optimizer: OptimizerConfig, opts: MeasureOptions): Promise<number> {
  const now = opts.now ?? (() => performance.now());
  const built = buildModel(spec, 0);
  const opt = createOptimizer(optimizer);
  const classes = classifierOf(spec)?.units ?? 10;
  const rand = mulberry32(1);
  const pixels = spec.inputShape[0] * spec.inputShape[1] * spec.inputShape[2];
  const batchOf = (n: number): Batch => ({
    n,
    x: Float32Array.from({ length: n * pixels }, () => rand()),
    y: Int32Array.from({ length: n }, () => Math.floor(rand() * classes)),
  });
  const stopped = opts.shouldStop ?? (() => false);
  /**
   * Milliseconds of a step of `n` images, after one untimed: the faster of two
   * timed steps when they are quick (work interleaved in the worker, such as a
   * prediction, lands in one of them), else the one. NaN when stopped first.
   */
  const timeStep = async (n: number): Promise<number> => {
    const batch = batchOf(n);
    let best = NaN;
    for (let i = 0; i < 3; i++) {
      if (stopped()) return best;
      const t0 = now();
      const out = trainStep(built, opt, batch, spec.inputShape);
      await out.data();
      out.dispose();
      const ms = Math.max(now() - t0, 1e-3);
      if (i === 0) continue;
      best = Number.isNaN(best) ? ms : Math.min(best, ms);
      if (ms > opts.budgetMs / 8) break;
    }
    return best;
  };
  try {
    const first = await timeStep(1);
    if (Number.isNaN(first)) return NaN;
    const timed: [number, number][] = [[1, first]];
    const start = now();
    for (const n of [...new Set([Math.min(4, batchSize), batchSize])].filter((n) => n > 1)) {
      // A second size is always timed on a backend that is not slow: from one size the
      // extrapolation counts all of a step as per-image, which on wasm (mostly fixed
      // cost at 1 image) understates the rate tenfold, and more on a loaded machine.
      const secondSize = timed.length === 1 && timed[0][1] <= opts.budgetMs / 4;
      if (!secondSize && now() - start + 2 * predictStepMs(timed, n) > opts.budgetMs) break;
      const ms = await timeStep(n);
      if (Number.isNaN(ms)) break;
      timed.push([n, ms]);
    }
    return (batchSize * 1000) / predictStepMs(timed, batchSize);
  } finally {
    disposeOptimizer(opt);
    built.model.dispose();
  }
}

/**
 * A step's milliseconds for `n` images, from timed steps [images, ms] in
 * increasing size: the time of `n` itself when timed, else a line through the
 * last two (never below the last), else per-image from the only one.
 */
export function predictStepMs(timed: readonly (readonly [number, number])[], n: number): number {
  const exact = timed.find(([m]) => m === n);
  if (exact) return exact[1];
  const [nb, tb] = timed[timed.length - 1];
  if (timed.length < 2) return (tb * n) / nb;
  const [na, ta] = timed[timed.length - 2];
  const perImage = Math.max(0, (tb - ta) / (nb - na));
  return Math.max(tb, tb + perImage * (n - nb));
}
