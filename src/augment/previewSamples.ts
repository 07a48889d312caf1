import { mulberry32 } from '../data/random';
import type { AugmentConfig } from '../model/augmentConfig';
import { AugmentScratch, augmentToBytes } from './augmentImage';

/**
 * A few training images and augmented variants of each, for the grid that
 * shows what the settings do before any training: `originals` images, one
 * class after another so that each class shows, each picked at random within
 * its class and followed by `variants` augmented copies. Everything is drawn
 * from `seed`, so the same settings and seed show the same grid.
 */
export function previewSamples(
  set: { pixels: Uint8Array; labels: Uint8Array; count: number; rows: number; cols: number },
  config: AugmentConfig,
  seed: number,
  originals: number,
  variants: number,
): { originals: Uint8Array; perOriginal: number; images: Uint8Array; labels: Uint8Array; count: number } {
  const size = set.rows * set.cols;
  const rand = mulberry32(seed);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < set.count; i++) {
    const list = byClass.get(set.labels[i]);
    if (list) list.push(i);
    else byClass.set(set.labels[i], [i]);
  }
  const classes = [...byClass.keys()].sort((a, b) => a - b);
  const picks: number[] = [];
  for (let k = 0; k < originals && classes.length > 0; k++) {
    const list = byClass.get(classes[k % classes.length])!;
    picks.push(list[Math.floor(rand() * list.length)]);
  }
  const scratch = new AugmentScratch(set.rows, set.cols);
  const orig = new Uint8Array(picks.length * size);
  const images = new Uint8Array(picks.length * variants * size);
  const labels = new Uint8Array(picks.length);
  picks.forEach((index, k) => {
    const src = set.pixels.subarray(index * size, (index + 1) * size);
    orig.set(src, k * size);
    labels[k] = set.labels[index];
    for (let v = 0; v < variants; v++) images.set(augmentToBytes(src, set.rows, set.cols, config, rand, scratch), (k * variants + v) * size);
  });
  return { originals: orig, perOriginal: variants, images, labels, count: picks.length };
}
