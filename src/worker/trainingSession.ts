import { checkAugmentConfig, isAugmentOn } from '../model/augmentConfig';
import { classNamesOf, DATASETS, datasetShape, hasTestSet, type DatasetId } from '../data/datasets';
import { mixPerBatch, type BatchMix } from '../engine/batchMaker';
import type { ImageSet } from '../engine/imageSet';
import { checkBackendAlive, loseWebglContext } from '../engine/backendHealth';
import { startBackend } from '../engine/startBackend';
import { measureTrainingRate } from '../engine/measureTrainingRate';
import { exportModelFiles, importModelFiles, ModelFileError } from '../engine/modelFiles';
import { readWeights } from '../engine/modelWeights';
import { readOptimizerState, writeOptimizerState, type OptimizerState } from '../engine/optimizerState';
import { seedGlobalRandom } from '../engine/seedGlobalRandom';
import { trainModel, type TrainCallbacks, type TrainOutcome } from '../engine/trainModel';
import { BACKEND_NAMES, type BackendChoice } from '../model/backends';
import { checkNetwork } from '../model/checkNetwork';
import type { ModelSpec, TrainConfig } from '../model/types';
import { BackendManager, type BackendDeps } from './backend/backendManager';
import { DatasetCache } from './data/datasetCache';
import { describeOutcome } from './runs/describeOutcome';
import { fetchDataset } from './data/fetchDataset';
import { Explainer } from './explain/explainer';
import { ExplainError } from './explain/ExplainError';
import { FilterImages } from './explain/filterImages';
import { augmentPreview } from './data/augmentPreview';
import { batchSample } from './runs/batchSample';
import { Inspection } from './inspect/inspection';
import { QuietMeasurement } from './backend/quietMeasurement';
import { handwritingMix, ownClasses } from './runs/runDrawings';
import { MetricsBuffer } from './runs/metricsBuffer';
import { continuation, endLearningRate } from './savedRuns/continuation';
import { trimSavedRun } from './savedRuns/trimSavedRun';
import { currentModel, disposeCurrentModel, type CurrentModel } from './model/currentModel';
import type { Command, HandwritingRecord, InspectRequest, SavedRun, SavedRunSetup, TrainRequest, WorkerEvent } from '../protocol';
import type { RunStore } from './savedRuns/runStore';
import { SavedRuns } from './savedRuns/savedRuns';
import { errorEvent, SessionError } from './sessionError';
import { splitForRun } from './runs/splitForRun';
import { heldOutAccuracy, NO_TEST_SET, TestSetEvaluation } from './testSet/testSetEvaluation';

type Post = (event: WorkerEvent) => void;

/** Time each backend's measurement may take once warmed up (three backends: about 2 s in all). */
export const MEASURE_BUDGET_MS = 600;

const BROWSER_BACKENDS: BackendDeps = {
  names: BACKEND_NAMES,
  start: (name) => startBackend(name),
  measure: (spec, batchSize, optimizer, shouldStop) => measureTrainingRate(spec, batchSize, optimizer, { budgetMs: MEASURE_BUDGET_MS, shouldStop }),
};

/**
 * Measuring every backend costs seconds of CPU (software WebGL compiles its
 * shaders): it waits until the page has been quiet this long, so that it
 * never competes with someone drawing or editing. The first backend started
 * serves meanwhile.
 */
export const MEASURE_QUIET_MS = 1500;

/** While a run trains with augmentation or a mix, a sample of its batch goes to the page this often. */
const SAMPLE_INTERVAL_MS = 2000;

/** What the session needs from the browser, replaceable where there is none (tests in Node). */
export interface SessionDeps {
  /** The backends to offer and how to start and measure them; by default wasm, webgl and cpu. */
  backends?: BackendDeps;
  /** The backend choice remembered by the page ('auto' unless given). */
  backendChoice?: BackendChoice;
  /** A measurement waits until the page has sent nothing for this long (default MEASURE_QUIET_MS). */
  measureQuietMs?: number;
  /** Loads both parts of a dataset; by default downloads them from the base URL that `init` gives. */
  loadDataset?: (
    id: DatasetId,
    onProgress: (file: string, loadedBytes: number, totalBytes: number) => void,
  ) => Promise<{ train: ImageSet; test: ImageSet }>;
  /** Opens the saved-run storage; by default IndexedDB. */
  openStore?: () => Promise<RunStore>;
}

/** A run set up to train: the session's new model and the images it learns from. */
interface PreparedRun {
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
  saveAs: { setup: SavedRunSetup; from: SavedRun | null; optimizerRestored: boolean; handwriting: HandwritingRecord | null };
  /** Resolves `current.finished`. */
  finish: () => void;
}

/**
 * Everything the worker does, as plain methods over a `post` function, so that
 * the worker entry stays a few lines. One model lives here between runs: it
 * keeps its weights after Stop or divergence until the next Train.
 */
export class TrainingSession {
  private baseUrl = '';
  private readonly backends: BackendManager;
  /** True from the moment a run replaces the model until it has ended. */
  private running = false;
  /** Measurements of the backends, held back until the page is quiet and no run needs the backend. */
  private readonly measurement: QuietMeasurement;
  private readonly datasets: DatasetCache;
  private current: CurrentModel | null = null;
  private readonly inspection: Inspection;
  private readonly explainer: Explainer;
  private readonly filterImages: FilterImages;
  private trainQueue: Promise<void> = Promise.resolve();
  /**
   * Runs asked for that have not started training: queued behind the run
   * before them, or waiting for the backend and their data. Stop, or a newer
   * Train, cancels them before they replace the model.
   */
  private readonly waiting = new Set<{ cancelled: boolean }>();
  /** Counts inspect requests, so that a test image read late never replaces a newer request. */
  private inspectTicket = 0;
  private readonly saved: SavedRuns;
  /** Test-set evaluations and the galleries of test images they leave. */
  private readonly testSet: TestSetEvaluation;

  /** Posts an event; the run being saved records it first (before its arrays are transferred away). */
  private readonly post: Post = (e) => {
    this.saved.observe(e);
    this.postOut(e);
  };

  constructor(
    private readonly postOut: Post,
    deps: SessionDeps = {},
  ) {
    this.saved = new SavedRuns(postOut, deps.openStore);
    this.backends = new BackendManager(postOut, deps.backends ?? BROWSER_BACKENDS, deps.backendChoice);
    this.measurement = new QuietMeasurement({
      measure: (r) => this.backends.measure(r.spec, r.batchSize, r.optimizer),
      finishMeasuring: () => this.backends.finishMeasuring(),
      busy: () => this.running || this.waiting.size > 0,
      fail: (e) => this.fail(e, false),
      quietMs: deps.measureQuietMs ?? MEASURE_QUIET_MS,
    });
    const load = deps.loadDataset ?? ((id, onProgress) => fetchDataset(this.baseUrl, id, onProgress));
    this.datasets = new DatasetCache((id) =>
      load(id, (file, loadedBytes, totalBytes) => postOut({ type: 'loadProgress', file, loadedBytes, totalBytes })),
    );
    // Through `post`: a test result belongs in the record of the run it evaluates.
    this.testSet = new TestSetEvaluation(this.post, this.datasets);
    this.inspection = new Inspection(postOut, async () => {
      await this.backends.started();
      const c = this.current;
      return c ? { inspector: c.inspector, spec: c.spec, trained: c.trained || c.at > 0, at: c.at, runId: c.runId } : null;
    }, (urgent) => this.explainer.changed(urgent));
    this.explainer = new Explainer(postOut, this.inspection);
    this.filterImages = new FilterImages(postOut, this.inspection);
    this.backends.start().catch((e) => this.fail(e));
  }

  /** Resolves once saved runs are listed (tests wait for it). */
  savedRunsReady(): Promise<void> {
    return this.saved.whenReady();
  }

  handle(cmd: Command): void {
    // Any command restarts the quiet period a held-back measurement waits for.
    if (cmd.type !== 'measureBackends') this.measurement.touched();
    switch (cmd.type) {
      case 'init':
        this.baseUrl = cmd.baseUrl;
        return;
      case 'train': {
        // A new Train ends the run in progress and any still waiting; runs are queued so two never overlap.
        this.stopAll();
        const ticket = { cancelled: false };
        this.waiting.add(ticket);
        this.trainQueue = this.trainQueue
          .then(() => this.train(cmd.request, ticket))
          .catch((e) => this.fail(e))
          .finally(() => {
            this.waiting.delete(ticket);
            this.measurement.idle();
          });
        return;
      }
      case 'pause':
        this.current?.control.pause();
        return;
      case 'resume':
        this.current?.control.resume();
        return;
      case 'stop':
        this.stopAll();
        return;
      case 'setLearningRate':
        if (!(cmd.learningRate > 0) || !Number.isFinite(cmd.learningRate)) {
          this.fail(new SessionError('invalid-request', `Learning rate must be a number above 0, not ${cmd.learningRate}`), false);
        } else if (this.current?.runId === cmd.runId) {
          this.current.control.setLearningRate(cmd.learningRate);
        }
        return;
      case 'evaluate':
        void Promise.resolve()
          .then(() => this.evaluateCurrent(this.testSet.check(this.current)))
          .catch((e) => this.fail(e, false));
        return;
      case 'inspect':
        this.inspect(cmd.request);
        return;
      case 'explain':
        this.explainer.request(cmd.request);
        return;
      case 'maximizeFilters':
        this.filterImages.start(cmd.requestId, cmd.layer).catch((e) => {
          // Said beside the view in any case, so that its progress ends; an unexpected failure also in the banner.
          const message = e instanceof Error ? e.message : String(e);
          this.postOut({ type: 'explainError', requestId: cmd.requestId, kind: 'maximize', message: e instanceof ExplainError ? message : `Could not compute the filter images: ${message}` });
          if (!(e instanceof ExplainError)) this.fail(e, false);
        });
        return;
      case 'cancelMaximize':
        this.filterImages.cancel(cmd.requestId);
        return;
      case 'augmentPreview':
        augmentPreview(cmd.request, async (id) => (await this.datasets.get(id)).train).then((e) => this.postOut(e), (e) => this.fail(e, false));
        return;
      case 'measureBackends':
        // Measuring swaps backends under a training model: a run's request waits for its end,
        // and any request waits for the page to be quiet.
        this.measurement.request(cmd);
        return;
      case 'chooseBackend':
        if (this.running || this.waiting.size > 0) {
          this.fail(new SessionError('backend-choice', `The backend changes between runs: stop this run first (still on ${this.backends.current?.name ?? 'none'})`), false);
        } else {
          this.backends.choose(cmd.choice).catch((e) => this.fail(e, false));
        }
        return;
      case 'injectFault':
        if (cmd.fault !== 'loseWebglContext') return; // 'crashWorker' is the worker entry's
        if (!loseWebglContext()) {
          this.fail(new SessionError('invalid-request', `There is no WebGL context to lose: training on ${this.backends.current?.name ?? 'no backend'}`), false);
        }
        return;
      case 'openRun':
        this.afterRuns(() => this.openRun(cmd.runId, cmd.id), cmd.runId);
        return;
      case 'renameRun':
        this.saved.rename(cmd.id, cmd.name).catch((e) => this.fail(e, false));
        return;
      case 'pinRun':
        this.saved.setPinned(cmd.id, cmd.pinned).catch((e) => this.fail(e, false));
        return;
      case 'deleteRun':
        this.saved.delete(cmd.id).catch((e) => this.fail(e, false));
        return;
      case 'loadRuns':
        this.saved.load(cmd.ids).then((runs) => this.post({ type: 'savedRuns', runs }), (e) => this.fail(e, false));
        return;
      case 'gallery': {
        const current = this.current;
        this.testSet.gallery(current, cmd, this.running, () => this.current !== current).catch((e) => this.fail(e, false));
        return;
      }
      case 'downloadModel':
        this.downloadModel(cmd.name).catch((e) => this.fail(e, false));
        return;
      case 'uploadModel':
        this.afterRuns(() => this.uploadModel(cmd), cmd.runId);
        return;
    }
  }

  /**
   * Replaces the model between runs: waits for any run in progress or queued
   * to end (Stop first when the page wants it gone), on the same queue as
   * Train. When `f` fails, the model there is kept and takes the number the
   * page gave the new one (`runId`), so that the page and the worker agree.
   */
  private afterRuns(f: () => Promise<void>, runId: number): void {
    this.trainQueue = this.trainQueue
      .then(() => this.current?.finished)
      .then(f)
      .catch((e) => {
        if (this.current) this.current.runId = runId;
        this.fail(e, false);
      });
  }

  /**
   * Reports any failure as an error event: the page must never wait on a silent
   * worker. `endsRun` is false for side requests (a test image) that must not
   * flip the status of a run that goes on.
   */
  fail(e: unknown, endsRun = true): void {
    this.post(errorEvent(e));
    if (endsRun) this.post({ type: 'status', status: 'error' });
  }

  /** Stops the run in progress (its test evaluation too) and cancels every run still waiting to start. */
  private stopAll(): void {
    for (const ticket of this.waiting) ticket.cancelled = true;
    this.current?.control.stop();
  }

  /**
   * One queued run from start to end. A failure propagates to the queue, which
   * reports it; `current.finished` resolves however the run ends.
   */
  private async train(req: TrainRequest, ticket: { cancelled: boolean }): Promise<void> {
    await this.current?.finished;
    let run: PreparedRun | null;
    try {
      run = await this.prepareRun(req, ticket);
    } catch (e) {
      // The model there stays, under the number the page now expects.
      if (this.current) this.current.runId = req.runId;
      throw e;
    }
    if (!run) {
      this.post({ type: 'runEnded', runId: req.runId, outcome: 'stopped', epochsCompleted: 0, message: 'Stopped before training started.' });
      this.post({ type: 'status', status: 'stopped' });
      return;
    }
    try {
      const outcome = await this.runLoop(run);
      await this.finishRun(run, outcome);
    } catch (e) {
      // A run that fails (no backend left, a lost one during the test evaluation) still closes its record.
      await this.saved.close(null, `Failed: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    } finally {
      this.running = false;
      run.finish();
    }
  }

  /**
   * Checks the request, waits for the backend and the data, then replaces the
   * model with a fresh one of the request's network. Null when the run was
   * cancelled before it could start (`ticket`): the previous model is then left as it was.
   */
  private async prepareRun(request: TrainRequest, ticket: { cancelled: boolean }): Promise<PreparedRun | null> {
    const opened = request.continueFrom ? await this.saved.open(request.continueFrom) : null;
    if (opened && !opened.weights) throw new SessionError('invalid-request', `"${opened.run.name}" has no weights kept to continue from`);
    // It goes on from the epoch of its weights: what came after (epochs after a restored one, an unfinished epoch) goes.
    const continued = opened?.weights ? { run: trimSavedRun(opened.run, opened.weights.epoch), weights: opened.weights } : null;
    const req = continued ? continuation(request, continued.run) : request;
    const info = DATASETS[req.dataset];
    if (!info) throw new SessionError('invalid-request', `Unknown dataset "${req.dataset}"`);
    const own = req.dataset === 'own' ? ownClasses(req, continued?.run ?? null) : null;
    const classNames = classNamesOf(req.dataset, own?.classNames);
    const check = checkNetwork(req.spec, datasetShape(req.dataset, classNames));
    if (check.cannotTrain) throw new SessionError('invalid-request', check.cannotTrain);
    if (req.config.earlyStopping && req.config.validationSplit <= 0) {
      throw new SessionError('invalid-request', 'Early stopping watches the validation set: hold out some images (Validation % above 0)');
    }
    // The checked settings, not the request's own object, train and are saved.
    let augment = req.config.augment;
    if (augment) {
      const check = checkAugmentConfig(augment);
      if ('error' in check) throw new SessionError('invalid-request', `Augmentation: ${check.error}`);
      augment = check.config;
    }
    const { mix, heldOut } = handwritingMix(req);
    if (ticket.cancelled) return null;
    this.post({ type: 'status', status: 'loading' });
    this.backends.interrupt(); // a measurement in progress gives way: Train should not wait for every backend's
    await this.backends.settled();
    const data = own ?? (await this.datasets.get(req.dataset));
    await this.releaseModel(); // no snapshot may still be reading the model about to go
    this.waiting.delete(ticket); // from here on, Stop reaches the run through its control
    if (ticket.cancelled) return null;

    const config = augment === undefined ? req.config : { ...req.config, augment };
    const split = splitForRun(data.train, classNames.length, own ? 'all' : req.trainSize, config);

    const startEpoch = continued?.weights.epoch ?? 0;
    let finish = () => {};
    // Built before the old model goes, so that a failure (weights that do not fit) leaves that one in place.
    const current = currentModel({
      runId: req.runId, spec: req.spec, config, dataset: req.dataset, weights: continued?.weights.weights ?? null, at: startEpoch,
      finished: new Promise((r) => (finish = r)),
    });
    this.disposeModel();
    this.inspection.disposePreview();
    seedGlobalRandom(config.seed); // dropout masks: see seedGlobalRandom
    const state = continued?.weights.optimizer;
    const optimizerRestored = !!state && (await writeOptimizerState(current.optimizer, state, current.built.model.trainableWeights.map((w) => w.shape)));
    this.current = current;
    this.testSet.clear();
    this.running = true;
    const setup: SavedRunSetup = { dataset: req.dataset, trainSize: req.trainSize, spec: req.spec, config, ...(own ? { classNames: [...classNames] } : {}) };
    if (continued) {
      const how = optimizerRestored ? 'with its optimizer state' : 'with a fresh optimizer (its state was not stored)';
      const on = mix ? ` on your handwriting (${mix.images.count} drawings, ${Math.round(mix.share * 100)}% of every batch)` : '';
      this.post({ type: 'runOpened', runId: req.runId, run: continued.run, weights: startEpoch, message: `Continuing "${continued.run.name}"${on} from epoch ${startEpoch}, ${how}.` });
    }
    const handwriting = mix && { drawings: mix.images.count, sharePercent: Math.round(mix.share * 100), before: null, after: null };
    const saveAs = { setup, from: continued?.run ?? null, optimizerRestored, handwriting };
    return { current, spec: req.spec, config, images: data.train, split, finish, startEpoch, saveAs, mix, heldOut };
  }

  /** Announces the run and trains it, streaming batches, epochs, pauses and learning-rate changes. */
  private async runLoop(run: PreparedRun): Promise<TrainOutcome> {
    const { current, config, split } = run;
    const { runId } = current;
    // Recording starts before the first event of the run; the page hears of the record after `runStarted`.
    const savedId = this.saved.begin(runId, run.saveAs.setup, run.saveAs.from, run.saveAs.optimizerRestored, run.saveAs.handwriting);
    /** Drawings mixed into each batch (fine-tuning): the dataset fills the rest, so an epoch has more batches. */
    const mixed = run.mix ? mixPerBatch(run.mix.share, config.batchSize) : 0;
    this.post({
      type: 'runStarted', runId, trainCount: split.train.length, valCount: split.test.length,
      batchesPerEpoch: Math.ceil(split.train.length / (config.batchSize - mixed)), epochs: config.epochs,
    });
    this.post({ type: 'runSaved', runId, savedId });
    this.post({ type: 'status', status: 'training' });
    this.inspection.recordHistograms(performance.now(), true);
    this.inspection.refresh();
    // Before the first step; a backend lost right here is met again by the first step, which moves to the next one.
    await this.postHeldOut(run, 'before', run.startEpoch).catch(() => undefined);
    const metrics = new MetricsBuffer(runId);
    const sampled = isAugmentOn(config.augment) || !!run.mix;
    let lastSample = -Infinity;
    const send = (e: WorkerEvent | null) => e && this.post(e);
    /** Training images/s so far: after each epoch it becomes the backend's rate for this network. */
    let lastRate = 0;
    const callbacks: TrainCallbacks = {
      onBatch: (r) => {
        const now = performance.now();
        lastRate = r.examplesPerSec;
        current.at = r.epoch + (r.batch + 1) / r.batchesPerEpoch;
        send(metrics.add(r, now));
        this.inspection.tick(now);
      },
      onEpoch: (r) => {
        send(metrics.flush(performance.now()));
        this.backends.observe(run.spec, config.batchSize, lastRate);
        this.inspection.recordHistograms(performance.now(), true);
        this.post({ type: 'epochEnd', runId, ...r });
      },
      onPaused: () => {
        send(metrics.flush(performance.now()));
        this.post({ type: 'status', status: 'paused' });
      },
      onResumed: () => this.post({ type: 'status', status: 'training' }),
      onLearningRate: (c) => {
        current.learningRate = c.learningRate;
        this.post({ type: 'learningRate', runId, ...c });
      },
      settle: () => this.inspection.idle(),
      checkBackend: checkBackendAlive,
      onBatchImages: (b) => {
        const now = performance.now();
        if (!sampled || now - lastSample < SAMPLE_INTERVAL_MS) return;
        lastSample = now;
        const sample = batchSample(b, run.images.rows * run.images.cols, SAMPLE_SIZE, Math.min(b.n, mixed));
        this.post({ type: 'augmentSample', requestId: null, runId, originals: null, perOriginal: 0, ...sample });
      },
    };
    const outcome = await this.trainSurvivingBackendLoss(run, callbacks);
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
  private async trainSurvivingBackendLoss(run: PreparedRun, callbacks: TrainCallbacks): Promise<TrainOutcome> {
    const { current, config, images, split } = run;
    let saved = { epoch: run.startEpoch, weights: await readWeights(current.built), optimizer: await this.optimizerState(current) };
    for (;;) {
      try {
        return await trainModel(current.built, current.optimizer, images, split.train, split.test, { ...config, startEpoch: saved.epoch, mix: run.mix }, current.control, {
          ...callbacks,
          afterEpoch: async (epoch) => {
            // The held-out score first, so that the record saved with this epoch's weights has it
            // (a backend lost while measuring it trains this epoch again).
            await this.postHeldOut(run, 'after', epoch);
            saved = { epoch, weights: await readWeights(current.built), optimizer: await this.optimizerState(current) };
            this.saved.saveEpoch(epoch, saved.weights, saved.optimizer);
          },
        });
      } catch (e) {
        if (e instanceof SessionError) throw e;
        const lost = this.backends.current?.name ?? 'the backend';
        const why = e instanceof Error ? e.message : String(e);
        const next = await this.backends.fallback(why);
        await this.releaseModel();
        this.rebuild(current, saved.weights);
        const shapes = current.built.model.trainableWeights.map((w) => w.shape);
        const kept = !!saved.optimizer && (await writeOptimizerState(current.optimizer, saved.optimizer, shapes));
        const from = `${saved.epoch === run.startEpoch ? 'the weights it started from' : `epoch ${saved.epoch}'s weights`}${kept ? ' and optimizer state' : ''}`;
        this.post({
          type: 'runResumed', runId: current.runId, fromEpoch: saved.epoch, lost, backend: next.name,
          message: `${lost} failed (${why}): training goes on on ${next.name} from ${from}.`,
        });
        current.at = saved.epoch;
        this.inspection.refresh();
      }
    }
  }

  /** Replaces the run's model with one holding `weights`, on the backend now in use, with a fresh optimizer at the rate in use. */
  private rebuild(current: CurrentModel, weights: readonly Float32Array[]): void {
    disposeCurrentModel(current);
    const { built, optimizer, inspector } = currentModel({ ...current, weights });
    Object.assign(current, { built, optimizer, inspector });
  }

  /**
   * Shows the final weights, evaluates a run that finished on the test set,
   * then reports how the run ended.
   */
  private async finishRun(run: PreparedRun, outcome: TrainOutcome): Promise<void> {
    const { current, config } = run;
    const testable = hasTestSet(current.dataset);
    this.inspection.refresh(); // the final (or restored) weights
    this.inspection.recordHistograms(performance.now(), true);
    // Early stopping put an earlier epoch's weights back: the fine-tuning's score is theirs.
    if (outcome.kind !== 'diverged' && outcome.restoredEpoch !== undefined) await this.postHeldOut(run, 'after', outcome.restoredEpoch).catch(() => undefined);
    // Stop during this evaluation ends it; the run still counts as done (Evaluate can redo it).
    let message = describeOutcome(outcome, current.learningRate, config.earlyStopping?.monitor);
    const finished = outcome.kind === 'done' || outcome.kind === 'earlyStopped';
    if (finished && !testable) {
      message += ` ${NO_TEST_SET}.`;
    } else if (finished && !(await this.evaluateCurrent(current, () => current.control.isStopped))) {
      message += ' The test-set evaluation was stopped: press "Evaluate on test set" to run it.';
    }
    const { kind, epochsCompleted } = outcome;
    const restoredEpoch = outcome.kind === 'diverged' ? undefined : outcome.restoredEpoch;
    this.post({ type: 'runEnded', runId: current.runId, outcome: kind, epochsCompleted, restoredEpoch, message });
    this.post({ type: 'status', status: kind === 'earlyStopped' ? 'done' : kind });
    // The model as it ends (restored or put back) is what a reload brings back; a restored model's optimizer
    // state is a later epoch's. A stopped run keeps its last finished epoch's, saved then: what continuing needs.
    if (kind === 'stopped') {
      await this.saved.close(null);
    } else {
      const optimizer = restoredEpoch === undefined && kind !== 'diverged' ? await this.optimizerState(current) : null;
      await this.saved.close({ epoch: restoredEpoch ?? epochsCompleted, weights: await readWeights(current.built), optimizer });
    }
  }

  /** The optimizer's state, or null when it cannot be read (it is a convenience for continuing). */
  private async optimizerState(current: CurrentModel): Promise<OptimizerState | null> {
    return readOptimizerState(current.optimizer).catch(() => null);
  }

  /**
   * Hands a request to the inspection. A test image is read here, from the
   * dataset the worker holds, and its pixels go to the page once to be shown;
   * the page never sends them back.
   */
  private inspect(req: InspectRequest): void {
    const ticket = ++this.inspectTicket;
    const { input } = req;
    if (input?.kind !== 'testImage') {
      this.inspection.request({ ...req, input: input?.pixels ?? null });
      return;
    }
    void this.datasets.testImage(input.dataset, input.index)
      .then((image) => {
        if (ticket !== this.inspectTicket) return; // a newer request came while the dataset loaded
        // A copy travels (and is transferred): the inspection keeps reading `image.pixels`.
        this.post({ type: 'testSample', requestId: req.requestId, dataset: input.dataset, index: image.index, label: image.label, pixels: image.pixels.slice() });
        this.inspection.request({ ...req, input: image.pixels });
      })
      .catch((e) => this.fail(e, false));
  }

  /** Makes saved run `id` the current model, with its latest weights (an untrained one when none were kept). */
  private async openRun(runId: number, id: string): Promise<void> {
    const { run, weights } = await this.saved.open(id);
    const { spec, config, dataset } = run.setup;
    const learningRate = endLearningRate(run);
    await this.replaceModel(() => currentModel({ runId, spec, config, dataset, weights: weights?.weights ?? null, at: weights?.epoch ?? 0, learningRate }));
    const message = weights
      ? `Opened "${run.name}" with its ${weights.epoch === 0 ? 'imported' : `epoch ${weights.epoch}`} weights.`
      : `Opened "${run.name}": its weights were not kept, so this model is untrained.`;
    this.saved.track(runId, id);
    this.post({ type: 'runOpened', runId, run, weights: weights?.epoch ?? null, message });
  }

  /**
   * A model that did not come from training here (opened or uploaded) becomes
   * the current one, once no backend change or snapshot is under way.
   */
  private async replaceModel(make: () => CurrentModel): Promise<void> {
    this.backends.interrupt(); // as for Train: a measurement in progress gives way
    await this.backends.settled();
    await this.releaseModel();
    // Built before the old model goes: weights that do not fit leave that one in place.
    const next = make();
    this.disposeModel();
    this.inspection.disposePreview();
    this.current = next;
    this.testSet.clear();
    this.inspection.refresh();
    this.inspection.recordHistograms(performance.now(), true);
  }

  private async downloadModel(name: string): Promise<void> {
    const current = this.current;
    if (!current) throw new SessionError('invalid-request', 'There is no model to download yet: train, open or upload one first');
    const files = await exportModelFiles(current.built, current.spec, `${name}.weights.bin`);
    this.post({ type: 'modelFiles', jsonName: `${name}.json`, ...files });
  }

  /**
   * Reads an uploaded model. One that fits the dataset becomes the current
   * model and a saved run; any other comes back as a spec to study.
   */
  private async uploadModel(cmd: Extract<Command, { type: 'uploadModel' }>): Promise<void> {
    const { dataset } = cmd.setup;
    const { inputShape, numClasses } = datasetShape(dataset, cmd.setup.classNames);
    const expect = { inputShape, classes: numClasses };
    let model: Awaited<ReturnType<typeof importModelFiles>>;
    try {
      model = await importModelFiles(cmd.files, expect);
    } catch (e) {
      if (e instanceof ModelFileError) throw new SessionError('model-file', e.message);
      throw e;
    }
    const name = (cmd.files.find((f) => f.name.endsWith('.json'))?.name ?? 'model.json').replace(/\.json$/, '');
    if (model.studyOnly || !model.weights) {
      if (this.current) this.current.runId = cmd.runId;
      this.post({ type: 'modelUploaded', runId: cmd.runId, dataset, spec: model.spec, studyOnly: model.studyOnly, message: model.studyOnly ?? `${name} has no weights.` });
      return;
    }
    const setup: SavedRunSetup = { ...cmd.setup, spec: model.spec };
    const weights = model.weights;
    await this.replaceModel(() => currentModel({ runId: cmd.runId, spec: model.spec, config: setup.config, dataset, weights, at: 0 }));
    const message = `Uploaded ${name}: ${model.spec.layers.length} layers with their weights, ready to inspect; "Continue training" fine-tunes it.`;
    const classNames = setup.classNames ? { classNames: setup.classNames } : {};
    this.post({ type: 'modelUploaded', runId: cmd.runId, dataset, spec: model.spec, studyOnly: null, message, ...classNames });
    await this.saved.saveImported(cmd.runId, setup, name, model.weights);
  }

  /** Evaluates `current` on the test set and posts the result; false when it was abandoned (another model, or `stopped`). */
  private evaluateCurrent(current: CurrentModel, stopped: () => boolean = () => false): Promise<boolean> {
    return this.testSet.evaluate(current, () => this.current !== current || stopped());
  }

  /** Posts the held-out drawings' accuracy of a fine-tuning run (nothing for other runs). */
  private async postHeldOut(run: PreparedRun, when: 'before' | 'after', epoch: number): Promise<void> {
    const e = await heldOutAccuracy(run.current, run.heldOut, when, epoch);
    if (e) this.post(e);
  }

  /** Stops what reads the model (filter images after their step, snapshots) before it is disposed. */
  private async releaseModel(): Promise<void> {
    this.filterImages.cancel();
    await this.inspection.idle();
  }

  private disposeModel(): void {
    if (!this.current) return;
    disposeCurrentModel(this.current);
    this.current = null;
  }
}


/** Images of a training batch sent as its live sample. */
const SAMPLE_SIZE = 16;
