import type { ModelSpec } from './types';

/**
 * `spec` with its output layer sized for `classes` classes: the last layer's
 * units when it is Dense (as Keras tutorials write `Dense(num_classes)`).
 * Any other spec comes back as it is, for the network check to explain.
 */
export function withOutputUnits(spec: ModelSpec, classes: number): ModelSpec {
  const last = spec.layers[spec.layers.length - 1];
  if (last?.type !== 'dense' || last.units === classes) return spec;
  return { ...spec, layers: [...spec.layers.slice(0, -1), { ...last, units: classes }] };
}
