import type * as tf from '@tensorflow/tfjs';
import type { DatasetId } from '../../data/datasets';
import { buildModel, type BuiltModel } from '../../engine/buildModel';
import { createOptimizer, disposeOptimizer } from '../../engine/createOptimizer';
import { ModelInspector } from '../../engine/inspectModel';
import { writeWeights } from '../../engine/modelWeights';
import { RunControl } from '../../engine/runControl';
import type { ModelSpec, TrainConfig } from '../../model/types';

/** The session's one model: what it is, what trains it, and how far it got. */
export interface CurrentModel {
  /** The page's number for it (a run, an opened or an uploaded model). */
  runId: number;
  spec: ModelSpec;
  config: TrainConfig;
  built: BuiltModel;
  optimizer: tf.Optimizer;
  dataset: DatasetId;
  control: RunControl;
  /** Resolves when the training loop (and its test evaluation) has ended. */
  finished: Promise<void>;
  inspector: ModelInspector;
  /** Training progress in epochs (fractional); 0 until the first step. */
  at: number;
  /** The learning rate in use (it can change mid-run). */
  learningRate: number;
  /** True when the weights came trained (an opened or uploaded run), before any step here. */
  trained: boolean;
}

/**
 * A model of `spec` (on the backend in use) holding `weights` when given, with
 * a fresh optimizer at `learningRate`: a run's new model, one opened or uploaded.
 */
export function currentModel(fields: {
  runId: number;
  spec: ModelSpec;
  config: TrainConfig;
  dataset: DatasetId;
  weights: readonly Float32Array[] | null;
  at: number;
  learningRate?: number;
  finished?: Promise<void>;
}): CurrentModel {
  const { spec, config, weights } = fields;
  const built = buildModel(spec, config.seed);
  try {
    if (weights) writeWeights(built, weights);
  } catch (e) {
    built.model.dispose(); // weights of another network: nothing of this model may stay behind
    throw e;
  }
  const learningRate = fields.learningRate ?? config.optimizer.learningRate;
  return {
    runId: fields.runId, spec, config, built, dataset: fields.dataset, at: fields.at, learningRate, trained: weights !== null,
    optimizer: createOptimizer({ ...config.optimizer, learningRate }),
    control: new RunControl(),
    finished: fields.finished ?? Promise.resolve(),
    inspector: new ModelInspector(built),
  };
}

/** Frees a model and its optimizer's state. */
export function disposeCurrentModel(c: CurrentModel): void {
  disposeOptimizer(c.optimizer);
  c.built.model.dispose(); // also frees what `logits` shares; never dispose that view
}
