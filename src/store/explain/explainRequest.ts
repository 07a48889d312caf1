import type { StoreApi } from 'zustand';
import { inkiestPixel } from '../../explain/inkiestPixel';
import { inferShapes } from '../../model/inferShapes';
import type { ModelSpec } from '../../model/types';
import type { ExplainRequest, MapPixel } from '../../protocol';
import type { AppState } from '../appState';
import { setupCheck, inputPixels, modelSpec } from '../selectors';

/** The pixel the views look at: the one picked, or on the first conv layer's first map the one that sees the most ink. */
export function pickedPixel(s: Pick<AppState, 'explain' | 'spec' | 'run' | 'inspect'>): MapPixel | null {
  return s.explain.pixel ?? defaultPixel(modelSpec(s), inputPixels(s));
}

let lastDefault: { spec: ModelSpec; image: Float32Array | null; pixel: MapPixel | null } | null = null;

/**
 * On the first conv layer's first map, the pixel whose receptive field holds
 * the most ink of `image` (the middle without one): a blank corner would
 * explain a sum of zeros. Kept while spec and image stay, so selectors stay stable.
 */
export function defaultPixel(spec: ModelSpec, image: Float32Array | null): MapPixel | null {
  if (lastDefault && lastDefault.spec === spec && lastDefault.image === image) return lastDefault.pixel;
  const layer = spec.layers.findIndex((l) => l.type === 'conv2d');
  const shape = layer >= 0 ? inferShapes(spec).layers[layer]?.outputShape : undefined;
  let pixel: MapPixel | null = null;
  if (shape && shape.length === 3) {
    const [h, w] = shape;
    const fits = image && image.length === spec.inputShape[0] * spec.inputShape[1];
    pixel = { layer, channel: 0, ...(fits ? inkiestPixel(spec, layer, h, w, image) : { y: Math.floor(h / 2), x: Math.floor(w / 2) }) };
  }
  lastDefault = { spec, image, pixel };
  return pixel;
}

/** The first Dense layer's first unit, the default dense view. */
export function pickedDense(s: Pick<AppState, 'explain' | 'spec' | 'run'>): { layer: number; unit: number } | null {
  if (s.explain.dense) return s.explain.dense;
  const layer = modelSpec(s).layers.findIndex((l) => l.type === 'dense');
  return layer >= 0 ? { layer, unit: 0 } : null;
}

/** The network set up when it cannot be built here (a classic net at full size) and no run's model is shown, else null. */
export function studySpec(s: Pick<AppState, 'run' | 'spec' | 'dataset' | 'drawings'>): ModelSpec | null {
  return !s.run.spec && setupCheck(s).cannotTrain !== undefined ? s.spec : null;
}

/**
 * What the worker should explain: only the tab on screen, and nothing while
 * the panel is out of view (so that training keeps its speed).
 */
export function explainRequestOf(s: AppState): ExplainRequest {
  const { explain } = s;
  const open = (tab: AppState['explain']['tab']) => explain.visible && explain.tab === tab;
  const pixel = pickedPixel(s);
  return {
    requestId: explain.requestId,
    pixel: open('pixel') || open('kernel') ? pixel : null,
    im2col: open('im2col') ? pixel : null,
    handFilters: open('handFilters') ? explain.handKernels : null,
    dense: open('dense') ? pickedDense(s) : null,
    saliency: open('saliency') ? { classIndex: explain.saliencyClass } : null,
    studySpec: studySpec(s),
  };
}

const dependsOn = (s: AppState) => [s.explain.requestId, s.explain.visible, s.explain.tab, s.explain.pixel ? null : inputPixels(s)] as const;

/**
 * Keeps the worker's explainer request in step with the store; returns the
 * unsubscribe function. Another network (edited, loaded, or a run's) drops
 * the picks and answers of the old one first.
 */
export function sendExplainRequests(store: StoreApi<AppState>, worker: { send: (cmd: { type: 'explain'; request: ExplainRequest }) => void }): () => void {
  let last = dependsOn(store.getState());
  let spec = modelSpec(store.getState());
  worker.send({ type: 'explain', request: explainRequestOf(store.getState()) });
  return store.subscribe((s) => {
    const nextSpec = modelSpec(s);
    if (nextSpec !== spec) {
      // A run of the network on screen holds a copy of it: the picks still hold.
      const same = JSON.stringify(nextSpec) === JSON.stringify(spec);
      spec = nextSpec;
      if (!same) {
        s.forgetExplanations(); // a new request id: this subscription runs again and sends it
        return;
      }
    }
    const next = dependsOn(s);
    if (next.every((v, i) => v === last[i])) return;
    last = next;
    worker.send({ type: 'explain', request: explainRequestOf(s) });
  });
}
