import type { ModelSpec } from './types';

/** Where a network's class scores come from. */
export interface Classifier {
  /** The Dense layer whose units are the classes (its output: the logits). */
  dense: number;
  /** The layer whose output is the class probabilities: the Dense itself when its activation is softmax, else the Activation("softmax") right after it. */
  probabilities: number;
  units: number;
}

/**
 * The classifier a network ends in: a Dense with softmax, as Keras tutorials
 * write it, or a linear Dense followed by Activation("softmax"), as models
 * that keep the logits apart write it. Undefined for any other ending.
 */
export function classifierOf(spec: Pick<ModelSpec, 'layers'>): Classifier | undefined {
  const n = spec.layers.length;
  const last = spec.layers[n - 1];
  if (last?.type === 'dense' && last.activation === 'softmax') return { dense: n - 1, probabilities: n - 1, units: last.units };
  const before = spec.layers[n - 2];
  if (last?.type === 'activation' && last.activation === 'softmax' && before?.type === 'dense' && before.activation === 'linear') {
    return { dense: n - 2, probabilities: n - 1, units: before.units };
  }
  return undefined;
}
