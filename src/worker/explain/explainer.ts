import { classScoreGradient, occlusionMap, smoothGrad } from '../../engine/saliency';
import { message, type Message } from '../../model/message';
import type { Explanation, ExplainRequest, WorkerEvent } from '../../protocol';
import type { Inspection } from '../inspect/inspection';
import { ExplainError } from './ExplainError';
import { explainDense } from './explainDense';
import { explainHandFilters } from './explainHandFilters';
import { explainIm2col } from './explainIm2col';
import { explainPixel } from './explainPixel';
import { explainStudyPixel } from './explainStudyPixel';

type Kind = Explanation['kind'];

/** Said when there is no model to explain: before any run, the network set up is built untrained, unless it cannot run here. */
export const NO_MODEL: Message = message('explain:errors.noModel');
const KINDS: readonly Kind[] = ['pixel', 'im2col', 'handFilters', 'dense', 'saliency'];

/**
 * While training changes the weights, a view is recomputed at most this
 * often: once a second for the arithmetic, im2col (a matrix product in plain
 * JavaScript, up to a few MB of matrices), the hand-set filters and the dense
 * units; every 5 s for saliency (about 25 backward passes and 150 forward
 * ones: every 2 s cost training 16% in \`npm run bench\`). A new input or a
 * new request is answered at once.
 */
export const EXPLAIN_INTERVAL_MS: Record<Kind, number> = { pixel: 1000, im2col: 1000, handFilters: 1000, dense: 1000, saliency: 5000 };

/**
 * Answers the explainer views open on the page from the inspection's model
 * and input. Runs between training steps like the snapshots: one answer at a
 * time, its reads tracked by the inspection so that no model is disposed
 * under them.
 */
export class Explainer {
  private req: ExplainRequest | null = null;
  /** Views whose answer is out of date, and whether at once (new input or request) or when due. */
  private readonly dirty = new Map<Kind, 'now' | 'due'>();
  private readonly last = new Map<Kind, number>();
  private running = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly post: (e: WorkerEvent) => void,
    private readonly inspection: Inspection,
    private readonly now: () => number = () => performance.now(),
  ) {}

  request(req: ExplainRequest): void {
    this.req = req;
    for (const k of KINDS) this.dirty.set(k, 'now');
    this.kick();
  }

  /** The input changed (answer at once) or the weights did (answer when due). */
  changed(urgent: boolean): void {
    for (const k of KINDS) if (this.dirty.get(k) !== 'now') this.dirty.set(k, urgent ? 'now' : 'due');
    this.kick();
  }

  private kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.inspection.track(this.run());
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      do {
        this.again = false;
        await this.answerDue();
      } while (this.again);
    } finally {
      this.running = false;
    }
  }

  /** Computes every open view that is due, from one snapshot of the model. */
  private async answerDue(): Promise<void> {
    const req = this.req;
    if (!req) return;
    const now = this.now();
    const due = KINDS.filter((k) => this.open(req, k) && this.dirty.has(k) && (this.dirty.get(k) === 'now' || now - (this.last.get(k) ?? -Infinity) >= EXPLAIN_INTERVAL_MS[k]));
    this.scheduleLeftovers(req, now);
    if (due.length === 0) return;
    for (const k of due) {
      this.dirty.delete(k);
      this.last.set(k, now);
    }
    const target = await this.inspection.target();
    const fail = (kind: Kind, said: Message) => this.post({ type: 'explainError', requestId: req.requestId, kind, message: said });
    const attempt = (kind: Kind, make: () => Explanation | Promise<Explanation>, model: { runId: number; at: number; trained: boolean } | null = target) =>
      Promise.resolve()
        .then(make)
        .then((explanation) => this.post({ type: 'explanation', requestId: req.requestId, runId: model?.runId ?? 0, at: model?.at ?? 0, trained: model?.trained ?? false, explanation }), (e: unknown) => {
          // Said beside its view: one view failing never leaves the others waiting.
          fail(kind, e instanceof ExplainError ? e.detail : message('explain:errors.couldNotCompute', { detail: e instanceof Error ? e.message : String(e) }));
        });
    if (!target) {
      const study = req.studySpec;
      for (const k of due) {
        if (k === 'pixel' && study && req.pixel) {
          const pixel = req.pixel;
          await attempt('pixel', () => explainStudyPixel(study, this.inspection.input(), pixel), { runId: 0, at: 0, trained: false });
        } else {
          fail(k, NO_MODEL);
        }
      }
      return;
    }
    const { spec, inspector } = target;
    const image = this.inspection.input();
    const needsImage = due.filter((k) => k !== 'dense');
    if (!image) {
      for (const k of needsImage) fail(k, message('explain:errors.needInput'));
      if (!due.includes('dense')) return;
    }
    const firstConv = spec.layers.findIndex((l) => l.type === 'conv2d');
    const weightLayers = [
      due.includes('pixel') && req.pixel ? req.pixel.layer : -1,
      due.includes('im2col') && req.im2col ? req.im2col.layer : -1,
      due.includes('handFilters') ? firstConv : -1,
      due.includes('dense') && req.dense ? req.dense.layer : -1,
    ];
    const input = image ?? new Float32Array(spec.inputShape[0] * spec.inputShape[1]);
    let snap: Awaited<ReturnType<typeof inspector.snapshot>>;
    try {
      snap = await inspector.snapshot(input, weightLayers); // layer −1 reads nothing
    } catch (e) {
      for (const k of due) fail(k, message('explain:errors.couldNotRead', { detail: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const acts = snap.activations;
    if (image && due.includes('pixel') && req.pixel) {
      const pixel = req.pixel;
      await attempt('pixel', () => explainPixel(spec, image, acts, snap.weights[0], pixel));
    }
    if (image && due.includes('im2col') && req.im2col) {
      const pixel = req.im2col;
      await attempt('im2col', () => explainIm2col(spec, image, acts, snap.weights[1], pixel));
    }
    if (image && due.includes('handFilters') && req.handFilters) {
      const kernels = req.handFilters;
      await attempt('handFilters', () => explainHandFilters(spec, image, acts, firstConv >= 0 ? { layer: firstConv, weights: snap.weights[2] } : null, kernels));
    }
    if (due.includes('dense') && req.dense) {
      const { layer, unit } = req.dense;
      await attempt('dense', () => explainDense(spec, image ? acts : null, snap.weights[3], layer, unit));
    }
    if (image && due.includes('saliency') && req.saliency) {
      const probs = acts[acts.length - 1].values;
      const classIndex = req.saliency.classIndex ?? topClass(probs);
      await attempt('saliency', async () => {
        if (!(classIndex >= 0 && classIndex < probs.length)) throw new ExplainError(message('explain:errors.noClass', { index: classIndex }));
        const built = inspector.model;
        const [h, w] = spec.inputShape;
        const gradient = await classScoreGradient(built, image, classIndex);
        const smooth = await smoothGrad(built, image, classIndex);
        const occlusion = await occlusionMap(built, image, classIndex);
        return { kind: 'saliency', requested: req.saliency?.classIndex ?? null, classIndex, probability: probs[classIndex], image: { shape: [h, w], values: image.slice() }, gradient, smoothGrad: smooth, occlusion };
      });
    }
  }

  private open(req: ExplainRequest, k: Kind): boolean {
    return req[k] !== null;
  }

  /** Views held back by their interval are answered when it has passed, even if nothing else happens. */
  private scheduleLeftovers(req: ExplainRequest, now: number): void {
    clearTimeout(this.timer);
    const waits = KINDS.filter((k) => this.open(req, k) && this.dirty.get(k) === 'due').map(
      (k) => (this.last.get(k) ?? -Infinity) + EXPLAIN_INTERVAL_MS[k] - now,
    );
    const wait = Math.min(...waits.filter((t) => t > 0));
    if (Number.isFinite(wait)) this.timer = setTimeout(() => this.kick(), wait + 1);
  }
}

function topClass(probs: Float32Array): number {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  return best;
}
