import { histogramBins } from '../../data/histogramBins';
import { buildModel, type BuiltModel } from '../../engine/buildModel';
import { ModelInspector } from '../../engine/inspectModel';
import type { ModelSpec } from '../../model/types';
import type { InspectRequest, WorkerEvent } from '../../protocol';
import { message } from '../../model/message';

/** An inspect request whose input has been read: the pixels themselves. */
export type SnapshotRequest = Omit<InspectRequest, 'input'> & { input: Float32Array | null };

/** The model being trained, as the inspection sees it. */
export interface LiveModel {
  inspector: ModelInspector;
  spec: ModelSpec;
  trained: boolean;
  at: number;
  runId: number;
}

/** Snapshots (feature maps, filters) while training: at most this often. */
export const SNAPSHOT_INTERVAL_MS = 500;
/** Weight histograms while training: at most this often (and at every epoch end). */
const HISTOGRAM_INTERVAL_MS = 1000;
const HISTOGRAM_BINS = 40;

/**
 * Answers the page's questions about the live model (predictions, feature
 * maps, filters) and streams weight histograms, throttled so that training
 * keeps its speed. One snapshot runs at a time; a request that arrives
 * meanwhile is answered right after it with the newest input.
 */
export class Inspection {
  private req: SnapshotRequest | null = null;
  private running = false;
  private again = false;
  private lastSnapshot = -Infinity;
  /** requestId of the last request answered in full. */
  private answered = -1;
  private lastHistogram = -Infinity;
  /** Training position of the last histogram posted per run: never post the same moment twice. */
  private lastHistogramAt = { runId: -1, at: -1 };
  private preview: { spec: ModelSpec; built: BuiltModel; inspector: ModelInspector } | null = null;
  /** Reads in flight (snapshots, histograms): a model must not be disposed under them. */
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly live: () => Promise<LiveModel | null>,
    /** Told when the input (`urgent`) or the weights change: the explainer views follow the same model and image. */
    private readonly onChange: (urgent: boolean) => void = () => {},
  ) {}

  /** A new input or new panel visibility from the page: answer now. */
  request(req: SnapshotRequest): void {
    const inputChanged = req.input !== this.req?.input || req.spec !== this.req?.spec;
    this.req = req;
    this.refresh();
    if (inputChanged) this.onChange(true);
  }

  /** The image the page looks at, or null. */
  input(): Float32Array | null {
    return this.req?.input ?? null;
  }

  /**
   * The model the panels show: the live one, or before any run an untrained
   * model of the network set up (null when that is not valid yet).
   */
  async target(): Promise<(LiveModel & { runId: number }) | null> {
    const live = await this.live();
    if (live) return live;
    const spec = this.req?.spec;
    return spec ? { inspector: this.previewFor(spec), spec, trained: false, at: 0, runId: 0 } : null;
  }

  /**
   * Keeps the model from being disposed until `p` settles (see idle). A
   * failure is reported as an internal error unless the caller handles it (`report` false).
   */
  track(p: Promise<unknown>, report = true): void {
    const done = p.catch((e: Error) => {
      if (report) this.post({ type: 'error', code: 'internal', message: message('errors:internalModelRead', { detail: e.message }) });
    });
    this.inFlight.add(done);
    void done.finally(() => this.inFlight.delete(done));
  }

  /** Answers the current request again (e.g. the weights were replaced). */
  refresh(): void {
    this.onChange(false);
    if (!this.req) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.track(this.run());
  }

  /** Called after every training step: sends due snapshots and histograms. */
  tick(now: number): void {
    // While a snapshot is being taken, batches go on: do not queue another behind it.
    if (!this.running && now - this.lastSnapshot >= SNAPSHOT_INTERVAL_MS) this.refresh();
    this.recordHistograms(now, false);
  }

  /** Posts each layer's weight histogram when due (or always when `force`). */
  recordHistograms(now: number, force: boolean): void {
    if (!force && now - this.lastHistogram < HISTOGRAM_INTERVAL_MS) return;
    this.lastHistogram = now;
    this.track(
      this.live().then(async (m) => {
        if (!m) return;
        if (m.runId === this.lastHistogramAt.runId && m.at === this.lastHistogramAt.at) return;
        this.lastHistogramAt = { runId: m.runId, at: m.at };
        const weights = await m.inspector.layerWeights();
        const layers = weights.map(({ layer, values }) => ({ layer, ...histogramBins(values, HISTOGRAM_BINS) }));
        this.post({ type: 'histograms', runId: m.runId, at: m.at, layers });
      }),
    );
  }

  /** Resolves once no read of any model is in flight: call before disposing one. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  disposePreview(): void {
    this.preview?.built.model.dispose();
    this.preview = null;
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        const req = this.req;
        if (!req) break;
        this.lastSnapshot = performance.now();
        const target = await this.target();
        if (!target) break; // nothing to show until the network set up is valid
        const { inspector } = target;
        const heavy = req.want.activations || req.want.filters;
        if (req.input && heavy && req.requestId !== this.answered) {
          // A new input: send the class scores first, so the bars do not wait for every feature map.
          const probs = await inspector.predict(req.input);
          this.post({ type: 'inspection', requestId: req.requestId, trained: target.trained, at: target.at, probs, activations: null, kernels: null });
        }
        this.answered = req.requestId;
        const activations = req.input && req.want.activations ? await inspector.activations(req.input) : null;
        // The last layer's activations are the class probabilities: no second forward pass.
        const probs = activations ? activations[activations.length - 1].values.slice() : req.input ? await inspector.predict(req.input) : null;
        const kernels = req.want.filters ? await inspector.convKernels() : null;
        this.post({ type: 'inspection', requestId: req.requestId, trained: target.trained, at: target.at, probs, activations, kernels });
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  /** An untrained model of `spec`, so the panels show something before the first run. */
  private previewFor(spec: ModelSpec): ModelInspector {
    if (this.preview && JSON.stringify(this.preview.spec) === JSON.stringify(spec)) return this.preview.inspector;
    // Another network: the old preview may still be read (a snapshot, an explainer view, a filter-image
    // step awaiting its numbers), so it goes once nothing reads any model.
    const old = this.preview;
    this.preview = null;
    if (old) void this.idle().then(() => old.built.model.dispose());
    const built = buildModel(spec, 42);
    this.preview = { spec, built, inspector: new ModelInspector(built) };
    return this.preview.inspector;
  }
}
