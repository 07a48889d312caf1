/**
 * A single-channel image in "ink" convention, the form every preprocessing step works on.
 * Row-major: pixel (x, y) is `data[y * width + x]`. Values are in [0, 1] with 0 = background
 * and 1 = full ink, matching MNIST / Fashion-MNIST after scaling by 1/255.
 */
export interface GrayImage {
  /** Columns, in pixels (integer >= 0). */
  width: number;
  /** Rows, in pixels (integer >= 0). */
  height: number;
  /** `width × height` values, row-major, in [0, 1]; 1 = ink. */
  data: Float32Array;
}

/**
 * Allocates an all-background (zero) image.
 *
 * @param width  columns, integer >= 0
 * @param height rows, integer >= 0
 * @throws RangeError for a negative or non-integer size
 */
export function createGrayImage(width: number, height: number): GrayImage {
  if (!Number.isInteger(width) || width < 0) throw new RangeError(`width must be an integer >= 0, got ${width}`);
  if (!Number.isInteger(height) || height < 0) throw new RangeError(`height must be an integer >= 0, got ${height}`);
  return { width, height, data: new Float32Array(width * height) };
}
