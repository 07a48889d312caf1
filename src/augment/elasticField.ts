/**
 * The random displacement field of elastic distortion (Simard, Steinkraus & Platt, "Best
 * practices for convolutional neural networks applied to visual document analysis", 2003):
 * independent noise at every pixel, smoothed by a Gaussian so that neighbouring pixels move
 * together (strokes bend instead of shattering), then scaled.
 *
 * The smoothing shrinks the noise a lot: a normalised 2-D Gaussian of width sigma averages
 * about 4π·sigma² independent values, so the smoothed field's standard deviation per axis is
 * ≈ alpha · sqrt(1/3) / (2·sqrt(π)·sigma) — for sigma 3 about alpha / 18 px. That is why alpha
 * (Simard used 34 with sigma 4) is so much larger than the pixels anything actually moves.
 */

/** Normalised Gaussian taps, cached by sigma: the same sigma is used for every image of a run. */
let cachedSigma = Number.NaN;
let cachedRadius = -1;
let cachedKernel = new Float64Array(1);

/**
 * Taps k = -radius..radius at kernel[k + radius], summing to 1. The radius is ceil(3·sigma)
 * (the Gaussian past 3 sigma is under 1% of its peak), capped at `maxRadius` (beyond the image
 * every tap would read zero padding anyway). A sigma that is not positive gives the single tap 1:
 * no smoothing.
 */
function gaussianKernel(sigma: number, maxRadius: number): { kernel: Float64Array; radius: number } {
  const radius = sigma > 0 ? Math.max(0, Math.min(Math.ceil(3 * sigma), maxRadius)) : 0;
  if (sigma === cachedSigma && radius === cachedRadius) return { kernel: cachedKernel, radius };
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let k = -radius; k <= radius; k++) {
    const w = radius === 0 ? 1 : Math.exp(-(k * k) / (2 * sigma * sigma));
    kernel[k + radius] = w;
    sum += w;
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  cachedSigma = sigma;
  cachedRadius = radius;
  cachedKernel = kernel;
  return { kernel, radius };
}

/**
 * Fills `outDx` (column displacement, px) and `outDy` (row displacement, px) for a rows×cols
 * image: noise uniform in [-1, 1] at each pixel and axis, a separable Gaussian blur of width
 * `sigma` (px), times `alpha` (px).
 *
 * Edges: the noise is taken as 0 outside the image (zero padding, kernel not renormalised).
 * The field therefore fades towards the border, to about half at an edge and a quarter in a
 * corner. Clamping would do the opposite: the edge pixel's noise would be counted many times,
 * doubling the displacement along the border and more in the corners, exactly where the
 * background should stay put. Fading is the safer error.
 *
 * Draws exactly 2·rows·cols numbers from `rand`, always (even when alpha is 0): for each pixel
 * in row-major order, its x noise then its y noise.
 *
 * @param tmp scratch of at least 2·rows·cols floats (the horizontally blurred noise of both axes)
 */
export function elasticField(
  rows: number,
  cols: number,
  alpha: number,
  sigma: number,
  rand: () => number,
  outDx: Float32Array,
  outDy: Float32Array,
  tmp: Float32Array,
): void {
  const n = rows * cols;
  if (outDx.length < n || outDy.length < n) throw new RangeError(`the field needs ${n} floats per axis`);
  if (tmp.length < 2 * n) throw new RangeError(`elasticField needs ${2 * n} floats of scratch`);

  // Noise straight into the outputs: they are free until the vertical pass writes them.
  for (let i = 0; i < n; i++) {
    outDx[i] = 2 * rand() - 1;
    outDy[i] = 2 * rand() - 1;
  }
  if (alpha === 0) {
    outDx.fill(0, 0, n);
    outDy.fill(0, 0, n);
    return;
  }

  const { kernel, radius } = gaussianKernel(sigma, Math.max(rows, cols) - 1);
  const w0 = kernel[radius];

  // Both passes use the kernel's symmetry (one multiply per pair of taps) and split each sum into
  // the taps present on both sides, then the leftovers on one side, so the inner loops carry no
  // edge tests: this is about twice as fast as a plain clamped-range loop, and it runs per image.

  // Horizontal pass, both axes at once: tmp[0, n) is x, tmp[n, 2n) is y.
  for (let r = 0; r < rows; r++) {
    const row = r * cols;
    for (let c = 0; c < cols; c++) {
      const i = row + c;
      const left = c < radius ? c : radius;
      const right = cols - 1 - c < radius ? cols - 1 - c : radius;
      const both = left < right ? left : right;
      let sx = w0 * outDx[i];
      let sy = w0 * outDy[i];
      let k = 1;
      for (; k <= both; k++) {
        const w = kernel[radius + k];
        sx += w * (outDx[i - k] + outDx[i + k]);
        sy += w * (outDy[i - k] + outDy[i + k]);
      }
      for (let j = k; j <= left; j++) {
        const w = kernel[radius + j];
        sx += w * outDx[i - j];
        sy += w * outDy[i - j];
      }
      for (let j = k; j <= right; j++) {
        const w = kernel[radius + j];
        sx += w * outDx[i + j];
        sy += w * outDy[i + j];
      }
      tmp[i] = sx;
      tmp[n + i] = sy;
    }
  }

  // Vertical pass, the same with a stride of one row, scaled by alpha at the end.
  for (let r = 0; r < rows; r++) {
    const up = r < radius ? r : radius;
    const down = rows - 1 - r < radius ? rows - 1 - r : radius;
    const both = up < down ? up : down;
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      let sx = w0 * tmp[i];
      let sy = w0 * tmp[n + i];
      let k = 1;
      for (; k <= both; k++) {
        const w = kernel[radius + k];
        const a = i - k * cols;
        const b = i + k * cols;
        sx += w * (tmp[a] + tmp[b]);
        sy += w * (tmp[n + a] + tmp[n + b]);
      }
      for (let j = k; j <= up; j++) {
        const w = kernel[radius + j];
        const a = i - j * cols;
        sx += w * tmp[a];
        sy += w * tmp[n + a];
      }
      for (let j = k; j <= down; j++) {
        const w = kernel[radius + j];
        const b = i + j * cols;
        sx += w * tmp[b];
        sy += w * tmp[n + b];
      }
      outDx[i] = alpha * sx;
      outDy[i] = alpha * sy;
    }
  }
}
