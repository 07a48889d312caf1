import { closestFilter } from '../../explain/closestFilter';
import { convolveSame } from '../../explain/convolveSame';
import type { ModelSpec } from '../../model/types';
import type { HandFiltersExplanation, HandKernel, LayerActivation } from '../../protocol';
import type { Weights } from './layerSource';

/**
 * Classic kernels applied to the input by hand, beside the first conv layer's
 * own kernels and maps, with the trained filter most like each classic one.
 * `firstConv` is that layer's index and weights (null: the network has none).
 */
export function explainHandFilters(
  spec: ModelSpec,
  image: Float32Array,
  activations: LayerActivation[],
  firstConv: { layer: number; weights: Weights } | null,
  kernels: HandKernel[],
): HandFiltersExplanation {
  const [h, w] = spec.inputShape;
  const outputs = kernels.map((k) => convolveSame(image, h, w, k.kernel));
  let trained: HandFiltersExplanation['trained'] = null;
  let closest: HandFiltersExplanation['closest'] = kernels.map(() => null);
  if (firstConv) {
    const [kernel] = firstConv.weights;
    const maps = activations[firstConv.layer];
    trained = { layer: firstConv.layer, kernels: { shape: kernel.shape, values: kernel.values.slice() }, maps: { shape: maps.shape, values: maps.values.slice() } };
    const [kh, kw, c, f] = kernel.shape;
    // Only a 3×3 single-channel filter compares weight for weight with a 3×3 hand kernel.
    if (kh === 3 && kw === 3 && c === 1) closest = kernels.map((k) => closestFilter(k.kernel, kernel.values, f));
  }
  return { kind: 'handFilters', kernels, image: { shape: [h, w], values: image.slice() }, outputs, trained, closest };
}
