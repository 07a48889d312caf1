import { kerasLayerNames } from '../../model/keras/kerasNames';
import type { ModelSpec } from '../../model/types';
import type { NamedWeights } from '../modelFiles';
import type { H5Dataset } from './hdf5Tree';

/** One layer's weights, as both Keras writers lay them out. */
export interface LayerWeights {
  /** The layer's Keras name. */
  layer: string;
  /**
   * Its weights in the layer's own order (kernel then bias; gamma, beta,
   * moving mean, moving variance: getWeights() keeps that order within a
   * layer), each by its leaf (`kernel`) and as a float32 dataset.
   */
  weights: { leaf: string; dataset: H5Dataset }[];
}

/** The network's weights grouped by layer, every layer listed (weightless ones with none). */
export function layerWeights(spec: ModelSpec, named: NamedWeights): LayerWeights[] {
  return kerasLayerNames(spec.layers).map((layer) => ({
    layer,
    weights: named.specs.flatMap((w, i) => (w.name.startsWith(`${layer}/`)
      ? [{ leaf: w.name.slice(layer.length + 1), dataset: { kind: 'dataset' as const, dtype: 'float32' as const, shape: [...w.shape], value: named.values[i], attrs: {} } }]
      : [])),
  }));
}
