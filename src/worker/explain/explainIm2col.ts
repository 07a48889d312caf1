import { convByIm2col } from '../../explain/convByIm2col';
import { message } from '../../model/message';
import type { ModelSpec } from '../../model/types';
import type { Im2colExplanation, LayerActivation, MapPixel } from '../../protocol';
import { ExplainError } from './ExplainError';
import { layerSource, type Weights } from './layerSource';

/**
 * The picked pixel's conv layer as one matrix product, and how far the
 * product (plus bias, through the activation) is from the layer's own output.
 */
export function explainIm2col(spec: ModelSpec, image: Float32Array, activations: LayerActivation[], weights: Weights, pixel: MapPixel): Im2colExplanation {
  const layer = spec.layers[pixel.layer];
  const out = activations[pixel.layer];
  if (!layer || !out) throw new ExplainError(message('explain:errors.noLayer', { layer: pixel.layer + 1 }));
  if (layer.type !== 'conv2d') throw new ExplainError(message('explain:errors.im2colConv'));
  const source = layerSource(spec, image, activations, pixel.layer);
  const [kernel, bias] = weights;
  const { patches, product, output } = convByIm2col(source.values, source.shape as [number, number, number], kernel.values, bias.values, layer);
  let maxError = 0;
  for (let i = 0; i < output.length; i++) maxError = Math.max(maxError, Math.abs(output[i] - out.values[i]));
  return {
    kind: 'im2col',
    pixel,
    rows: patches.rows,
    cols: patches.cols,
    filters: layer.filters,
    outHeight: patches.outHeight,
    outWidth: patches.outWidth,
    patches: patches.values,
    kernels: kernel.values.slice(),
    product,
    bias: bias.values.slice(),
    maxError,
  };
}
