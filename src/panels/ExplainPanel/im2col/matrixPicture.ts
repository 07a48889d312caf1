/**
 * How a matrix of im2col is put on screen: a CSS box that fits the column
 * (tall matrices of hundreds of rows included) and the picture drawn into it.
 */
export interface MatrixFit {
  /** CSS pixels of the box. */
  cssWidth: number;
  cssHeight: number;
  /** Rows and columns of the picture drawn: the matrix's own, or fewer when a CSS pixel would hold several. */
  drawRows: number;
  drawCols: number;
}

/**
 * Rows and columns are scaled separately (cells need not be square: a 784 × 9
 * matrix would otherwise be a sliver), each to at most `maxCell` CSS pixels
 * and the box to at most `maxWidth` × `maxHeight`. Where a CSS pixel would hold
 * several rows (or columns) the picture has one per pixel, so that none is
 * silently skipped by the browser's scaling.
 */
export function fitMatrix(rows: number, cols: number, maxWidth: number, maxHeight: number, maxCell = 12): MatrixFit {
  const cssHeight = Math.max(1, Math.min(rows * maxCell, maxHeight));
  const cssWidth = Math.max(1, Math.min(cols * maxCell, maxWidth));
  return {
    cssWidth,
    cssHeight,
    drawRows: Math.max(1, Math.min(rows, Math.floor(cssHeight))),
    drawCols: Math.max(1, Math.min(cols, Math.floor(cssWidth))),
  };
}

/**
 * A rows × cols row-major matrix shrunk to outRows × outCols by averaging:
 * input row r falls in output row ⌊r·outRows/rows⌋ (columns likewise), so
 * every value counts once. Returns the input itself when nothing shrinks.
 */
export function boxDownsample(values: Float32Array, rows: number, cols: number, outRows: number, outCols: number): Float32Array {
  if (outRows >= rows && outCols >= cols) return values;
  const sums = new Float64Array(outRows * outCols);
  const counts = new Uint32Array(outRows * outCols);
  for (let r = 0; r < rows; r++) {
    const R = Math.floor((r * outRows) / rows);
    for (let c = 0; c < cols; c++) {
      const o = R * outCols + Math.floor((c * outCols) / cols);
      sums[o] += values[r * cols + c];
      counts[o]++;
    }
  }
  const out = new Float32Array(outRows * outCols);
  for (let i = 0; i < out.length; i++) out[i] = counts[i] ? sums[i] / counts[i] : 0;
  return out;
}
