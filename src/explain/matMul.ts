/**
 * A (rowsA × colsA) times B (colsA × colsB), both row-major. The i-k-j loop
 * order walks B and the output row along memory, which is several times
 * faster in JavaScript than the textbook i-j-k; sums are kept in a float64
 * row so large products match a float64 reference closely.
 */
export function matMul(a: Float32Array, rowsA: number, colsA: number, b: Float32Array, colsB: number): Float32Array {
  if (a.length !== rowsA * colsA) throw new Error(`A has ${a.length} values, not ${rowsA}×${colsA}`);
  if (b.length !== colsA * colsB) throw new Error(`B has ${b.length} values, not ${colsA}×${colsB}`);
  const out = new Float32Array(rowsA * colsB);
  const acc = new Float64Array(colsB);
  for (let i = 0; i < rowsA; i++) {
    acc.fill(0);
    for (let k = 0; k < colsA; k++) {
      const aik = a[i * colsA + k];
      if (aik === 0) continue; // padding zeros and ReLU zeros are common in im2col rows
      const bRow = k * colsB;
      for (let j = 0; j < colsB; j++) acc[j] += aik * b[bRow + j];
    }
    out.set(acc, i * colsB);
  }
  return out;
}
