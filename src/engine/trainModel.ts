import * as tf from '@tensorflow/tfjs';
import type { AugmentConfig } from '../model/augmentConfig';
import { mulberry32, shuffleInPlace } from '../data/random';
import type { EarlyStoppingConfig } from '../model/types';
import type { EpochRow } from '../protocol/engineResults';
import { BatchMaker, type BatchMix } from './batchMaker';
import type { BuiltModel } from './buildModel';
import { setLearningRate } from './createOptimizer';
import { EarlyStopper } from './earlyStopper';
import { evaluateModel } from './evaluateModel';
import type { ImageSet } from './imageSet';
import type { RunControl } from './runControl';
import type { ParallelStep } from './parallel/parallelStep';
import { ThroughputMeter } from './throughputMeter';
import { trainStepStats, type Batch, type StepStats } from './trainStep';
import { yieldToEventLoop } from './yieldToEventLoop';

/**
 * Cross-entropy above this (nats per example) means the network has blown up:
 * chance level for 10 classes is 2.3, and no run that recovers passes 1,000.
 */
export const DIVERGENCE_LOSS = 1000;

export interface BatchReport {
  /** 0-based epoch and batch within it. */
  epoch: number;
  batch: number;
  batchesPerEpoch: number;
  loss: number;
  accuracy: number;
  examplesPerSec: number;
  /** Training time so far, pauses excluded. */
  elapsedMs: number;
  etaMs: number | null;
}

export type TrainOutcome =
  | {
      kind: 'done' | 'stopped' | 'earlyStopped';
      epochsCompleted: number;
      /** With early stopping: the best epoch by its monitor. */
      bestEpoch?: number;
      /** The epoch whose weights early stopping put back at the end (restore_best_weights), if it did. */
      restoredEpoch?: number;
    }
  | { kind: 'diverged'; epochsCompleted: number; loss: number; epoch: number; batch: number };

/** A learning-rate change as the loop applied it. */
export interface LearningRateChange {
  learningRate: number;
  /** 0-based epoch and batch of the first step that uses it. */
  epoch: number;
  batch: number;
}

export interface TrainCallbacks {
  onBatch?: (r: BatchReport) => void;
  onEpoch?: (r: EpochRow) => void;
  /** Called once each time the loop actually stops on a pause. */
  onPaused?: () => void;
  onResumed?: () => void;
  /** Called when a learning rate asked for through RunControl takes effect. */
  onLearningRate?: (c: LearningRateChange) => void;
  /** Awaited before the tensor count at each epoch end, so reads of the model in flight are not counted. */
  settle?: () => Promise<void>;
  /** Awaited after each epoch's report, weights final: where a caller copies them out. */
  afterEpoch?: (epochsCompleted: number) => Promise<void>;
  /** Called before every step; throws when the backend can no longer compute (a lost WebGL context). */
  checkBackend?: () => void;
  /** Each batch as it is about to be trained (augmented, mixed): read it, never keep or change it. */
  onBatchImages?: (b: Batch) => void;
}

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  /** Seeds the per-epoch shuffle. */
  seed: number;
  /**
   * Epochs already done, when a run resumes on another backend from its last
   * finished epoch's weights: training starts at this epoch, with the same
   * shuffles as an unbroken run. Early stopping starts counting afresh.
   */
  startEpoch?: number;
  /** Keras-style early stopping on the validation set; needs a non-empty `valIdx`. */
  earlyStopping?: EarlyStoppingConfig | null;
  /** Random transforms of each training image (never of validation images), drawn per epoch and batch from `seed`. */
  augment?: AugmentConfig | null;
  /** Other images mixed into every batch (the user's drawings); an epoch still passes once over `trainIdx`. */
  mix?: BatchMix | null;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
  /** Steps computed with helper workers on other cores; absent: every step here. */
  parallel?: ParallelStep | null;
}

/**
 * The training loop: shuffles `trainIdx` each epoch, takes one optimizer step per
 * batch, validates on `valIdx` after each epoch, and checks `control` between
 * batches so that pause and stop take effect within one batch.
 *
 * When the loss stops being finite (or explodes past DIVERGENCE_LOSS) it stops
 * and puts back the weights of the last finished epoch (the initial weights if
 * none finished). With early stopping it stops when the monitor has not
 * improved for `patience` epochs and, with restoreBestWeights, ends (early or
 * not) on the best epoch's weights, as Keras 3 does. A learning rate set on
 * `control` applies from the next batch, optimizer state kept. The model and
 * optimizer stay alive for the caller; everything else it creates is disposed.
 */
export async function trainModel(
  built: BuiltModel,
  optimizer: tf.Optimizer,
  data: ImageSet,
  trainIdx: Uint32Array,
  valIdx: Uint32Array,
  settings: TrainSettings,
  control: RunControl,
  callbacks: TrainCallbacks = {},
): Promise<TrainOutcome> {
  const now = settings.now ?? (() => performance.now());
  const batches = new BatchMaker(data, settings);
  const batchesPerEpoch = batches.batchesPerEpoch(trainIdx.length);
  const rand = mulberry32(settings.seed ^ 0x5eed);
  const order = Array.from(trainIdx);
  const startEpoch = settings.startEpoch ?? 0;
  for (let e = 0; e < startEpoch; e++) shuffleInPlace(order, rand);
  const meter = new ThroughputMeter();
  const imageShape = [data.rows, data.cols, 1] as const;
  const step = (b: Batch): Promise<StepStats> =>
    settings.parallel ? settings.parallel.step(built, optimizer, b, imageShape) : trainStepStats(built, optimizer, b, imageShape);
  let lastGood = cloneWeights(built.model);
  let epochsCompleted = startEpoch;
  const totalExamples = (trainIdx.length + batchesPerEpoch * batches.mixPerBatch) * (settings.epochs - startEpoch);
  const es = settings.earlyStopping && valIdx.length > 0 ? settings.earlyStopping : null;
  const stopper = es ? new EarlyStopper(es) : null;
  /** The best epoch's weights, kept only when they are to be restored. */
  let best: tf.Tensor[] | null = null;
  const finishEarlyStopping = (kind: 'done' | 'earlyStopped'): TrainOutcome => {
    if (!stopper) return { kind, epochsCompleted };
    const out: TrainOutcome = { kind, epochsCompleted, bestEpoch: stopper.bestEpoch };
    if (best && stopper.bestEpoch !== epochsCompleted) {
      built.model.setWeights(best);
      out.restoredEpoch = stopper.bestEpoch;
    }
    return out;
  };

  try {
    meter.start(now());
    for (let epoch = startEpoch; epoch < settings.epochs; epoch++) {
      shuffleInPlace(order, rand);
      let lossSum = 0;
      let correctSum = 0;
      let seen = 0;
      for (let batch = 0; batch < batchesPerEpoch; batch++) {
        let pausedHere = false;
        const stop = await control.checkpoint(() => {
          pausedHere = true;
          meter.halt();
          callbacks.onPaused?.();
        });
        if (stop) return { kind: 'stopped', epochsCompleted };
        if (pausedHere) {
          meter.start(now());
          callbacks.onResumed?.();
        }
        const lr = control.takeLearningRate();
        if (lr !== null) {
          setLearningRate(optimizer, lr);
          callbacks.onLearningRate?.({ learningRate: lr, epoch, batch });
        }
        callbacks.checkBackend?.();
        const b = batches.make(order, epoch, batch);
        callbacks.onBatchImages?.(b);
        const { loss, correct } = await step(b);
        if (!Number.isFinite(loss) || loss > DIVERGENCE_LOSS) {
          built.model.setWeights(lastGood);
          return { kind: 'diverged', epochsCompleted, loss, epoch, batch };
        }
        lossSum += loss * b.n;
        correctSum += correct;
        seen += b.n;
        meter.add(b.n, now());
        callbacks.onBatch?.({
          epoch,
          batch,
          batchesPerEpoch,
          loss,
          accuracy: correct / b.n,
          examplesPerSec: meter.rate,
          elapsedMs: meter.elapsedMs,
          etaMs: meter.etaMs(totalExamples - meter.examples),
        });
        await yieldToEventLoop();
      }
      let valLoss = NaN;
      let valAccuracy = NaN;
      let valConfusion: Int32Array | undefined;
      if (valIdx.length > 0) {
        const v = await evaluateModel(built, data, valIdx, { shouldAbort: () => control.isStopped });
        if (!v) return { kind: 'stopped', epochsCompleted };
        valLoss = v.loss;
        valAccuracy = v.accuracy;
        valConfusion = v.confusion;
      }
      epochsCompleted = epoch + 1;
      tf.dispose(lastGood);
      lastGood = cloneWeights(built.model);
      const decision = stopper?.update(epochsCompleted, { valLoss, valAccuracy });
      if (decision?.improved && es?.restoreBestWeights) {
        tf.dispose(best ?? []);
        best = cloneWeights(built.model);
      }
      await callbacks.settle?.();
      callbacks.onEpoch?.({
        epoch: epochsCompleted,
        trainLoss: lossSum / seen,
        trainAccuracy: correctSum / seen,
        valLoss,
        valAccuracy,
        numTensors: tf.memory().numTensors,
        ...(stopper ? { bestEpoch: stopper.bestEpoch } : {}),
        ...(valConfusion ? { valConfusion } : {}),
      });
      await callbacks.afterEpoch?.(epochsCompleted);
      if (decision?.stop) return finishEarlyStopping('earlyStopped');
    }
    return finishEarlyStopping('done');
  } finally {
    tf.dispose(lastGood);
    tf.dispose(best ?? []);
  }
}

function cloneWeights(model: tf.LayersModel): tf.Tensor[] {
  return model.getWeights().map((w) => w.clone());
}
