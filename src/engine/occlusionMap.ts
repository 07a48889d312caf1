import * as tf from '@tensorflow/tfjs';
import type { BuiltModel } from './buildModel';
import { modelInputSize } from './modelInputSize';

export interface OcclusionOptions {
  /** Side of the square patch, in pixels (default 6). */
  patch?: number;
  /** Step between patch positions (default 2). */
  stride?: number;
  /** Value the patch paints (default 0, the background). */
  fill?: number;
}

/** Occluded images predicted per batch: bounds the memory of one predict(). */
const BATCH = 64;

/**
 * Occlusion sensitivity (Zeiler & Fergus 2014): slide a patch over the image and
 * record how much p(class) drops; each pixel gets the mean drop over the
 * positions whose patch covers it. Positive where hiding the pixel hurts the
 * class. Length h·w.
 */
export async function occlusionMap(
  built: BuiltModel,
  pixels: Float32Array,
  classIndex: number,
  opts: OcclusionOptions = {},
): Promise<Float32Array> {
  const [h, w] = modelInputSize(built.model);
  const { stride = 2, fill = 0 } = opts;
  const patch = Math.min(opts.patch ?? 6, h, w);
  if (!(patch >= 1 && stride >= 1)) throw new Error('occlusionMap needs patch ≥ 1 and stride ≥ 1');
  const rows = patchStarts(h, patch, stride);
  const cols = patchStarts(w, patch, stride);
  const positions = rows.flatMap((r) => cols.map((c) => [r, c] as const));

  // Image 0 is the original; image k + 1 has position k occluded.
  const size = h * w;
  const images = new Float32Array((positions.length + 1) * size);
  images.set(pixels);
  positions.forEach(([r, c], k) => {
    const img = images.subarray((k + 1) * size, (k + 2) * size);
    img.set(pixels);
    for (let y = r; y < r + patch; y++) img.fill(fill, y * w + c, y * w + c + patch);
  });
  const probs = await classProbabilities(built, images, positions.length + 1, [h, w], classIndex);

  const sum = new Float64Array(size);
  const count = new Uint32Array(size);
  positions.forEach(([r, c], k) => {
    const drop = probs[0] - probs[k + 1];
    for (let y = r; y < r + patch; y++) {
      for (let x = c; x < c + patch; x++) {
        sum[y * w + x] += drop;
        count[y * w + x]++;
      }
    }
  });
  // Every pixel is covered, since the last position is flush with each edge.
  return Float32Array.from(sum, (s, i) => s / count[i]);
}

/** Patch offsets 0, stride, … plus one flush with the far edge if the stride skips it. */
function patchStarts(length: number, patch: number, stride: number): number[] {
  const starts: number[] = [];
  for (let s = 0; s + patch <= length; s += stride) starts.push(s);
  if (starts[starts.length - 1] !== length - patch) starts.push(length - patch);
  return starts;
}

/** p(classIndex) for each of `n` images, predicted BATCH at a time. */
async function classProbabilities(
  built: BuiltModel,
  images: Float32Array,
  n: number,
  [h, w]: [number, number],
  classIndex: number,
): Promise<Float32Array> {
  const out = new Float32Array(n);
  for (let start = 0; start < n; start += BATCH) {
    const count = Math.min(BATCH, n - start);
    const p = tf.tidy(() => {
      const x = tf.tensor4d(images.subarray(start * h * w, (start + count) * h * w), [count, h, w, 1]);
      return (built.model.predict(x) as tf.Tensor2D).slice([0, classIndex], [-1, 1]);
    });
    try {
      out.set((await p.data()) as Float32Array, start);
    } finally {
      p.dispose();
    }
  }
  return out;
}
