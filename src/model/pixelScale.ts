import type { LayerType, ModelSpec } from './types';

/**
 * What the network's input pixels must be multiplied by: 255 for a model
 * that starts with a Rescaling of 1/255 (or 1/127.5, offset −1), which Keras
 * models carry to read the 0–255 pixels they were trained on; 1 for every
 * other network, which reads Convscope's 0–1 pixels. Layers that do not
 * change values at inference (Reshape, noise, dropout, random layers) may come first.
 */
/** Layers that leave values as they are at inference: a Rescaling after them still meets the raw pixels. */
const BEFORE_RESCALING: ReadonlySet<LayerType> = new Set(['reshape', 'random', 'dropout', 'gaussianNoise', 'gaussianDropout', 'spatialDropout2d']);

export function pixelScale(spec: Pick<ModelSpec, 'layers'>): 1 | 255 {
  const first = spec.layers.find((l) => !BEFORE_RESCALING.has(l.type));
  // 1/100 separates "bring 0–255 into 0–2.55 at most" from rescalings meant for 0–1 inputs (x·2 − 1).
  return first?.type === 'rescaling' && Math.abs(first.scale) <= 1 / 100 ? 255 : 1;
}
