import type { OptimizerState } from '../../engine/optimizerState';

export type { OptimizerState };

/** One set of a model's weights, in the order of `model.getWeights()`, and the epoch after which they were taken. */
export interface StoredWeights {
  /** 1-based; 0 = the initial or imported weights. */
  epoch: number;
  weights: Float32Array[];
  /** Stored only with the latest weights, to continue training exactly where it stopped. */
  optimizer: OptimizerState | null;
}

/** 'latest': the model as it last was; 'best': the epoch with the best validation accuracy. */
export type WeightSlot = 'latest' | 'best';

/** Bytes of the arrays in `w`, weights and optimizer state together. */
export function weightsBytes(w: StoredWeights): number {
  const optimizer = w.optimizer?.values.reduce((sum, v) => sum + v.data.byteLength, 0) ?? 0;
  return w.weights.reduce((sum, a) => sum + a.byteLength, 0) + optimizer;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function optimizerError(value: unknown): string | null {
  if (value === null) return null;
  if (!isRecord(value) || typeof value.name !== 'string' || !Array.isArray(value.values)) return 'its optimizer state is not { name, values }';
  const bad = value.values.findIndex((v: unknown) =>
    !isRecord(v) || typeof v.name !== 'string' || !Array.isArray(v.shape) || !(v.data instanceof Float32Array));
  return bad < 0 ? null : `optimizer value ${bad} is not { name, shape, data: Float32Array }`;
}

/**
 * Checks an entry read from the 'weights' store: an epoch number, a list of
 * Float32Arrays and the optimizer state (or null). Returns it, or what is
 * wrong in words. Shapes are the model's business: it checks them on load.
 */
export function decodeStoredWeights(raw: unknown): StoredWeights | { error: string } {
  if (!isRecord(raw)) return { error: 'the entry is not an object' };
  if (typeof raw.epoch !== 'number') return { error: 'it has no epoch number' };
  if (!Array.isArray(raw.weights)) return { error: 'it has no list of weights' };
  const bad = raw.weights.findIndex((w: unknown) => !(w instanceof Float32Array));
  if (bad >= 0) return { error: `weight array ${bad} is not a Float32Array` };
  const optimizer = optimizerError(raw.optimizer);
  if (optimizer !== null) return { error: optimizer };
  return raw as unknown as StoredWeights;
}
