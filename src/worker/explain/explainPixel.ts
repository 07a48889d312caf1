import { channelOf } from '../../explain/channelOf';
import { convPixel } from '../../explain/convPixel';
import { poolPixel } from '../../explain/poolPixel';
import { receptiveField } from '../../explain/receptiveField';
import { message } from '../../model/message';
import type { ModelSpec } from '../../model/types';
import type { LayerActivation, MapPixel, PixelExplanation } from '../../protocol';
import { ExplainError } from './ExplainError';
import { layerSource, type Weights } from './layerSource';

/**
 * Works out one feature-map pixel by hand from the layer's input and weights,
 * beside the model's own value there. `activations` and `weights` (the conv
 * layer's kernel and bias) come from one snapshot of the model.
 */
export function explainPixel(spec: ModelSpec, image: Float32Array, activations: LayerActivation[], weights: Weights, pixel: MapPixel): PixelExplanation {
  const layer = spec.layers[pixel.layer];
  const out = activations[pixel.layer];
  if (!layer || !out) throw new ExplainError(message('explain:errors.noLayer', { layer: pixel.layer + 1 }));
  if (layer.type !== 'conv2d' && layer.type !== 'maxPool2d' && layer.type !== 'avgPool2d') {
    throw new ExplainError(message('explain:errors.pixelLayer'));
  }
  const [oh, ow, oc] = out.shape;
  const { y, x, channel } = pixel;
  if (!(y >= 0 && y < oh && x >= 0 && x < ow && channel >= 0 && channel < oc)) {
    throw new ExplainError(message('explain:errors.pixelOutside', { y, x, map: channel + 1, h: oh, w: ow, c: oc }));
  }
  const source = layerSource(spec, image, activations, pixel.layer);
  const shape = source.shape as [number, number, number];
  const arithmetic =
    layer.type === 'conv2d'
      ? convPixel(source.values, shape, weights[0].values, weights[1].values, layer, y, x, channel)
      : poolPixel(source.values, shape, layer, y, x, channel);
  const [h, w] = spec.inputShape;
  return {
    kind: 'pixel',
    pixel,
    source,
    map: { shape: [oh, ow], values: channelOf(out.values, oh, ow, oc, channel) },
    arithmetic,
    modelValue: out.values[(y * ow + x) * oc + channel],
    receptiveField: receptiveField(spec, pixel.layer, y, x),
    image: { shape: [h, w], values: image.slice() },
  };
}
