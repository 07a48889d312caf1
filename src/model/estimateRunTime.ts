/**
 * How long a run will take, from a measured training rate. Pure: the setup
 * panel shows it before Train, and suggests a smaller training set when the
 * run would be long.
 */

/** What a run processes. */
export interface RunPlan {
  /** Images trained on per epoch, and held out for validation after each epoch. */
  trainImages: number;
  valImages: number;
  epochs: number;
  /** Images of the test-set evaluation at the end. */
  testImages: number;
}

/**
 * What a forward-only pass (validation, test) costs per image, as a share of
 * a training step's: the backward pass costs about twice the forward one.
 */
export const FORWARD_SHARE = 1 / 3;

/** Runs longer than this get a suggestion to train on fewer images. */
export const LONG_RUN_SECONDS = 30 * 60;

/** Seconds the run takes at `imagesPerSec` training images per second. */
export function estimateRunSeconds(plan: RunPlan, imagesPerSec: number): number {
  if (!(imagesPerSec > 0)) return Infinity;
  const trained = plan.trainImages * plan.epochs;
  const evaluated = plan.valImages * plan.epochs + plan.testImages;
  return (trained + FORWARD_SHARE * evaluated) / imagesPerSec;
}

/**
 * A rate measured on one network, carried over to another: a step's cost grows
 * with the multiply-adds of its forward pass. Unchanged when either count is unknown (0).
 */
export function scaleRate(imagesPerSec: number, measuredMultiplyAdds: number, multiplyAdds: number): number {
  return measuredMultiplyAdds > 0 && multiplyAdds > 0 ? (imagesPerSec * measuredMultiplyAdds) / multiplyAdds : imagesPerSec;
}

/**
 * The largest of `sizes` (training-set sizes, whole images before the
 * validation split) whose run fits in `limitSeconds`, or null when none does.
 * `valShare` is the validation fraction of each size.
 */
export function largestSizeWithin(
  sizes: readonly number[],
  plan: Pick<RunPlan, 'epochs' | 'testImages'> & { valShare: number },
  imagesPerSec: number,
  limitSeconds: number,
): number | null {
  const fits = sizes.filter((n) => {
    const valImages = Math.round(n * plan.valShare);
    return estimateRunSeconds({ trainImages: n - valImages, valImages, epochs: plan.epochs, testImages: plan.testImages }, imagesPerSec) <= limitSeconds;
  });
  return fits.length ? Math.max(...fits) : null;
}
