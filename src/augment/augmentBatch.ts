/**
 * Augmented batches. Fills a float batch (like src/data/makeBatch.ts, which it mirrors) from uint8
 * images by index, augmenting each with a PRNG seeded from (seed, epoch, batch) so that a run
 * resumed at any epoch sees the same images as an unbroken one: the caller makes
 * `mulberry32(augmentSeed(seed, epoch, batch))` afresh for every batch, and nothing carries over
 * from one batch's stream to the next.
 */
import type { AugmentConfig } from '../model/augmentConfig';
import { augmentImage, type AugmentScratch } from './augmentImage';

/** murmur3's constants and its final avalanche: every input bit flips about half the output bits. */
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A well-mixed uint32 seed for one batch's augmentation: murmur3 (32-bit) of the words epoch and
 * batch with `seed` as its seed. Neighbouring epochs or batches give unrelated streams (mulberry32
 * seeded with 5 and 6 would start out correlated), and for a fixed seed and epoch no two batches
 * share a seed (each murmur3 step is a bijection), nor do two epochs for a fixed batch.
  * Each argument is taken modulo 2^32 (as `>>> 0` would).
 */
export function augmentSeed(seed: number, epoch: number, batch: number): number {
  let h = seed | 0;
  h = mixBlock(h, epoch | 0);
  h = mixBlock(h, batch | 0);
  h ^= 8; // murmur3 mixes in the input length (2 words, 8 bytes)
  return finalMix(h);
}

/**
 * Gathers images `indices[start, end)` into `out` as floats in [0, 1], each augmented by
 * augmentImage with `rand`, in index order (so one stream per batch gives the same batch every
 * time). With augmentation off the result equals makeBatch's `x`.
 *
 * @param pixels all images, `count × pixelsPerImage` bytes
 * @param pixelsPerImage must be rows × cols
 * @param out room for at least `n × pixelsPerImage` floats; the rest is left alone
 * @returns n, the number of images written (the last batch of an epoch may be short)
 */
export function augmentBatchInto(
  pixels: Uint8Array,
  pixelsPerImage: number,
  rows: number,
  cols: number,
  indices: ArrayLike<number>,
  start: number,
  end: number,
  config: AugmentConfig,
  rand: () => number,
  out: Float32Array,
  scratch: AugmentScratch,
): number {
  if (pixelsPerImage !== rows * cols) {
    throw new RangeError(`pixelsPerImage ${pixelsPerImage} is not rows × cols = ${rows * cols}`);
  }
  const n = Math.max(0, Math.min(end, indices.length) - start);
  if (out.length < n * pixelsPerImage) {
    throw new RangeError(`out holds ${out.length} floats, ${n} images need ${n * pixelsPerImage}`);
  }
  const input = scratch.input;
  for (let i = 0; i < n; i++) {
    const off = indices[start + i] * pixelsPerImage;
    // A copy, not pixels.subarray(): no view object per image.
    for (let p = 0; p < pixelsPerImage; p++) input[p] = pixels[off + p];
    augmentImage(input, rows, cols, config, rand, out, i * pixelsPerImage, scratch);
  }
  return n;
}
