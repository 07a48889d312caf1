/**
 * What one Dense unit looks at: its column of the kernel, the inputs that
 * push it up or down most, and — for the first Dense after Flatten — its
 * weights laid back onto the feature maps they read.
 */

/** One input's pull on a unit. */
export interface InputStrength {
  index: number;
  weight: number;
  /** input·weight, or the weight itself when no input is given. */
  contribution: number;
}

/** Column `unit` of a Dense kernel [inputs, units] (index i·units + u): the unit's incoming weights. */
export function unitWeights(kernel: Float32Array, inputs: number, units: number, unit: number): Float32Array {
  if (kernel.length !== inputs * units) throw new Error(`kernel holds ${kernel.length} weights, not ${inputs}×${units}`);
  if (unit < 0 || unit >= units) throw new Error(`unit ${unit} is outside 0..${units - 1}`);
  const out = new Float32Array(inputs);
  for (let i = 0; i < inputs; i++) out[i] = kernel[i * units + unit];
  return out;
}

/**
 * The k inputs that raise the unit most and the k that lower it most. With an
 * input this ranks what actually happened on that image (input·weight);
 * without one it ranks the weights, what the unit would look for. Zero
 * contributions (a dead ReLU input, a zero weight) explain nothing and are skipped.
 */
export function strongestInputs(
  weights: Float32Array,
  input: Float32Array | null,
  k: number,
): { positive: InputStrength[]; negative: InputStrength[] } {
  if (input && input.length !== weights.length) throw new Error(`input has ${input.length} values for ${weights.length} weights`);
  const all: InputStrength[] = [];
  for (let index = 0; index < weights.length; index++) {
    const weight = weights[index];
    const contribution = input ? input[index] * weight : weight;
    if (contribution !== 0) all.push({ index, weight, contribution });
  }
  // Ties keep input order (Array.prototype.sort is stable).
  const positive = all.filter((s) => s.contribution > 0).sort((a, b) => b.contribution - a.contribution);
  const negative = all.filter((s) => s.contribution < 0).sort((a, b) => a.contribution - b.contribution);
  return { positive: positive.slice(0, k), negative: negative.slice(0, k) };
}

/**
 * Lays a unit's weights back onto the maps Flatten read: Flatten of a
 * channels-last [h, w, c] tensor puts (y, x, ch) at i = (y·w + x)·c + ch, so
 * weight i belongs to map ch at (y, x). Returns one h×w row-major array per channel.
 */
export function weightsOntoMaps(weights: Float32Array, shape: readonly [number, number, number]): Float32Array[] {
  const [h, w, c] = shape;
  if (weights.length !== h * w * c) throw new Error(`${weights.length} weights do not fill ${h}×${w}×${c} maps`);
  const maps = Array.from({ length: c }, () => new Float32Array(h * w));
  for (let p = 0; p < h * w; p++) for (let ch = 0; ch < c; ch++) maps[ch][p] = weights[p * c + ch];
  return maps;
}
