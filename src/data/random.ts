/**
 * Small seeded randomness helpers. Everything that must be reproducible (splits, subsets, shuffles)
 * uses these instead of Math.random, so the same seed gives the same run in any browser.
 * scripts/prepareData.mjs carries an identical copy (it cannot import TS); random.test.ts checks they agree.
 */

/**
 * mulberry32: a tiny, fast 32-bit PRNG, good enough for shuffling (not for cryptography).
 * @param seed any number; it is reduced to a uint32, so seeds differing by a multiple of 2^32 collide.
 * @returns a function giving uniform numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Fisher–Yates shuffle, in place: every permutation equally likely given a uniform `rand`.
 * Walks from the last element down and draws one number per step (the order matters for reproducibility).
 */
export function shuffleInPlace<T>(arr: T[] | Uint32Array | Int32Array, rand: () => number): void {
  // One element type for the swap; the union of array types cannot be indexed-and-assigned directly.
  const a = arr as unknown as { [i: number]: unknown; length: number };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
}
