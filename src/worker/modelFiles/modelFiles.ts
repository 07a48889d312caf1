import { datasetShape } from '../../data/datasets';
import { exportModelFiles, importModelFiles, ModelFileError, prepareKerasFiles, type ImportedModel } from '../../engine/modelFiles';
import type { ModelFormat } from '../../model/modelFormat';
import type { Command, SavedRunSetup, WorkerEvent } from '../../protocol';
import { currentModel } from '../model/currentModel';
import type { ModelSlot } from '../model/modelSlot';
import type { SavedRuns } from '../savedRuns/savedRuns';
import { SessionError } from '../sessionError';

/** Model files out (the current model as TensorFlow.js Layers files) and in (an upload becomes the current model and a saved run). */
export class ModelFiles {
  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly slot: ModelSlot,
    private readonly saved: SavedRuns,
  ) {}

  /** Loads the HDF5 reader ahead of a file the user is about to choose; a failure is left for the open itself to report. */
  async prepare(): Promise<void> {
    await prepareKerasFiles().catch(() => undefined);
  }

  async download(name: string, format: ModelFormat): Promise<void> {
    const current = this.slot.current;
    if (!current) throw new SessionError('invalid-request', 'There is no model to download yet: train, open or upload one first');
    let files: Awaited<ReturnType<typeof exportModelFiles>>;
    try {
      files = await exportModelFiles(current.built, current.spec, name, format);
    } catch (e) {
      if (e instanceof ModelFileError) throw new SessionError('model-file', e.message);
      throw e;
    }
    this.post({ type: 'modelFiles', files });
  }

  /**
   * Reads an uploaded model. One that fits the dataset becomes the current
   * model and a saved run; any other comes back as a spec to study. Call it
   * between runs (RunQueue.afterRuns).
   */
  async upload(cmd: Extract<Command, { type: 'uploadModel' }>): Promise<void> {
    const { dataset } = cmd.setup;
    const { inputShape, numClasses } = datasetShape(dataset, cmd.setup.classNames);
    const expect = { inputShape, classes: numClasses };
    let model: ImportedModel;
    try {
      model = await importModelFiles(cmd.files, expect);
    } catch (e) {
      if (e instanceof ModelFileError) throw new SessionError('model-file', e.message);
      throw e;
    }
    const { name } = model;
    const notes = model.notes.length ? ` ${model.notes.join(' ')}` : '';
    if (model.studyOnly || !model.weights) {
      this.slot.renumber(cmd.runId);
      this.post({ type: 'modelUploaded', runId: cmd.runId, dataset, spec: model.spec, studyOnly: model.studyOnly, message: `${model.studyOnly ?? `${name} has no weights.`}${notes}` });
      return;
    }
    const setup: SavedRunSetup = { ...cmd.setup, spec: model.spec };
    const weights = model.weights;
    await this.slot.replace(() => currentModel({ runId: cmd.runId, spec: model.spec, config: setup.config, dataset, weights, at: 0 }));
    const message = `Opened ${name}: ${model.spec.layers.length} layers with their weights, ready to inspect and evaluate; "Continue training" fine-tunes it.${notes}`;
    const classNames = setup.classNames ? { classNames: setup.classNames } : {};
    this.post({ type: 'modelUploaded', runId: cmd.runId, dataset, spec: model.spec, studyOnly: null, message, ...classNames });
    await this.saved.saveImported(cmd.runId, setup, name, model.weights);
  }
}
