import { checkBackendAlive } from '../../engine/backendHealth';
import { mixPerBatch } from '../../engine/batchMaker';
import { readWeights } from '../../engine/modelWeights';
import { readOptimizerState, writeOptimizerState, type OptimizerState } from '../../engine/optimizerState';
import { ParallelStep } from '../../engine/parallel/parallelStep';
import { trainModel, type TrainCallbacks, type TrainOutcome } from '../../engine/trainModel';
import { isAugmentOn } from '../../model/augmentConfig';
import type { WorkerEvent } from '../../protocol';
import { currentModel, disposeCurrentModel, type CurrentModel } from '../model/currentModel';
import { SessionError } from '../sessionError';
import { batchSample } from './batchSample';
import { heldOutAccuracy } from './heldOutAccuracy';
import { MetricsBuffer } from './metricsBuffer';
import type { PreparedRun } from './prepareRun';
import type { RunDeps } from './runDeps';
import { message, type Message } from '../../model/message';

/** While a run trains with augmentation or a mix, a sample of its batch goes to the page this often. */
const SAMPLE_INTERVAL_MS = 2000;
/** Images of a training batch sent as its live sample. */
const SAMPLE_SIZE = 16;

/** Announces the run and trains it, streaming batches, epochs, pauses and learning-rate changes. */
export async function trainRun(run: PreparedRun, deps: RunDeps): Promise<TrainOutcome> {
  const { post, saved, inspection, backends } = deps;
  const { current, config, split } = run;
  const { runId } = current;
  // Recording starts before the first event of the run; the page hears of the record after `runStarted`.
  const savedId = saved.begin(runId, run.saveAs.setup, run.saveAs.from, run.saveAs.optimizerRestored, run.saveAs.handwriting, run.saveAs.name);
  /** Drawings mixed into each batch (fine-tuning): the dataset fills the rest, so an epoch has more batches. */
  const mixed = run.mix ? mixPerBatch(run.mix.share, config.batchSize) : 0;
  post({
    type: 'runStarted', runId, trainCount: split.train.length, valCount: split.test.length,
    batchesPerEpoch: Math.ceil(split.train.length / (config.batchSize - mixed)), epochs: config.epochs,
  });
  post({ type: 'runSaved', runId, savedId });
  post({ type: 'status', status: 'training' });
  inspection.recordHistograms(performance.now(), true);
  inspection.refresh();
  // Before the first step; a backend lost right here is met again by the first step, which moves to the next one.
  await postHeldOut(run, 'before', run.startEpoch, post).catch(() => undefined);
  const metrics = new MetricsBuffer(runId);
  const sampled = isAugmentOn(config.augment) || !!run.mix;
  let lastSample = -Infinity;
  const send = (e: WorkerEvent | null) => e && post(e);
  /** Training images/s so far: after each epoch it becomes the backend's rate for this network. */
  let lastRate = 0;
  const callbacks: TrainCallbacks = {
    onBatch: (r) => {
      const now = performance.now();
      lastRate = r.examplesPerSec;
      current.at = r.epoch + (r.batch + 1) / r.batchesPerEpoch;
      send(metrics.add(r, now));
      inspection.tick(now);
    },
    onEpoch: (r) => {
      send(metrics.flush(performance.now()));
      backends.observe(run.spec, config.batchSize, lastRate);
      inspection.recordHistograms(performance.now(), true);
      post({ type: 'epochEnd', runId, ...r });
    },
    onPaused: () => {
      send(metrics.flush(performance.now()));
      post({ type: 'status', status: 'paused' });
    },
    onResumed: () => post({ type: 'status', status: 'training' }),
    onLearningRate: (c) => {
      current.learningRate = c.learningRate;
      post({ type: 'learningRate', runId, ...c });
    },
    settle: () => inspection.idle(),
    checkBackend: checkBackendAlive,
    onBatchImages: (b) => {
      const now = performance.now();
      if (!sampled || now - lastSample < SAMPLE_INTERVAL_MS) return;
      lastSample = now;
      const sample = batchSample(b, run.images.rows * run.images.cols, SAMPLE_SIZE, Math.min(b.n, mixed));
      post({ type: 'augmentSample', requestId: null, runId, originals: null, perOriginal: 0, ...sample });
    },
  };
  // Batches of a failed attempt still buffered go out before the page hears that they are to be trained again.
  const outcome = await trainSurvivingBackendLoss(run, callbacks, deps, () => send(metrics.flush(performance.now())));
  send(metrics.flush(performance.now()));
  return outcome;
}

/**
 * Trains; when the backend fails mid-run (a lost WebGL context, a kernel
 * throwing), moves to the next best backend and goes on from the last
 * finished epoch's weights and optimizer state, kept off the backend for
 * this (a run lost before its first epoch ends starts its optimizer afresh,
 * or from the state it continued with). Rejects when no backend is left.
 */
async function trainSurvivingBackendLoss(run: PreparedRun, callbacks: TrainCallbacks, deps: RunDeps, flushMetrics: () => void): Promise<TrainOutcome> {
  const { post, saved, backends, slot, inspection } = deps;
  const { current, config, images, split } = run;
  let kept = { epoch: run.startEpoch, weights: await readWeights(current.built), optimizer: await optimizerState(current) };
  for (;;) {
    try {
      const parallel = await parallelStep(run, deps);
      return await trainModel(current.built, current.optimizer, images, split.train, split.test, { ...config, startEpoch: kept.epoch, mix: run.mix, parallel }, current.control, {
        ...callbacks,
        afterEpoch: async (epoch) => {
          // The held-out score first, so that the record saved with this epoch's weights has it
          // (a backend lost while measuring it trains this epoch again).
          await postHeldOut(run, 'after', epoch, post);
          kept = { epoch, weights: await readWeights(current.built), optimizer: await optimizerState(current) };
          saved.saveEpoch(epoch, kept.weights, kept.optimizer);
        },
      });
    } catch (e) {
      if (e instanceof SessionError) throw e;
      const lost = backends.current?.name ?? 'the backend';
      const why = e instanceof Error ? e.message : String(e);
      const next = await backends.fallback(why);
      await slot.release();
      rebuild(current, kept.weights);
      const shapes = current.built.model.trainableWeights.map((w) => w.shape);
      const restored = !!kept.optimizer && (await writeOptimizerState(current.optimizer, kept.optimizer, shapes));
      const from = message(`errors:notice.resumedFrom.${kept.epoch === run.startEpoch ? 'start' : 'epoch'}${restored ? 'WithOptimizer' : ''}`, { epoch: kept.epoch });
      flushMetrics();
      post({
        type: 'runResumed', runId: current.runId, fromEpoch: kept.epoch, lost, backend: next.name,
        message: message('errors:notice.resumed', { lost, why, backend: next.name, from }),
      });
      current.at = kept.epoch;
      inspection.refresh();
    }
  }
}

/**
 * On wasm where there are helper workers: the parallel step, with helpers
 * for the other cores allowed, the run's network built in each (null: every
 * step here). Cores allowed later start more from the next step on. A helper
 * lost mid-run, or one that cannot start, is said beside the backend; the run
 * goes on with the rest.
 */
async function parallelStep(run: PreparedRun, deps: RunDeps): Promise<ParallelStep | null> {
  const { backends, helpers } = deps;
  backends.working(null);
  if (!helpers || backends.current?.name !== 'wasm' || backends.availableCores < 2) return null;
  const said = (why: Message, left: number) => backends.working({ count: left, why: message('app:backend.reason.goesOn', { why, count: left }) });
  const peersFor = async (count: number) => {
    const failures: string[] = [];
    const peers = await helpers.peersFor(run.spec, count, (why) => failures.push(why));
    if (failures.length > 0) said(message('app:backend.reason.helperNotStarted', { why: failures[0] }), peers.length + 1);
    return peers;
  };
  const peers = backends.threads > 1 ? await peersFor(backends.threads - 1) : [];
  return new ParallelStep(peers, (why, left) => said(message('app:backend.reason.helperLost', { why }), left), () => backends.threads, peersFor);
}

/** Replaces the run's model with one holding `weights`, on the backend now in use, with a fresh optimizer at the rate in use. */
function rebuild(current: CurrentModel, weights: readonly Float32Array[]): void {
  disposeCurrentModel(current);
  const { built, optimizer, inspector } = currentModel({ ...current, weights });
  Object.assign(current, { built, optimizer, inspector });
}

/** The optimizer's state, or null when it cannot be read (it is a convenience for continuing). */
export function optimizerState(current: CurrentModel): Promise<OptimizerState | null> {
  return readOptimizerState(current.optimizer).catch(() => null);
}

/** Posts the held-out drawings' accuracy of a fine-tuning run (nothing for other runs). */
export async function postHeldOut(run: PreparedRun, when: 'before' | 'after', epoch: number, post: (e: WorkerEvent) => void): Promise<void> {
  const e = await heldOutAccuracy(run.current, run.heldOut, when, epoch);
  if (e) post(e);
}
