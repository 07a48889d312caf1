import { hasTestSet } from '../../data/datasets';
import { evaluateModel } from '../../engine/evaluateModel';
import type { CurrentModel } from '../model/currentModel';
import type { DatasetCache } from '../data/datasetCache';
import { Galleries } from './galleries';
import type { Command, WorkerEvent } from '../../protocol';
import { SessionError } from '../sessionError';
import { message } from '../../model/message';


/** Progress events during an evaluation, at most this often. */
const PROGRESS_MS = 100;

/**
 * The current model on its dataset's test set: the evaluation (progress, then
 * the result) and the galleries of test images it leaves behind (a confusion
 * cell's images, the most confidently wrong).
 */
export class TestSetEvaluation {
  private readonly galleries = new Galleries();

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly datasets: DatasetCache,
    /** The worker's one model: an evaluation of a model that is no longer current is abandoned. */
    private readonly slot: { readonly current: CurrentModel | null },
    /** True while a run trains: its test predictions would be stale at once. */
    private readonly training: () => boolean,
  ) {}

  /** Another model is current: the predictions kept are no longer its. */
  clear(): void {
    this.galleries.clear();
  }

  /** Refuses a model whose dataset has no test set (your classes), with why. */
  check(current: CurrentModel | null): CurrentModel {
    if (!current) throw new SessionError('invalid-request', message('errors:request.noTrainedModel'));
    if (!hasTestSet(current.dataset)) throw new SessionError('invalid-request', message('errors:request.noTestSet'));
    return current;
  }

  /** The Evaluate command: the current model on its test set. */
  async evaluateCurrent(): Promise<void> {
    await this.evaluate(this.check(this.slot.current));
  }

  /**
   * Evaluates `current` on the whole test set and posts the result, keeping
   * its predictions for the galleries; false when it was abandoned first
   * (another model became current, or `stopped` said so).
   */
  async evaluate(current: CurrentModel, stopped: () => boolean = () => false): Promise<boolean> {
    const abandoned = () => this.slot.current !== current || stopped();
    const data = await this.datasets.get(current.dataset);
    const { runId } = current;
    let lastPost = 0;
    const result = await evaluateModel(current.built, data.test, data.testIndices, {
      keepPredictions: true,
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - lastPost > PROGRESS_MS || done === total) {
          lastPost = now;
          this.post({ type: 'evalProgress', runId, done, total });
        }
      },
      shouldAbort: abandoned,
    });
    if (!result) return false;
    const { predictions, ...test } = result;
    if (predictions) this.galleries.set(runId, current.dataset, predictions, data.testIndices, data.test);
    this.post({ type: 'testResult', runId, ...test });
    return true;
  }

  /**
   * Answers a gallery request from `current`'s test predictions, evaluating
   * first when there are none (not while it trains: they would be stale).
   */
  async gallery(cmd: Extract<Command, { type: 'gallery' }>): Promise<void> {
    const current = this.slot.current;
    if (!current) throw new SessionError('invalid-request', message('errors:request.noModel'));
    this.check(current);
    const known = this.galleries.has(current.runId);
    if (this.training() && !known) throw new SessionError('invalid-request', message('errors:request.galleriesWait'));
    if (!known && !(await this.evaluate(current))) return;
    const g = this.galleries.answer(current.runId, cmd.cell);
    if (g) this.post({ type: 'gallery', requestId: cmd.requestId, runId: current.runId, cell: cmd.cell, ...g });
  }
}
