import { firstLayerInput } from '../../model/inferShapes';
import type { ModelSpec } from '../../model/types';
import type { LayerActivation, MapValues } from '../../protocol';

/** A layer's weights as the inspector reads them: kernel, then bias (Dense and Conv2D). */
export type Weights = { shape: number[]; values: Float32Array }[];

/** What spec layer `layer` reads: the previous layer's output, or the image for the first (a copy: it is transferred). */
export function layerSource(spec: ModelSpec, image: Float32Array, activations: LayerActivation[], layer: number): MapValues & { layer: number } {
  if (layer === 0) return { layer: -1, shape: [...firstLayerInput(spec)], values: image.slice() };
  const prev = activations[layer - 1];
  return { layer: layer - 1, shape: prev.shape, values: prev.values.slice() };
}
