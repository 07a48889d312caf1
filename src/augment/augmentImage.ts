/**
 * Augments one greyscale image: stroke thickness first, then all the geometry at once.
 * Runs for every training image in the worker, so it allocates nothing (AugmentScratch holds
 * the buffers) and samples the source once per output pixel however many transforms are on.
 */
import { mulberry32 } from '../data/random';
import type { AugmentConfig } from '../model/augmentConfig';
import { elasticField } from './elasticField';
import { dilate3x3, erode3x3 } from './greyMorphology';

/**
 * How many numbers augmentImage draws from `rand` per image, whatever the config, in this order:
 * 0 shift x, 1 shift y, 2 rotation, 3 scale, 4 whether to change thickness, 5 thicker or thinner,
 * 6 the elastic field's seed. A fixed count keeps each image's draws in the same place in the
 * stream when a transform is toggled, and lets tests drive each transform with a stub.
 */
export const AUGMENT_DRAWS_PER_IMAGE = 7;

/** Reusable scratch buffers so that a batch allocates nothing per image. */
export class AugmentScratch {
  readonly rows: number;
  readonly cols: number;
  /** One source image, copied out of a dataset (augmentBatchInto) so no subarray view is made per image. */
  readonly input: Uint8Array;
  /** The source after dilation or erosion. */
  readonly thick: Uint8Array;
  /** Elastic displacement, px: columns, rows, and the blur's scratch. */
  readonly dx: Float32Array;
  readonly dy: Float32Array;
  readonly blur: Float32Array;
  /** Float output for augmentToBytes. */
  readonly floats: Float32Array;
  constructor(rows: number, cols: number) {
    if (!(Number.isInteger(rows) && Number.isInteger(cols) && rows > 0 && cols > 0)) {
      throw new RangeError(`image size must be positive whole numbers, not ${rows}×${cols}`);
    }
    const n = rows * cols;
    this.rows = rows;
    this.cols = cols;
    this.input = new Uint8Array(n);
    this.thick = new Uint8Array(n);
    this.dx = new Float32Array(n);
    this.dy = new Float32Array(n);
    this.blur = new Float32Array(2 * n);
    this.floats = new Float32Array(n);
  }
}

/**
 * Augments one image: src (rows*cols uint8) → dst (Float32Array, written at dstOffset, values in
 * [0,1], i.e. /255 after augmentation) using `rand` (uniform [0,1)) for every random draw.
 *
 * Geometry (shift, rotation, scale about the image centre, elastic) is combined into ONE backward
 * mapping per output pixel and sampled ONCE with bilinear interpolation (outside the image = 0),
 * so that stacking transforms does not blur more than one. Thickness (dilation/erosion, 3×3 grey
 * max/min) is applied to the source before the geometry.
 *
 * The mapping, for output pixel q (x = column, y = row, c = the image centre): the source point is
 * c + R(-θ)(q - c - t) / s + d(q), with t the shift, θ the rotation, s the scale and d the elastic
 * displacement at q. So a positive shift moves ink right and down, s > 1 enlarges, and a positive
 * θ turns the image clockwise as displayed (rows grow downwards).
 *
 * With every transform off or at strength 0, dst equals src/255 exactly (identity): the geometry
 * is skipped when it would not move anything, so no interpolation rounding creeps in.
 *
 * Always draws AUGMENT_DRAWS_PER_IMAGE numbers from `rand`, in the order documented there:
 * same seed + same config → same output.
 */
export function augmentImage(
  src: Uint8Array | Uint8ClampedArray,
  rows: number,
  cols: number,
  config: AugmentConfig,
  rand: () => number,
  dst: Float32Array,
  dstOffset: number,
  scratch: AugmentScratch,
): void {
  const n = rows * cols;
  if (scratch.rows !== rows || scratch.cols !== cols) {
    throw new RangeError(`scratch is for ${scratch.rows}×${scratch.cols} images, not ${rows}×${cols}`);
  }
  if (src.length < n) throw new RangeError(`src has ${src.length} pixels, a ${rows}×${cols} image needs ${n}`);
  if (dstOffset < 0 || dstOffset + n > dst.length) throw new RangeError(`dst has no room for ${n} values at ${dstOffset}`);

  // The fixed draws (AUGMENT_DRAWS_PER_IMAGE), each mapped to its transform's range.
  const uShiftX = rand();
  const uShiftY = rand();
  const uRotate = rand();
  const uScale = rand();
  const uThickChance = rand();
  const uThickKind = rand();
  const uField = rand();

  const { shift, rotate, scale, thickness, elastic } = config;
  const tx = shift.on ? (2 * uShiftX - 1) * shift.pixels : 0;
  const ty = shift.on ? (2 * uShiftY - 1) * shift.pixels : 0;
  const theta = rotate.on ? (((2 * uRotate - 1) * rotate.degrees) * Math.PI) / 180 : 0;
  const s = scale.on ? 1 + (2 * uScale - 1) * scale.amount : 1;
  const useField = elastic.on && elastic.alpha > 0;

  let source: Uint8Array | Uint8ClampedArray = src;
  if (thickness.on && uThickChance < thickness.chance) {
    if (uThickKind < 0.5) dilate3x3(src, rows, cols, scratch.thick);
    else erode3x3(src, rows, cols, scratch.thick);
    halfway(src, scratch.thick, n);
    source = scratch.thick;
  }

  if (tx === 0 && ty === 0 && theta === 0 && s === 1 && !useField) {
    for (let i = 0; i < n; i++) dst[dstOffset + i] = source[i] / 255;
    return;
  }

  const dx = scratch.dx;
  const dy = scratch.dy;
  if (useField) {
    // The noise comes from its own stream, seeded by one draw of the caller's `rand`, so that
    // elastic on or off costs the same 7 draws (a closure per image: nothing beside the field's 1,568 draws).
    elasticField(rows, cols, elastic.alpha, elastic.sigma, mulberry32(uField * 4294967296), dx, dy, scratch.blur);
  }

  // Backward affine map, as the matrix [a b; e f] applied to (q - c - t), plus c.
  // A scale of 0 or below (an amount above 1 that slipped past checkAugmentConfig) would flip or
  // collapse the image: clamp it to something tiny instead of dividing by zero.
  const inv = 1 / Math.max(s, 1e-3);
  const cos = Math.cos(theta) * inv;
  const sin = Math.sin(theta) * inv;
  const cx = (cols - 1) / 2;
  const cy = (rows - 1) / 2;
  const lastRow = rows - 1;
  const lastCol = cols - 1;

  for (let r = 0; r < rows; r++) {
    const qy = r - cy - ty;
    for (let c = 0; c < cols; c++) {
      const qx = c - cx - tx;
      const i = r * cols + c;
      let x = cos * qx + sin * qy + cx;
      let y = -sin * qx + cos * qy + cy;
      if (useField) {
        x += dx[i];
        y += dy[i];
      }

      // Bilinear, with everything outside the image 0.
      let v = 0;
      if (x > -1 && y > -1 && x < cols && y < rows) {
        const x0 = Math.floor(x);
        const y0 = Math.floor(y);
        const fx = x - x0;
        const fy = y - y0;
        const p = y0 * cols + x0;
        if (x0 >= 0 && y0 >= 0 && x0 < lastCol && y0 < lastRow) {
          const top = source[p] + (source[p + 1] - source[p]) * fx;
          const bottom = source[p + cols] + (source[p + cols + 1] - source[p + cols]) * fx;
          v = top + (bottom - top) * fy;
        } else {
          const inX0 = x0 >= 0;
          const inX1 = x0 + 1 <= lastCol;
          const inY0 = y0 >= 0;
          const inY1 = y0 + 1 <= lastRow;
          const v00 = inY0 && inX0 ? source[p] : 0;
          const v01 = inY0 && inX1 ? source[p + 1] : 0;
          const v10 = inY1 && inX0 ? source[p + cols] : 0;
          const v11 = inY1 && inX1 ? source[p + cols + 1] : 0;
          const top = v00 + (v01 - v00) * fx;
          const bottom = v10 + (v11 - v10) * fx;
          v = top + (bottom - top) * fy;
        }
        // Interpolation stays within its corners, but guard the last bit of rounding.
        v = v < 0 ? 0 : v > 255 ? 255 : v;
      }
      dst[dstOffset + i] = v / 255;
    }
  }
}

/**
 * augmentImage with uint8 output (rounded, clamped to 0–255), for previews: a grid of augmented
 * copies of one digit drawn straight onto a canvas. Allocates the returned array; pass a scratch
 * when making many.
 */
export function augmentToBytes(
  src: Uint8Array | Uint8ClampedArray,
  rows: number,
  cols: number,
  config: AugmentConfig,
  rand: () => number,
  scratch: AugmentScratch = new AugmentScratch(rows, cols),
): Uint8Array {
  const n = rows * cols;
  const floats = scratch.floats;
  augmentImage(src, rows, cols, config, rand, floats, 0, scratch);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const b = Math.round(floats[i] * 255);
    out[i] = b < 0 ? 0 : b > 255 ? 255 : b;
  }
  return out;
}

/**
 * Moves `morphed` halfway back to `src`, in place: half a pixel of pen. A
 * full 3×3 erosion keeps only about 14% of an MNIST digit's ink (its strokes
 * are 2–3 px wide, and some vanish); halfway keeps about 57%, and a dilation
 * gives about 1.75× the ink instead of 2.5×: a lighter or heavier pen, still
 * the same digit.
 */
function halfway(src: Uint8Array | Uint8ClampedArray, morphed: Uint8Array, n: number): void {
  for (let i = 0; i < n; i++) morphed[i] = (src[i] + morphed[i] + 1) >> 1;
}
