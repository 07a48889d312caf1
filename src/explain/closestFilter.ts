/**
 * Which learned 3×3 filter of a first conv layer looks most like a hand-made
 * one: cosine similarity of the 9 weights, so scale does not matter. The
 * largest |cos| wins and its sign is kept: a filter that learned the exact
 * opposite (dark-to-bright instead of bright-to-dark) is just as close a
 * match, and the page says "inverted". `kernels` is [3, 3, 1, F] (one input
 * channel); null when there is nothing to compare (no filters, or a hand
 * kernel of zeros, whose direction is undefined).
 */
export function closestFilter(
  hand: ArrayLike<number>,
  kernels: Float32Array,
  filters: number,
): { filter: number; similarity: number } | null {
  if (hand.length !== 9) throw new Error(`closestFilter needs a 3×3 hand kernel, got ${hand.length} weights`);
  if (kernels.length !== 9 * filters) throw new Error(`kernels hold ${kernels.length} weights, not 3×3×1×${filters}`);
  let handNorm = 0;
  for (let i = 0; i < 9; i++) handNorm += hand[i] * hand[i];
  if (filters === 0 || handNorm === 0) return null;
  let best: { filter: number; similarity: number } | null = null;
  for (let f = 0; f < filters; f++) {
    let dot = 0;
    let norm = 0;
    for (let i = 0; i < 9; i++) {
      const w = kernels[i * filters + f];
      dot += hand[i] * w;
      norm += w * w;
    }
    // A dead all-zero filter resembles nothing: similarity 0.
    const similarity = norm === 0 ? 0 : dot / Math.sqrt(handNorm * norm);
    if (best === null || Math.abs(similarity) > Math.abs(best.similarity)) best = { filter: f, similarity };
  }
  return best;
}
