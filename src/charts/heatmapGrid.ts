/**
 * Layout of many same-sized heatmaps (one per channel) packed row by row into
 * one canvas: how many fit across, how big the canvas is in its own pixels and
 * on screen, where each cell sits and which cell lies under a point. Pure
 * arithmetic, so it is unit-tested in Node; {@link HeatmapGrid} draws with it.
 *
 * The canvas is drawn at data resolution (a map pixel is `zoom`×`zoom` canvas
 * pixels, gaps a whole number of canvas pixels) and scaled up by CSS. Few
 * canvas pixels keep the main thread's share of drawing and compositing small;
 * the zoom is only there so that tiny maps (1×1, 3×3) still get gaps of a few
 * CSS pixels rather than a whole map pixel's worth.
 */

/** What to lay out, in data pixels and CSS pixels. */
export interface HeatmapGridOptions {
  count: number; // maps (channels)
  mapWidth: number; // data pixels
  mapHeight: number;
  size: number; // CSS pixels wanted for a map's longer side
  gap: number; // CSS pixels wanted between neighbouring maps
  containerWidth: number; // CSS pixels available
}

/** Where the cells of a grid sit: canvas pixels, except where a name says CSS. */
export interface HeatmapGridLayout {
  count: number; // cells, the last row may be partial
  columns: number;
  rows: number;
  zoom: number; // canvas pixels per data pixel, each way
  cellWidth: number; // one map: mapWidth·zoom
  cellHeight: number;
  gap: number; // between neighbouring cells, none around the edge
  width: number; // of the whole canvas
  height: number;
  scale: number; // CSS pixels per canvas pixel
  cssWidth: number;
  cssHeight: number;
}

/**
 * As many columns as fit in the container (at least one, at most `count`: a
 * few channels make a narrow canvas, not a wide empty one), then as many rows
 * as the channels need.
 */
export function heatmapGridLayout({ count, mapWidth, mapHeight, size, gap, containerWidth }: HeatmapGridOptions): HeatmapGridLayout {
  const n = Math.max(0, Math.floor(count));
  const w = Math.max(1, Math.floor(mapWidth) || 1);
  const h = Math.max(1, Math.floor(mapHeight) || 1);
  const wanted = Math.max(1, size) / Math.max(w, h); // CSS pixels per data pixel
  const gapCss = Math.max(1, gap);
  // Enough canvas pixels per data pixel that one canvas pixel is at most a gap wide on screen.
  const zoom = Math.max(1, Math.ceil(wanted / gapCss));
  const cellWidth = w * zoom;
  const cellHeight = h * zoom;
  const gapPx = Math.max(1, Math.round(gapCss / (wanted / zoom)));
  // The same whole number of CSS pixels from one cell to the next along the
  // maps' longer side (square maps: both ways) whatever the map size: every
  // cell meets the screen's pixel grid alike, the gaps look even, and layers
  // of square maps line up in the same columns. The rounding of the gap to
  // whole canvas pixels is taken up by the map, a pixel or so either way.
  const longPitch = Math.max(cellWidth, cellHeight) + gapPx;
  const scale = Math.max(1, Math.round(Math.max(1, size) + gapCss)) / longPitch;
  const fit = Math.floor((containerWidth + gapPx * scale) / ((cellWidth + gapPx) * scale));
  const columns = Math.max(1, Math.min(n, fit));
  const rows = Math.ceil(n / columns);
  const width = n ? columns * cellWidth + (columns - 1) * gapPx : 0;
  const height = n ? rows * cellHeight + (rows - 1) * gapPx : 0;
  return { count: n, columns, rows, zoom, cellWidth, cellHeight, gap: gapPx, width, height, scale, cssWidth: width * scale, cssHeight: height * scale };
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
