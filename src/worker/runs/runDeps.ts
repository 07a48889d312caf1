import type { WorkerEvent } from '../../protocol';
import type { BackendManager } from '../backend/backendManager';
import type { DatasetCache } from '../data/datasetCache';
import type { Inspection } from '../inspect/inspection';
import type { ModelSlot } from '../model/modelSlot';
import type { HelperPool } from '../parallel/helperPool';
import type { SavedRuns } from '../savedRuns/savedRuns';
import type { TestSetEvaluation } from '../testSet/testSetEvaluation';

/** What a run uses of the rest of the worker: one object, built once by the session. */
export interface RunDeps {
  /** Posts an event (the run being saved records it first). */
  post: (e: WorkerEvent) => void;
  /** The worker's one model, which a run replaces and trains. */
  slot: ModelSlot;
  backends: BackendManager;
  /** Helper workers for the other cores; null where there are none (tests in Node). */
  helpers: HelperPool | null;
  datasets: DatasetCache;
  saved: SavedRuns;
  inspection: Inspection;
  testSet: TestSetEvaluation;
}
