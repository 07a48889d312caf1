import type { StoreApi } from 'zustand';
import { inferShapes } from '../model/inferShapes';
import type { ModelSpec } from '../model/types';
import type { ExplainRequest, MapPixel } from '../worker/protocol';
import type { AppState } from './appState';
import { modelSpec } from './selectors';

/** The pixel the views look at: the one picked, or the middle of the first conv layer's first map. */
export function pickedPixel(s: Pick<AppState, 'explain' | 'spec' | 'run'>): MapPixel | null {
  return s.explain.pixel ?? defaultPixel(modelSpec(s));
}

const defaults = new WeakMap<ModelSpec, MapPixel | null>();

/** The middle of the first conv layer's first map (one object per spec, so that selectors stay stable). */
export function defaultPixel(spec: ModelSpec): MapPixel | null {
  if (defaults.has(spec)) return defaults.get(spec) ?? null;
  const layer = spec.layers.findIndex((l) => l.type === 'conv2d');
  const shape = layer >= 0 ? inferShapes(spec).layers[layer]?.outputShape : undefined;
  const pixel = shape && shape.length === 3 ? { layer, channel: 0, y: Math.floor(shape[0] / 2), x: Math.floor(shape[1] / 2) } : null;
  defaults.set(spec, pixel);
  return pixel;
}

/** The first Dense layer's first unit, the default dense view. */
export function pickedDense(s: Pick<AppState, 'explain' | 'spec' | 'run'>): { layer: number; unit: number } | null {
  if (s.explain.dense) return s.explain.dense;
  const layer = modelSpec(s).layers.findIndex((l) => l.type === 'dense');
  return layer >= 0 ? { layer, unit: 0 } : null;
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
  };
}

const dependsOn = (s: AppState) => [s.explain.requestId, s.explain.visible, s.explain.tab, s.run.spec, s.spec] as const;

/** Keeps the worker's explainer request in step with the store; returns the unsubscribe function. */
export function sendExplainRequests(store: StoreApi<AppState>, worker: { send: (cmd: { type: 'explain'; request: ExplainRequest }) => void }): () => void {
  let last = dependsOn(store.getState());
  worker.send({ type: 'explain', request: explainRequestOf(store.getState()) });
  return store.subscribe((s) => {
    const next = dependsOn(s);
    if (next.every((v, i) => v === last[i])) return;
    last = next;
    worker.send({ type: 'explain', request: explainRequestOf(s) });
  });
}
