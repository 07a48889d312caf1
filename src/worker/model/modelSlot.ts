import { disposeCurrentModel, type CurrentModel } from './currentModel';

/** What reads the current model, or keeps what was computed from it. */
export interface ModelReaders {
  /** Resolves once nothing reads any model (filter images cancelled, snapshots finished): call before disposing one. */
  release(): Promise<void>;
  /** The model went: the untrained preview of the network set up goes with it. */
  vacated(): void;
  /** Another model is current: what was computed from the old one (test predictions) is dropped. */
  replaced(): void;
  /** Shows the current model: the panels' snapshot and its weight histograms, again. */
  show(): void;
}

/** What a replacement waits for: no backend change or measurement under way. */
export interface BackendGate {
  /** A measurement in progress gives way. */
  interrupt(): void;
  /** Resolves once no backend operation is queued or running. */
  settled(): Promise<unknown>;
}

/**
 * The worker's one model, shared by every family of commands: a run trains
 * it, saved runs and model files replace it, the inspection and the test set
 * read it. It keeps its weights after Stop or divergence until something
 * replaces it; whatever replaces it frees the old one only once nothing reads it.
 */
export class ModelSlot {
  current: CurrentModel | null = null;

  constructor(
    private readonly readers: ModelReaders,
    private readonly backends: BackendGate,
  ) {}

  /** Stops what reads the model (filter images after their step, snapshots) before it is disposed. */
  release(): Promise<void> {
    return this.readers.release();
  }

  /** Frees the current model and the preview: nothing is current until `put`. */
  vacate(): void {
    if (this.current) disposeCurrentModel(this.current);
    this.current = null;
    this.readers.vacated();
  }

  /** `next` becomes the current model (the slot must have been vacated). */
  put(next: CurrentModel): void {
    this.current = next;
    this.readers.replaced();
  }

  /**
   * A model that did not come from training here (opened or uploaded)
   * becomes the current one, once no backend change or snapshot is under way.
   * It is built before the old model goes: weights that do not fit leave that one in place.
   */
  async replace(make: () => CurrentModel): Promise<void> {
    this.backends.interrupt();
    await this.backends.settled();
    await this.release();
    const next = make();
    this.vacate();
    this.put(next);
    this.readers.show();
  }

  /** Gives the model there the number the page now expects (a replacement that failed keeps it, renumbered). */
  renumber(runId: number): void {
    if (this.current) this.current.runId = runId;
  }
}
