/**
 * Grey-level morphology over a 3×3 square: the "stroke thickness" augmentation. On anti-aliased
 * white-on-black digits, max over the neighbourhood (dilation) widens each stroke by about a
 * pixel on each side and min (erosion) narrows it by the same, keeping the soft edges soft
 * (a binary threshold-and-grow would make them jagged).
 *
 * Both treat pixels outside the image as 0 (background). For dilation that is the same as
 * ignoring them. For erosion it means the outermost row and column always become 0: a stroke
 * that touches the border loses its edge pixel there, as a stroke would that ran into background.
 * MNIST digits sit in a 20×20 box with a 4-pixel margin, so this rarely touches ink.
 *
 * `out` must not be `src` (each output pixel reads its neighbours' original values).
 */

type Bytes = Uint8Array | Uint8ClampedArray;

function checkArgs(src: Bytes, rows: number, cols: number, out: Bytes): void {
  const n = rows * cols;
  if (src.length < n || out.length < n) throw new RangeError(`need ${n} pixels for ${rows}×${cols}`);
  if (src === out) throw new Error('out must be a different buffer from src');
}

/** Grey dilation: each pixel becomes the brightest of its 3×3 neighbourhood (strokes thicken). */
export function dilate3x3(src: Bytes, rows: number, cols: number, out: Bytes): void {
  checkArgs(src, rows, cols, out);
  for (let r = 0; r < rows; r++) {
    const r0 = r > 0 ? r - 1 : 0;
    const r1 = r < rows - 1 ? r + 1 : rows - 1;
    for (let c = 0; c < cols; c++) {
      const c0 = c > 0 ? c - 1 : 0;
      const c1 = c < cols - 1 ? c + 1 : cols - 1;
      let m = 0;
      for (let y = r0; y <= r1; y++) {
        const row = y * cols;
        for (let x = c0; x <= c1; x++) {
          const v = src[row + x];
          if (v > m) m = v;
        }
      }
      out[r * cols + c] = m;
    }
  }
}

/** Grey erosion: each pixel becomes the darkest of its 3×3 neighbourhood (strokes thin); the border becomes 0. */
export function erode3x3(src: Bytes, rows: number, cols: number, out: Bytes): void {
  checkArgs(src, rows, cols, out);
  for (let r = 0; r < rows; r++) {
    const rowOut = r * cols;
    if (r === 0 || r === rows - 1) {
      out.fill(0, rowOut, rowOut + cols);
      continue;
    }
    out[rowOut] = 0;
    if (cols > 1) out[rowOut + cols - 1] = 0;
    for (let c = 1; c < cols - 1; c++) {
      let m = 255;
      for (let y = r - 1; y <= r + 1; y++) {
        const i = y * cols + c;
        const a = src[i - 1];
        const b = src[i];
        const d = src[i + 1];
        if (a < m) m = a;
        if (b < m) m = b;
        if (d < m) m = d;
      }
      out[rowOut + c] = m;
    }
  }
}
