import { FilterMaximizer } from '../../engine/filterMaximizer';
import { yieldToEventLoop } from '../../engine/yieldToEventLoop';
import type { WorkerEvent } from '../protocol';
import type { Inspection } from '../inspection';
import { ExplainError } from './ExplainError';

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
  private readonly cache = new Map<string, FilterImagesEvent>();

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly inspection: Inspection,
  ) {}

  /** Starts (or answers from the cache) a request; a job in progress is cancelled. */
  async start(requestId: number, layer: number): Promise<void> {
    this.cancel();
    const job = { requestId, cancelled: false };
    this.job = job;
    const target = await this.inspection.target();
    if (!target || job.cancelled) return;
    const { spec, inspector, runId, at } = target;
    const kind = spec.layers[layer]?.type;
    if (kind !== 'conv2d' && kind !== 'maxPool2d' && kind !== 'avgPool2d' && kind !== 'batchNorm' && kind !== 'dropout') {
      throw new ExplainError('Pick a conv or pooling layer: its filters are what the images show');
    }
    const key = `${runId}:${at}:${layer}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.post({ ...cached, requestId, images: cached.images.slice(), activations: cached.activations.slice() });
      return;
    }
    const maximizer = new FilterMaximizer(inspector.model, layer);
    try {
      let lastProgress = -Infinity;
      while (!maximizer.done && !job.cancelled) {
        // The model may have changed between steps (a new run, another network previewed): the images would mean nothing.
        if ((await this.inspection.target())?.inspector !== inspector) job.cancelled = true;
        if (job.cancelled) break;
        // Each step is tracked: a model is disposed only once the step reading it is over.
        const step = maximizer.step();
        this.inspection.track(step);
        await step;
        const now = performance.now();
        if (now - lastProgress >= PROGRESS_EVERY_MS || maximizer.done) {
          lastProgress = now;
          this.post({ type: 'filterImagesProgress', requestId, layer, step: maximizer.stepsDone, steps: maximizer.steps });
        }
        await yieldToEventLoop(); // training's next batch, and the page's commands, go first
      }
      const { images, activations } = await maximizer.result();
      const event: FilterImagesEvent = {
        type: 'filterImages', requestId, runId, at, layer, filters: maximizer.filters, height: maximizer.height, width: maximizer.width,
        images, activations, cancelled: job.cancelled,
      };
      if (!job.cancelled) this.remember(key, event);
      this.post(job.cancelled ? event : { ...event, images: images.slice(), activations: activations.slice() });
    } finally {
      maximizer.dispose();
      if (this.job === job) this.job = null;
    }
  }

  /** Stops the job in progress after its current step (it answers with what it has, marked cancelled). */
  cancel(requestId?: number): void {
    if (this.job && (requestId === undefined || this.job.requestId === requestId)) this.job.cancelled = true;
  }

  private remember(key: string, event: FilterImagesEvent): void {
    const run = key.split(':')[0];
    // Another run's (or model's) answers can never be asked for again.
    for (const k of this.cache.keys()) if (k.split(':')[0] !== run) this.cache.delete(k);
    this.cache.set(key, event);
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
  }
}
