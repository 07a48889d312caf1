import type { SavedRun, TrainRequest } from '../../protocol';

/**
 * The request that continues saved run `run`: its network, data and settings
 * at the learning rate it ended on, for `req.config.epochs` more epochs
 * (`config.epochs` becomes the total). Besides, only the images that travel
 * with `req` are read: the user's classes, or the handwriting to fine-tune on.
 */
export function continuation(req: TrainRequest, run: SavedRun): TrainRequest {
  const { config } = run.setup;
  const learningRate = endLearningRate(run);
  return {
    runId: req.runId, dataset: run.setup.dataset, trainSize: run.setup.trainSize, spec: run.setup.spec,
    config: { ...config, epochs: run.epochs.length + req.config.epochs, optimizer: { ...config.optimizer, learningRate } },
    ...(req.own ? { own: req.own } : {}),
    ...(req.mix ? { mix: req.mix } : {}),
  };
}

/** The learning rate saved run `run` ended on: its last change, else the one it started with. */
export function endLearningRate(run: Pick<SavedRun, 'learningRateChanges' | 'setup'>): number {
  return run.learningRateChanges.at(-1)?.learningRate ?? run.setup.config.optimizer.learningRate;
}
