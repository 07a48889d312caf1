/**
 * A 3×3 cross-correlation of a one-channel image with zero padding, giving an
 * image of the same size: what a conv layer with padding "same", stride 1 and
 * no bias computes, for trying hand-made filters on a digit.
 */
export function convolveSame(image: Float32Array, height: number, width: number, kernel: ArrayLike<number>): Float32Array {
  if (kernel.length !== 9) throw new Error(`convolveSame needs a 3×3 kernel, got ${kernel.length} weights`);
  const out = new Float32Array(height * width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let ky = 0; ky < 3; ky++) {
        const sy = y + ky - 1;
        if (sy < 0 || sy >= height) continue; // zero padding adds nothing
        for (let kx = 0; kx < 3; kx++) {
          const sx = x + kx - 1;
          if (sx < 0 || sx >= width) continue;
          acc += image[sy * width + sx] * kernel[ky * 3 + kx];
        }
      }
      out[y * width + x] = acc;
    }
  }
  return out;
}
