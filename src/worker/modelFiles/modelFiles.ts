import { datasetShape } from '../../data/datasets';
import { exportModelFiles, importModelFiles, ModelFileError, prepareKerasFiles, type ImportedModel } from '../../engine/modelFiles';
import type { ModelFormat } from '../../model/modelFormat';
import type { Command, SavedRunSetup, WorkerEvent } from '../../protocol';
import { currentModel } from '../model/currentModel';
import type { ModelSlot } from '../model/modelSlot';
import type { SavedRuns } from '../savedRuns/savedRuns';
import { SessionError } from '../sessionError';
import { message, type Message } from '../../model/message';

/** A notice followed by the notes on how the file was read, each after a space. */
const withNotes = (m: Message, notes: readonly Message[]): Message => notes.reduce((text, note) => message('errors:notice.withNote', { text, note }), m);

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
    if (!current) throw new SessionError('invalid-request', message('errors:request.noModelToDownload'));
    let files: Awaited<ReturnType<typeof exportModelFiles>>;
    try {
      files = await exportModelFiles(current.built, current.spec, name, format);
    } catch (e) {
      if (e instanceof ModelFileError) throw new SessionError('model-file', e.detail);
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
      if (e instanceof ModelFileError) throw new SessionError('model-file', e.detail);
      throw e;
    }
    const { name } = model;
    const notes = model.notes;
    if (model.studyOnly || !model.weights) {
      this.slot.renumber(cmd.runId);
      this.post({ type: 'modelUploaded', runId: cmd.runId, dataset, spec: model.spec, studyOnly: model.studyOnly, message: withNotes(model.studyOnly ?? message('errors:notice.noWeights', { name }), notes) });
      return;
    }
    const setup: SavedRunSetup = { ...cmd.setup, spec: model.spec };
    const weights = model.weights;
    await this.slot.replace(() => currentModel({ runId: cmd.runId, spec: model.spec, config: setup.config, dataset, weights, at: 0 }));
    const notice = withNotes(message('errors:notice.uploaded', { name, layers: model.spec.layers.length }), notes);
    const classNames = setup.classNames ? { classNames: setup.classNames } : {};
    this.post({ type: 'modelUploaded', runId: cmd.runId, dataset, spec: model.spec, studyOnly: null, message: notice, ...classNames });
    await this.saved.saveImported(cmd.runId, setup, name, model.weights);
  }
}
