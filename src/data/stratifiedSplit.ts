/**
 * Class-stratified splitting and subsetting, deterministic for a seed.
 * Used to carve a validation set out of the training data and to take 1k/5k/10k training subsets
 * while keeping every class represented in its original proportion.
 */
import { mulberry32, shuffleInPlace } from './random';

function requireInteger(name: string, v: number, min: number): void {
  if (!Number.isInteger(v)) throw new RangeError(`${name} must be an integer, got ${v}`);
  if (v < min) throw new RangeError(`${name} must be >= ${min}, got ${v}`);
}

/** Groups indices by label, keeping their given order. Validates labels and indices. */
function groupByClass(labels: Uint8Array, numClasses: number, indices: Uint32Array): Uint32Array[] {
  const counts = new Uint32Array(numClasses);
  const seen = new Uint8Array(labels.length);
  for (const idx of indices) {
    if (idx >= labels.length) throw new RangeError(`index ${idx} is out of range (labels has ${labels.length} entries)`);
    if (seen[idx]) throw new RangeError(`index ${idx} appears more than once in indices`);
    seen[idx] = 1;
    const label = labels[idx];
    if (label >= numClasses) throw new RangeError(`label ${label} at index ${idx} is >= numClasses (${numClasses})`);
    counts[label]++;
  }
  const groups = Array.from(counts, (c) => new Uint32Array(c));
  const fill = new Uint32Array(numClasses);
  for (const idx of indices) {
    const label = labels[idx];
    groups[label][fill[label]++] = idx;
  }
  return groups;
}

/**
 * How many of each class to pick so the total is exactly `target` and each class gets
 * floor or ceil of its proportional share (largest-remainder method). This equals
 * round(classCount * fraction) per class whenever those rounded values already add up to the target,
 * and otherwise adjusts by largest fractional part, ties to the lower class index.
 */
function allocate(classCounts: number[], target: number): number[] {
  const total = classCounts.reduce((s, c) => s + c, 0);
  if (total === 0) return classCounts.map(() => 0);
  // The epsilon absorbs float error such as 100 * 0.29 = 28.999999999999996.
  const ideal = classCounts.map((c) => (c * target) / total);
  const picked = ideal.map((x) => Math.floor(x + 1e-9));
  let remainder = target - picked.reduce((s, c) => s + c, 0);
  const byFraction = ideal
    .map((x, k) => ({ k, frac: x - picked[k] }))
    .sort((a, b) => b.frac - a.frac || a.k - b.k);
  for (const { k } of byFraction) {
    if (remainder <= 0) break;
    if (picked[k] < classCounts[k]) {
      picked[k]++;
      remainder--;
    }
  }
  return picked;
}

/**
 * Shuffles each class with one seeded stream, takes the allocated count from the front of each
 * for `picked` and leaves the rest for `rest`; both outputs are shuffled again so they are not
 * ordered by class.
 */
function pickStratified(
  labels: Uint8Array,
  numClasses: number,
  indices: Uint32Array,
  target: number,
  seed: number,
): { picked: Uint32Array; rest: Uint32Array } {
  const groups = groupByClass(labels, numClasses, indices);
  const quota = allocate(groups.map((g) => g.length), target);
  const rand = mulberry32(seed);
  const picked = new Uint32Array(target);
  const rest = new Uint32Array(indices.length - target);
  let p = 0;
  let r = 0;
  groups.forEach((group, k) => {
    shuffleInPlace(group, rand);
    picked.set(group.subarray(0, quota[k]), p);
    rest.set(group.subarray(quota[k]), r);
    p += quota[k];
    r += group.length - quota[k];
  });
  shuffleInPlace(picked, rand);
  shuffleInPlace(rest, rand);
  return { picked, rest };
}

function allIndices(n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * Splits example indices by class so each part keeps the class proportions (like sklearn
 * train_test_split(stratify=y, test_size, random_state)). Deterministic for a seed.
 *
 * The test part has round(total * testFraction) indices; each class contributes
 * round(classCount * testFraction) give or take one, adjusted so the total is exact.
 *
 * @param labels label of every example (the whole dataset part)
 * @param numClasses labels must be below this
 * @param testFraction in [0, 1); 0 gives an empty test part
 * @param seed integer seed for the shuffles
 * @param indices the examples to split (default: all); must be distinct and < labels.length
 * @returns shuffled index arrays; no index is in both, together they are exactly `indices`
 * @throws RangeError on invalid arguments, labels or indices
 */
export function stratifiedSplit(
  labels: Uint8Array,
  numClasses: number,
  testFraction: number,
  seed: number,
  indices?: Uint32Array,
): { train: Uint32Array; test: Uint32Array } {
  requireInteger('numClasses', numClasses, 1);
  requireInteger('seed', seed, Number.MIN_SAFE_INTEGER);
  if (!(testFraction >= 0 && testFraction < 1)) {
    throw new RangeError(`testFraction must be in [0, 1), got ${testFraction}`);
  }
  const idx = indices ?? allIndices(labels.length);
  const target = Math.round(idx.length * testFraction);
  const { picked, rest } = pickStratified(labels, numClasses, idx, target, seed);
  return { train: rest, test: picked };
}

/**
 * Picks `size` example indices keeping the class proportions, deterministic for a seed; used to
 * take a 1k/5k/10k training subset. When `size` >= the number of examples, returns all of them
 * (shuffled).
 * @throws RangeError when size is not an integer >= 1, or on invalid labels/arguments
 */
export function stratifiedSubset(labels: Uint8Array, numClasses: number, size: number, seed: number): Uint32Array {
  requireInteger('size', size, 1);
  requireInteger('numClasses', numClasses, 1);
  requireInteger('seed', seed, Number.MIN_SAFE_INTEGER);
  const idx = allIndices(labels.length);
  return pickStratified(labels, numClasses, idx, Math.min(size, labels.length), seed).picked;
}
