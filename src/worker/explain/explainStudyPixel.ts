import { convPixel } from '../../explain/convPixel';
import { directConv } from '../../explain/directConv';
import { poolPixel } from '../../explain/poolPixel';
import { receptiveField } from '../../explain/receptiveField';
import { mulberry32 } from '../../data/random';
import { inferShapes } from '../../model/inferShapes';
import { message } from '../../model/message';
import type { ModelSpec } from '../../model/types';
import type { MapPixel, PixelExplanation } from '../../protocol';
import { ExplainError } from './ExplainError';

/** At most this many values of the layer's input travel to the page (VGG's 224×224×64 would be 13 MB). */
const MAX_SOURCE_VALUES = 1_500_000;

/**
 * A pixel of a network too big to build here (a classic net at full size,
 * for study): its layer alone, with random weights (Glorot-uniform, seeded by
 * layer and filter, bias 0) on the drawing scaled to the input (the first
 * layer) or on random values in [0, 1) (deeper layers, whose real input would
 * need every layer before). The arithmetic is real; the numbers mean nothing learned.
 */
export function explainStudyPixel(spec: ModelSpec, image: Float32Array | null, pixel: MapPixel): PixelExplanation {
  const layer = spec.layers[pixel.layer];
  const info = inferShapes(spec).layers[pixel.layer];
  const input = info?.inputShape;
  const output = info?.outputShape;
  if (!layer || !output || input?.length !== 3 || output.length !== 3) throw new ExplainError(message('explain:errors.noMaps', { layer: pixel.layer + 1 }));
  if (layer.type !== 'conv2d' && layer.type !== 'maxPool2d' && layer.type !== 'avgPool2d') {
    throw new ExplainError(message('explain:errors.pixelLayer'));
  }
  const [h, w, c] = input;
  const [oh, ow, oc] = output;
  const { y, x, channel } = pixel;
  if (!(y >= 0 && y < oh && x >= 0 && x < ow && channel >= 0 && channel < oc)) {
    throw new ExplainError(message('explain:errors.pixelOutside', { y: y + 1, x: x + 1, map: channel + 1, h: oh, w: ow, c: oc }));
  }
  const random = mulberry32(1000 * pixel.layer + channel + 1);
  const source = new Float32Array(h * w * c);
  const [ih, iw] = spec.inputShape;
  for (let r = 0; r < h; r++) {
    for (let q = 0; q < w; q++) {
      // The drawing, nearest-neighbour scaled to the input and copied into every channel.
      const ink = pixel.layer === 0 && image ? image[Math.floor((r * 28) / ih) * 28 + Math.floor((q * 28) / iw)] : NaN;
      for (let k = 0; k < c; k++) source[(r * w + q) * c + k] = Number.isNaN(ink) ? random() : ink;
    }
  }
  let map: Float32Array;
  let arithmetic: PixelExplanation['arithmetic'];
  if (layer.type === 'conv2d') {
    const k = layer.kernelSize;
    const limit = Math.sqrt(6 / (k * k * c + k * k * layer.filters)); // Glorot-uniform, as Keras initialises
    const kernel = Float32Array.from({ length: k * k * c }, () => (2 * random() - 1) * limit);
    const one = { ...layer, filters: 1 };
    map = directConv(source, [h, w, c], kernel, new Float32Array(1), one);
    arithmetic = convPixel(source, [h, w, c], kernel, new Float32Array(1), one, y, x, 0);
  } else {
    map = new Float32Array(oh * ow);
    for (let r = 0; r < oh; r++) for (let q = 0; q < ow; q++) map[r * ow + q] = poolPixel(source, [h, w, c], layer, r, q, channel).value;
    arithmetic = poolPixel(source, [h, w, c], layer, y, x, channel);
  }
  // The page shows one input channel at a time: send as many as fit.
  const sent = Math.max(1, Math.min(c, Math.floor(MAX_SOURCE_VALUES / (h * w))));
  const values = sent === c ? source : Float32Array.from({ length: h * w * sent }, (_, i) => source[Math.floor(i / sent) * c + (i % sent)]);
  return {
    kind: 'pixel',
    pixel,
    source: { layer: pixel.layer - 1, shape: [h, w, sent], values },
    map: { shape: [oh, ow], values: map },
    arithmetic,
    modelValue: map[y * ow + x],
    receptiveField: receptiveField(spec, pixel.layer, y, x),
    image: { shape: [ih, iw], values: Float32Array.from({ length: ih * iw }, (_, i) => (image ? image[Math.floor((Math.floor(i / iw) * 28) / ih) * 28 + Math.floor(((i % iw) * 28) / iw)] : 0)) },
    study: true,
  };
}
