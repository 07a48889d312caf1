import { classNamesOf, DATASETS, datasetShape } from '../../data/datasets';
import type { BatchMix } from '../../engine/batchMaker';
import type { ImageSet } from '../../engine/imageSet';
import { writeOptimizerState } from '../../engine/optimizerState';
import { seedGlobalRandom } from '../../engine/seedGlobalRandom';
import { checkAugmentConfig } from '../../model/augmentConfig';
import { checkNetwork } from '../../model/checkNetwork';
import type { ModelSpec, TrainConfig } from '../../model/types';
import type { HandwritingRecord, SavedRun, SavedRunSetup, TrainRequest } from '../../protocol';
import { currentModel, type CurrentModel } from '../model/currentModel';
import { continuedRun, type ContinuedRun } from '../savedRuns/continuedRun';
import type { SavedRuns } from '../savedRuns/savedRuns';
import { SessionError } from '../sessionError';
import type { RunDeps } from './runDeps';
import { handwritingMix, ownClasses } from './runDrawings';
import { splitForRun } from './splitForRun';
import { message } from '../../model/message';

/** A Train request checked and read: what it will train, before anything waits or changes. */
export interface RunPlan {
  /** The request as it really is (a continuation's network, data and settings). */
  req: TrainRequest;
  continued: ContinuedRun | null;
  /** Dataset 'own': the user's classes, which are the whole of the run's data. */
  own: { train: ImageSet; test: ImageSet } | null;
  classNames: readonly string[];
  /** The checked settings, not the request's own object: they train and are saved. */
  config: TrainConfig;
  mix: BatchMix | null;
  heldOut: ImageSet | null;
}

/** A run set up to train: the session's new model and the images it learns from. */
export interface PreparedRun {
  current: CurrentModel;
  spec: ModelSpec;
  config: TrainConfig;
  images: ImageSet;
  /** Indices into `images`: what it trains on and what it validates on. */
  split: { train: Uint32Array; test: Uint32Array };
  /** Epochs already trained (a continued run); 0 for a new one. */
  startEpoch: number;
  /** Fine-tuning: the user's handwriting mixed into every batch, and the drawings held out to measure it. */
  mix: BatchMix | null;
  heldOut: ImageSet | null;
  /** How the run is saved: as a new record, or appended to the saved run it continues. */
  saveAs: { setup: SavedRunSetup; from: SavedRun | null; optimizerRestored: boolean; handwriting: HandwritingRecord | null; name?: string };
}

/** Reads and checks a Train request; throws a SessionError that says what is wrong. */
export async function planRun(request: TrainRequest, saved: SavedRuns): Promise<RunPlan> {
  const { req, continued } = await continuedRun(saved, request);
  const info = DATASETS[req.dataset];
  if (!info) throw new SessionError('invalid-request', message('errors:request.unknownDataset', { dataset: String(req.dataset) }));
  const own = req.dataset === 'own' ? ownClasses(req, continued?.run ?? null) : null;
  const classNames = classNamesOf(req.dataset, own?.classNames);
  const check = checkNetwork(req.spec, datasetShape(req.dataset, classNames));
  if (check.cannotTrain) throw new SessionError('invalid-request', check.cannotTrain);
  if (req.config.earlyStopping && req.config.validationSplit <= 0) {
    throw new SessionError('invalid-request', message('errors:request.earlyStoppingNeedsValidation'));
  }
  let config = req.config;
  if (config.augment) {
    const checked = checkAugmentConfig(config.augment);
    if ('error' in checked) throw new SessionError('invalid-request', message('errors:request.augmentation', { error: checked.detail }));
    config = { ...config, augment: checked.config };
  }
  const { mix, heldOut } = handwritingMix(req);
  return { req, continued, own, classNames, config, mix, heldOut };
}

/**
 * Replaces the model with a fresh one of the plan's network (or the weights
 * and optimizer state it continues from), trained on `train`. Call once
 * nothing reads the old model. It is built before the old model goes, so that
 * a failure (weights that do not fit) leaves that one in place.
 */
export async function installRun(plan: RunPlan, train: ImageSet, finished: Promise<void>, deps: Pick<RunDeps, 'slot' | 'post'>): Promise<PreparedRun> {
  const { req, continued, own, classNames, config, mix, heldOut } = plan;
  const split = splitForRun(train, classNames.length, own ? 'all' : req.trainSize, config);
  const startEpoch = continued?.weights.epoch ?? 0;
  const current = currentModel({
    runId: req.runId, spec: req.spec, config, dataset: req.dataset, weights: continued?.weights.weights ?? null, at: startEpoch, finished,
  });
  deps.slot.vacate();
  seedGlobalRandom(config.seed); // dropout masks: see seedGlobalRandom
  const state = continued?.weights.optimizer;
  const optimizerRestored = !!state && (await writeOptimizerState(current.optimizer, state, current.built.model.trainableWeights.map((w) => w.shape)));
  deps.slot.put(current);
  const setup: SavedRunSetup = { dataset: req.dataset, trainSize: req.trainSize, spec: req.spec, config, ...(own ? { classNames: [...classNames] } : {}) };
  if (continued) {
    const how = message(optimizerRestored ? 'errors:notice.withOptimizer' : 'errors:notice.freshOptimizer');
    const values = { name: continued.run.name, epoch: startEpoch, how };
    const notice = mix
      ? message('errors:notice.continuingHandwriting', { ...values, drawings: mix.images.count, percent: Math.round(mix.share * 100) })
      : message('errors:notice.continuing', values);
    deps.post({ type: 'runOpened', runId: req.runId, run: continued.run, weights: startEpoch, message: notice });
  }
  const handwriting = mix && { drawings: mix.images.count, sharePercent: Math.round(mix.share * 100), before: null, after: null };
  const saveAs = { setup, from: continued?.run ?? null, optimizerRestored, handwriting, name: req.name };
  return { current, spec: req.spec, config, images: train, split, startEpoch, saveAs, mix, heldOut };
}
