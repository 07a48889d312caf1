/**
 * Layout of many same-sized heatmaps (one per channel) packed row by row into
 * one canvas: how many fit across, how big the canvas is, where each cell sits
 * and which cell lies under a point. Pure arithmetic in canvas pixels, so it is
 * unit-tested in Node; {@link HeatmapGrid} draws with it.
 */

/** Where the cells of a grid sit, in canvas pixels. */
export interface HeatmapGridLayout {
  count: number; // cells (channels), the last row may be partial
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  gap: number; // between neighbouring cells, none around the edge
  width: number; // of the whole canvas
  height: number;
}

/**
 * Size of a `mapWidth`×`mapHeight` map drawn with its longer side `size`
 * pixels and the shorter in proportion (at least one pixel each way).
 */
export function mapCellSize(mapWidth: number, mapHeight: number, size: number): { width: number; height: number } {
  const w = Math.max(1, mapWidth);
  const h = Math.max(1, mapHeight);
  const scale = Math.max(1, size) / Math.max(w, h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/**
 * As many columns as fit in `containerWidth` (at least one, at most `count`:
 * a few channels make a narrow canvas, not a wide empty one), then as many
 * rows as the channels need.
 */
export function heatmapGridLayout(count: number, cellWidth: number, cellHeight: number, gap: number, containerWidth: number): HeatmapGridLayout {
  const n = Math.max(0, Math.floor(count));
  const fit = Math.floor((containerWidth + gap) / (cellWidth + gap));
  const columns = Math.max(1, Math.min(n, fit));
  const rows = Math.ceil(n / columns);
  return {
    count: n,
    columns,
    rows,
    cellWidth,
    cellHeight,
    gap,
    width: n ? columns * cellWidth + (columns - 1) * gap : 0,
    height: n ? rows * cellHeight + (rows - 1) * gap : 0,
  };
}

/** Top-left corner of cell `i`, in canvas pixels. */
export function cellOrigin(layout: HeatmapGridLayout, i: number): { x: number; y: number } {
  return {
    x: (i % layout.columns) * (layout.cellWidth + layout.gap),
    y: Math.floor(i / layout.columns) * (layout.cellHeight + layout.gap),
  };
}

/**
 * The column (or row) index along one axis. A point in a gap goes to the
 * nearer of its two cells, the earlier one on a tie: the gaps are a few
 * pixels, and a click there was surely meant for a neighbour.
 */
function along(p: number, cell: number, gap: number, cells: number): number | null {
  const total = cells * cell + (cells - 1) * gap;
  if (!(p >= 0 && p < total)) return null; // also rejects NaN
  const pitch = cell + gap;
  const k = Math.floor(p / pitch);
  const into = p - k * pitch;
  if (into < cell) return k;
  return into - cell <= gap / 2 ? k : k + 1;
}

/**
 * The cell (channel) under canvas point (x, y), or null outside the grid and
 * in the empty end of a partial last row.
 */
export function cellAt(layout: HeatmapGridLayout, x: number, y: number): number | null {
  const col = along(x, layout.cellWidth, layout.gap, layout.columns);
  const row = along(y, layout.cellHeight, layout.gap, layout.rows);
  if (col === null || row === null) return null;
  const i = row * layout.columns + col;
  return i < layout.count ? i : null;
}

/**
 * For each of `cells` output pixels along one axis, the data pixel it shows
 * (nearest neighbour, as `image-rendering: pixelated` would pick), so a map is
 * scaled to its cell with one table lookup per pixel.
 */
export function sourceIndices(data: number, cells: number): Int32Array {
  const out = new Int32Array(Math.max(0, cells));
  for (let i = 0; i < out.length; i++) out[i] = Math.min(data - 1, Math.floor(((i + 0.5) * data) / cells));
  return out;
}
