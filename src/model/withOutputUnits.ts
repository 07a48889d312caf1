import { classifierOf } from './classifierOf';
import type { ModelSpec } from './types';

/**
 * `spec` with its output layer sized for `classes` classes: the last layer's
 * units when it is Dense (as Keras tutorials write `Dense(num_classes)`), or the
 * classifier Dense before an Activation("softmax").
 * Any other spec comes back as it is, for the network check to explain.
 */
export function withOutputUnits(spec: ModelSpec, classes: number): ModelSpec {
  const classifier = classifierOf(spec);
  const last = spec.layers[spec.layers.length - 1];
  const at = classifier?.dense ?? spec.layers.length - 1;
  const dense = classifier ? spec.layers[at] : last;
  if (dense?.type !== 'dense' || dense.units === classes) return spec;
  return { ...spec, layers: spec.layers.map((l, i) => (i === at ? { ...dense, units: classes } : l)) };
}
