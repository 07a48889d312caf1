import type { BackendChoice } from '../model/backends';
import type { Command, WorkerEvent } from '../protocol';
import { BackendCommands } from './backend/backendCommands';
import { BackendManager, type BackendDeps } from './backend/backendManager';
import { BROWSER_BACKENDS, MEASURE_QUIET_MS } from './backend/browserBackends';
import { augmentPreview } from './data/augmentPreview';
import { DatasetSource, type LoadDataset } from './data/datasetSource';
import { Explainer } from './explain/explainer';
import { FilterImages } from './explain/filterImages';
import { InputReader } from './inspect/inputReader';
import { Inspection } from './inspect/inspection';
import { ModelSlot } from './model/modelSlot';
import { ModelFiles } from './modelFiles/modelFiles';
import { HelperPool } from './parallel/helperPool';
import type { HelperPort } from './parallel/workerPeer';
import { RunQueue } from './runs/runQueue';
import { openSavedRun } from './savedRuns/openSavedRun';
import type { RunStore } from './savedRuns/runStore';
import { SavedRuns } from './savedRuns/savedRuns';
import { errorEvent, SessionError } from './sessionError';
import { TestSetEvaluation } from './testSet/testSetEvaluation';
import { message } from '../model/message';

type Post = (event: WorkerEvent) => void;

/** What the session needs from the browser, replaceable where there is none (tests in Node). */
export interface SessionDeps {
  /** The backends to offer and how to start and measure them; by default wasm, webgl and cpu. */
  backends?: BackendDeps;
  /** The backend choice remembered by the page ('auto' unless given). */
  backendChoice?: BackendChoice;
  /** A measurement waits until the page has sent nothing for this long (default MEASURE_QUIET_MS). */
  measureQuietMs?: number;
  /** Loads both parts of a dataset; by default downloads them from the base URL that `init` gives. */
  loadDataset?: LoadDataset;
  /** Opens the saved-run storage; by default IndexedDB. */
  openStore?: () => Promise<RunStore>;
  /** The cores wasm may train on, as remembered by the page (0 or absent: every one). */
  cores?: number;
  /** Starts a helper worker for another core; absent: every step on this worker alone. */
  spawnHelper?: () => HelperPort;
}

/** One handler per command type: the module that owns the command does the work. */
type Routes = { [T in Command['type']]: (cmd: Extract<Command, { type: T }>) => void | Promise<unknown> };

/**
 * Everything the worker does, over a `post` function: builds the worker's
 * parts once and routes each command to the part that owns it. It holds no
 * logic of its own: a handler's failure is reported as an error event that
 * ends no run (a run's own failures are reported by the run queue).
 */
export class TrainingSession {
  private readonly routes: Routes;
  private readonly saved: SavedRuns;
  private readonly backendCommands: BackendCommands;
  /** Posts an event; the run being saved records it first (before its arrays are transferred away). */
  private readonly post: Post;

  constructor(postOut: Post, deps: SessionDeps = {}) {
    const saved = new SavedRuns(postOut, deps.openStore);
    const post: Post = (e) => {
      saved.observe(e);
      postOut(e);
    };
    this.post = post;
    const fail = (e: unknown, endsRun?: boolean) => this.fail(e, endsRun);
    const backends = new BackendManager(post, deps.backends ?? BROWSER_BACKENDS, deps.backendChoice, deps.cores);
    const helpers = deps.spawnHelper ? new HelperPool(deps.spawnHelper) : null;
    const data = new DatasetSource(post, deps.loadDataset);
    const datasets = data.cache;
    const slot: ModelSlot = new ModelSlot({
      release: async () => {
        filterImages.cancel();
        await inspection.idle();
      },
      vacated: () => inspection.disposePreview(),
      replaced: () => testSet.clear(),
      show: () => {
        inspection.refresh();
        inspection.recordHistograms(performance.now(), true);
      },
    }, backends);
    const inspection: Inspection = new Inspection(post, async () => {
      await backends.started();
      const c = slot.current;
      return c ? { inspector: c.inspector, spec: c.spec, trained: c.trained || c.at > 0, at: c.at, runId: c.runId } : null;
    }, (urgent) => explainer.changed(urgent));
    const explainer = new Explainer(post, inspection);
    const filterImages = new FilterImages(post, inspection);
    const inputs = new InputReader(post, inspection, datasets);
    const testSet: TestSetEvaluation = new TestSetEvaluation(post, datasets, slot, () => runs.training);
    const runs: RunQueue = new RunQueue({ post, slot, backends, helpers, datasets, saved, inspection, testSet, fail, idle: () => this.backendCommands.idle() });
    const modelFiles = new ModelFiles(post, slot, saved);
    this.saved = saved;
    this.backendCommands = new BackendCommands(backends, () => runs.busy, fail, deps.measureQuietMs ?? MEASURE_QUIET_MS);
    const backend = this.backendCommands;

    this.routes = {
      init: (c) => data.setBaseUrl(c.baseUrl),
      ping: () => {}, // answered by the worker entry, which needs no session for it
      // Run control
      train: (c) => runs.train(c.request),
      pause: () => runs.pause(),
      resume: () => runs.resume(),
      stop: () => runs.stop(),
      setLearningRate: (c) => runs.setLearningRate(c.runId, c.learningRate),
      // The test set
      evaluate: () => testSet.evaluateCurrent(),
      gallery: (c) => testSet.gallery(c),
      // Looking at the model
      inspect: (c) => inputs.request(c.request),
      explain: (c) => explainer.request(c.request),
      maximizeFilters: (c) => filterImages.answer(c.requestId, c.layer),
      cancelMaximize: (c) => filterImages.cancel(c.requestId),
      augmentPreview: (c) => augmentPreview(c.request, datasets).then(post),
      // Backends
      measureBackends: (c) => backend.measure(c),
      chooseBackend: (c) => backend.choose(c.choice),
      setCores: (c) => backends.setCores(c.cores),
      injectFault: (c) => (c.fault === 'crashHelper' ? this.crashHelper(helpers) : backend.injectFault(c.fault)),
      // Saved runs
      openRun: (c) => runs.afterRuns(() => openSavedRun({ saved, slot, post }, c.runId, c.id), c.runId),
      renameRun: (c) => saved.rename(c.id, c.name),
      pinRun: (c) => saved.setPinned(c.id, c.pinned),
      deleteRun: (c) => saved.delete(c.id),
      loadRuns: (c) => saved.send(c.ids),
      // Model files
      downloadModel: (c) => modelFiles.download(c.name, c.format),
      uploadModel: (c) => runs.afterRuns(() => modelFiles.upload(c), c.runId),
      prepareModelFiles: () => modelFiles.prepare(),
    };
  }

  /** Ends a helper worker as a crash would: silently, so that only its silence tells. */
  private crashHelper(helpers: HelperPool | null): void {
    if (!helpers?.crashOne()) throw new SessionError('invalid-request', message('errors:request.noHelperToCrash'));
  }

  /** Resolves once saved runs are listed (tests wait for it). */
  savedRunsReady(): Promise<void> {
    return this.saved.whenReady();
  }

  handle(cmd: Command): void {
    this.backendCommands.heard(cmd);
    const route = this.routes[cmd.type] as (c: Command) => void | Promise<unknown>;
    const pending = route(cmd);
    if (pending instanceof Promise) pending.catch((e) => this.fail(e, false));
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
}
