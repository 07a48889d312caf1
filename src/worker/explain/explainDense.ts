import { strongestInputs, unitWeights } from '../../explain/denseUnit';
import { PER_PIXEL } from '../../explain/receptiveField';
import { inferShapes } from '../../model/inferShapes';
import { message } from '../../model/message';
import type { ModelSpec } from '../../model/types';
import type { DenseExplanation, LayerActivation } from '../../protocol';
import { ExplainError } from './ExplainError';
import type { Weights } from './layerSource';

/** How many strongest inputs of each sign a dense unit lists. */
const STRONGEST = 8;

/**
 * One Dense unit: its weights, what the current input sends through each, its
 * strongest inputs, and (after Flatten) which map each weight reads.
 */
export function explainDense(spec: ModelSpec, activations: LayerActivation[] | null, weights: Weights, layerIndex: number, unit: number): DenseExplanation {
  const layer = spec.layers[layerIndex];
  if (layer?.type !== 'dense') throw new ExplainError(message('explain:errors.pickDense'));
  if (!(unit >= 0 && unit < layer.units)) throw new ExplainError(message('explain:errors.unitOutside', { unit: unit + 1, units: layer.units }));
  const [kernel, bias] = weights;
  const [inputs, units] = kernel.shape;
  const w = unitWeights(kernel.values, inputs, units, unit);
  const input = activations && layerIndex > 0 ? activations[layerIndex - 1].values : null;
  const contributions = input ? w.map((v, i) => v * input[i]) : null;
  const { positive, negative } = strongestInputs(w, input, STRONGEST);
  // Dense weights read a flattened map when the layer follows Flatten (possibly through per-pixel layers: Dropout, BatchNorm, noise…).
  let maps: DenseExplanation['maps'] = null;
  const info = inferShapes(spec);
  for (let i = layerIndex - 1; i >= 0; i--) {
    const t = spec.layers[i].type;
    if (t === 'flatten') {
      const shape = info.layers[i].inputShape;
      if (shape.length === 3) maps = { shape: [shape[0], shape[1], shape[2]], layer: i - 1 };
      break;
    }
    if (!PER_PIXEL.has(t)) break;
  }
  const value = activations ? activations[layerIndex].values[unit] : NaN;
  return { kind: 'dense', layer: layerIndex, unit, weights: w, bias: bias.values[unit], contributions, value, positive, negative, maps };
}
