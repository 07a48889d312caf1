import * as tf from '@tensorflow/tfjs';
import { makeBatch } from '../data/makeBatch';
import { mulberry32, shuffleInPlace } from '../data/random';
import type { BuiltModel } from './buildModel';
import { evaluateModel } from './evaluateModel';
import type { ImageSet } from './imageSet';
import { lossAndCorrect } from './lossAndAccuracy';
import type { RunControl } from './runControl';
import { ThroughputMeter } from './throughputMeter';
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

export interface EpochReport {
  /** 1-based number of the epoch just finished. */
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  /** NaN when there is no validation set. */
  valLoss: number;
  valAccuracy: number;
  /** `tf.memory().numTensors` after the epoch: must stay flat from epoch 1 on. */
  numTensors: number;
}

export type TrainOutcome =
  | { kind: 'done' | 'stopped'; epochsCompleted: number }
  | { kind: 'diverged'; epochsCompleted: number; loss: number; epoch: number; batch: number };

export interface TrainCallbacks {
  onBatch?: (r: BatchReport) => void;
  onEpoch?: (r: EpochReport) => void;
  /** Called once each time the loop actually stops on a pause. */
  onPaused?: () => void;
  onResumed?: () => void;
  /** Awaited before the tensor count at each epoch end, so reads of the model in flight are not counted. */
  settle?: () => Promise<void>;
}

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  /** Seeds the per-epoch shuffle. */
  seed: number;
  /** Clock in ms; injectable for tests. */
  now?: () => number;
}

/**
 * The training loop: shuffles `trainIdx` each epoch, takes one optimizer step per
 * batch, validates on `valIdx` after each epoch, and checks `control` between
 * batches so that pause and stop take effect within one batch.
 *
 * When the loss stops being finite (or explodes past DIVERGENCE_LOSS) it stops
 * and puts back the weights of the last finished epoch (the initial weights if
 * none finished). The model and optimizer stay alive for the caller; everything
 * else it creates is disposed.
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
  const size = data.rows * data.cols;
  const batchesPerEpoch = Math.ceil(trainIdx.length / settings.batchSize);
  const rand = mulberry32(settings.seed ^ 0x5eed);
  const order = Array.from(trainIdx);
  const meter = new ThroughputMeter();
  let lastGood = cloneWeights(built.model);
  let epochsCompleted = 0;
  const totalExamples = trainIdx.length * settings.epochs;

  try {
    meter.start(now());
    for (let epoch = 0; epoch < settings.epochs; epoch++) {
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
        const start = batch * settings.batchSize;
        const b = makeBatch(data.pixels, data.labels, size, order, start, start + settings.batchSize);
        const stats = tf.tidy(() => {
          const x = tf.tensor4d(b.x, [b.n, data.rows, data.cols, 1]);
          const y = tf.tensor1d(b.y, 'int32');
          // minimize() runs its function in a scope of its own: keep the count
          // out of it, then let this tidy's disposal of `kept` clean it up.
          const kept: tf.Scalar[] = [];
          const loss = optimizer.minimize(() => {
            const r = lossAndCorrect(built.logits.apply(x, { training: true }) as tf.Tensor, y);
            kept.push(tf.keep(r.correct));
            return r.loss;
          }, true) as tf.Scalar;
          const out = tf.stack([loss, kept[0]]);
          tf.dispose(kept);
          return out;
        });
        const [loss, correct] = await stats.data();
        stats.dispose();
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
      if (valIdx.length > 0) {
        const v = await evaluateModel(built, data, valIdx, { shouldAbort: () => control.isStopped });
        if (!v) return { kind: 'stopped', epochsCompleted };
        valLoss = v.loss;
        valAccuracy = v.accuracy;
      }
      epochsCompleted = epoch + 1;
      tf.dispose(lastGood);
      lastGood = cloneWeights(built.model);
      await callbacks.settle?.();
      callbacks.onEpoch?.({
        epoch: epochsCompleted,
        trainLoss: lossSum / seen,
        trainAccuracy: correctSum / seen,
        valLoss,
        valAccuracy,
        numTensors: tf.memory().numTensors,
      });
    }
    return { kind: 'done', epochsCompleted };
  } finally {
    tf.dispose(lastGood);
  }
}

function cloneWeights(model: tf.LayersModel): tf.Tensor[] {
  return model.getWeights().map((w) => w.clone());
}
