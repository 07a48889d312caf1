/** A layer's kernels laid out as one image, tiles separated by NaN gaps. */
export interface KernelGrid {
  width: number;
  height: number;
  values: Float32Array;
  /** Tile size including its one-pixel gap. */
  cell: number;
  columns: number;
  /** Filter (and input channel) under pixel (x, y), or null on a gap. */
  tileAt(x: number, y: number): { filter: number; input: number } | null;
}

/**
 * Lays out conv kernels stored as [k, k, inChannels, filters]. With one input
 * channel, filters wrap into rows of `wrap`; otherwise each row is a filter and
 * each column an input channel (the first `maxInputs` of them).
 */
export function kernelGrid(values: Float32Array, shape: readonly [number, number, number, number], wrap = 16, maxInputs = 64): KernelGrid {
  const [kh, kw, cin, cout] = shape;
  const cell = Math.max(kh, kw) + 1;
  const inputs = Math.min(cin, maxInputs);
  const columns = cin === 1 ? Math.min(wrap, cout) : inputs;
  const rows = cin === 1 ? Math.ceil(cout / columns) : cout;
  const width = columns * cell - 1;
  const height = rows * cell - 1;
  const out = new Float32Array(width * height).fill(NaN);
  const place = (filter: number, input: number, col: number, row: number) => {
    for (let y = 0; y < kh; y++) {
      for (let x = 0; x < kw; x++) {
        out[(row * cell + y) * width + col * cell + x] = values[((y * kw + x) * cin + input) * cout + filter];
      }
    }
  };
  for (let f = 0; f < cout; f++) {
    if (cin === 1) place(f, 0, f % columns, Math.floor(f / columns));
    else for (let i = 0; i < inputs; i++) place(f, i, i, f);
  }
  const tileAt = (x: number, y: number) => {
    if (x % cell >= kw || y % cell >= kh) return null;
    const col = Math.floor(x / cell);
    const row = Math.floor(y / cell);
    const filter = cin === 1 ? row * columns + col : row;
    return filter < cout ? { filter, input: cin === 1 ? 0 : col } : null;
  };
  return { width, height, values: out, cell, columns, tileAt };
}
