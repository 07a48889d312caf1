import { FilterMaximizer } from '../../engine/filterMaximizer';
import { yieldToEventLoop } from '../../engine/yieldToEventLoop';
import { message } from '../../model/message';
import type { WorkerEvent } from '../../protocol';
import type { Inspection } from '../inspect/inspection';
import { ExplainError } from './ExplainError';
import { NO_MODEL } from './explainer';
import { isPixelLayer } from '../../explain/pixelLayerTypes';
import type { ModelInspector } from '../../engine/inspectModel';

type FilterImagesEvent = Extract<WorkerEvent, { type: 'filterImages' }>;

/** Progress is posted at most this often. */
const PROGRESS_EVERY_MS = 100;
/** Answers kept (per layer and weights), so that switching layers back and forth does not recompute. */
const CACHE_SIZE = 8;

/**
 * What each filter of a layer responds to most (activation maximisation),
 * computed a step at a time between training steps, cancellable, and kept
 * until the weights change: an answer is keyed by run, training position and layer.
 */
export class FilterImages {
  private job: { requestId: number; cancelled: boolean } | null = null;
  private readonly cache = new Map<string, { event: FilterImagesEvent; inspector: ModelInspector }>();

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly inspection: Inspection,
  ) {}

  /**
   * Starts (or answers from the cache) a request; a job in progress is
   * cancelled. Always answers: images, images marked cancelled, or an error.
   */
  async start(requestId: number, layer: number): Promise<void> {
    this.cancel();
    const job = { requestId, cancelled: false };
    this.job = job;
    try {
      await this.run(job, layer);
    } finally {
      if (this.job === job) this.job = null;
    }
  }

  /**
   * The Maximize command: `start`, with any failure said beside the view, so
   * that its progress ends; an unexpected failure is rethrown too, for the banner.
   */
  async answer(requestId: number, layer: number): Promise<void> {
    try {
      await this.start(requestId, layer);
    } catch (e) {
      const said = e instanceof ExplainError ? e.detail : message('explain:errors.couldNotComputeImages', { detail: e instanceof Error ? e.message : String(e) });
      this.post({ type: 'explainError', requestId, kind: 'maximize', message: said });
      if (!(e instanceof ExplainError)) throw e;
    }
  }

  private async run(job: { requestId: number; cancelled: boolean }, layer: number): Promise<void> {
    const { requestId } = job;
    const target = await this.inspection.target();
    if (!target) throw new ExplainError(NO_MODEL);
    const { spec, inspector, runId, at } = target;
    if (!isPixelLayer(spec.layers[layer]?.type)) throw new ExplainError(message('explain:errors.pickMaximizeLayer'));
    const cancelled = (): FilterImagesEvent => ({
      type: 'filterImages', requestId, runId, at, layer, filters: 0, height: 0, width: 0, images: new Float32Array(0), activations: new Float32Array(0), cancelled: true,
    });
    if (job.cancelled) return this.post(cancelled());
    const key = `${runId}:${at}:${layer}`;
    const cached = this.cache.get(key);
    // Before any run every network previewed is run 0 at 0: only the very same model's images will do.
    if (cached && cached.inspector === inspector) {
      this.post({ ...cached.event, requestId, images: cached.event.images.slice(), activations: cached.event.activations.slice() });
      return;
    }
    const maximizer = new FilterMaximizer(inspector.model, layer);
    try {
      let lastProgress = -Infinity;
      while (!maximizer.done) {
        // The model may have changed between steps (a new run, another network previewed): the images would mean nothing.
        if ((await this.inspection.target())?.inspector !== inspector) job.cancelled = true;
        // Checked right before each read: releaseModel() cancels before it waits for the step in flight, so a
        // disposed model is never read.
        if (job.cancelled) return this.post(cancelled());
        await this.tracked(maximizer.step());
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_EVERY_MS || maximizer.done) {
          lastProgress = now;
          this.post({ type: 'filterImagesProgress', requestId, layer, step: maximizer.stepsDone, steps: maximizer.steps });
        }
        await yieldToEventLoop(); // training's next batch, and the page's commands, go first
      }
      if (job.cancelled) return this.post(cancelled());
      const { images, activations } = await this.tracked(maximizer.result());
      const event: FilterImagesEvent = {
        type: 'filterImages', requestId, runId, at, layer, filters: maximizer.filters, height: maximizer.height, width: maximizer.width,
        images, activations, cancelled: false,
      };
      this.remember(key, { event, inspector });
      this.post({ ...event, images: images.slice(), activations: activations.slice() });
    } finally {
      maximizer.dispose();
    }
  }

  /** A read of the model: no model is disposed until it is over (Inspection.idle). */
  private tracked<T>(p: Promise<T>): Promise<T> {
    this.inspection.track(p, false); // its failure reaches the caller, and through it the page
    return p;
  }

  /** Stops the job in progress after its current step (it answers with no images, marked cancelled). */
  cancel(requestId?: number): void {
    if (this.job && (requestId === undefined || this.job.requestId === requestId)) this.job.cancelled = true;
  }

  private remember(key: string, entry: { event: FilterImagesEvent; inspector: ModelInspector }): void {
    const run = key.split(':')[0];
    // Another run's (or model's) answers can never be asked for again.
    for (const k of this.cache.keys()) if (k.split(':')[0] !== run) this.cache.delete(k);
    this.cache.set(key, entry);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}
