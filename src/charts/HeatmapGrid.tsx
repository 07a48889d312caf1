import { useEffect, useLayoutEffect, useMemo, useRef, type JSX, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import type { RGB } from './colorScales';
import { cellAt, cellOrigin, heatmapGridLayout, mapCellSize, sourceIndices, type HeatmapGridLayout } from './heatmapGrid';
import { useElementSize } from './useElementSize';
import './heatmap.css';

/** Props of {@link HeatmapGrid}. */
export interface HeatmapGridProps {
  /** Channels-last values, `height`·`width`·`channels` of them, as a conv layer outputs them. */
  values: ArrayLike<number>;
  height: number; // data rows of each map
  width: number; // data columns of each map
  channels: number;
  /** Value → [r, g, b] in 0..255, shared by every map. Memoise it: a new function redraws. */
  color: (v: number) => RGB;
  /** CSS pixels of a map's longer side (default 44). */
  size?: number;
  /** CSS pixels between neighbouring cells (default 3). */
  gap?: number;
  /** Accessible name of the whole grid; say there what Enter does. */
  label: string;
  /** A cell was clicked (or Enter / Space pressed: channel 0). */
  onPick: (channel: number) => void;
  className?: string;
  testId?: string;
}

/** Each map gets a one-pixel frame, as a lone HeatmapCanvas has. */
const BORDER = 1;
const FRAME: RGB = [0xdd, 0xdd, 0xdd];

// One pixel written as a 32-bit word: set through bytes and read back as a
// word, so the packing follows the machine's byte order, whatever it is.
const pixelBytes = new Uint8ClampedArray(4);
const pixelWord = new Uint32Array(pixelBytes.buffer);
function packRGB([r, g, b]: RGB): number {
  pixelBytes[0] = r;
  pixelBytes[1] = g;
  pixelBytes[2] = b;
  pixelBytes[3] = 255;
  return pixelWord[0];
}

/** The image and its word view, kept between updates of the same size. */
interface Buffers {
  image: ImageData;
  words: Uint32Array;
  colors: Uint32Array; // one packed colour per value
}

/**
 * Every channel of a conv layer's output as a grid of small maps in ONE
 * canvas, as many columns as the container's width allows. Hundreds of
 * separate canvases cost the compositor tens of milliseconds on every update
 * (and one ImageData each); one canvas per layer, drawn into one reused
 * ImageData, costs a few. Maps are scaled nearest-neighbour in JavaScript so
 * cells and gaps land on whole CSS pixels; `image-rendering: pixelated` keeps
 * them crisp on high-density screens.
 *
 * Clicking a cell picks its channel; the canvas is one focusable button, and
 * the tooltip names the channel under the pointer.
 */
export function HeatmapGrid(props: HeatmapGridProps): JSX.Element {
  const { values, height, width, channels, color, size = 44, gap = 3, label, onPick, className, testId } = props;
  const [boxRef, box] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const highlightRef = useRef<HTMLSpanElement | null>(null);
  const buffers = useRef<Buffers | null>(null);
  const hovered = useRef(-1); // channel under the pointer, -1 when none

  const h = Math.max(1, Math.floor(height) || 1);
  const w = Math.max(1, Math.floor(width) || 1);
  const c = Math.max(0, Math.floor(channels) || 0);
  const map = mapCellSize(w, h, size);
  const layout = useMemo(
    () => heatmapGridLayout(c, map.width + 2 * BORDER, map.height + 2 * BORDER, gap, box.width),
    [c, map.width, map.height, gap, box.width],
  );
  const cols = useMemo(() => sourceIndices(w, map.width), [w, map.width]);
  const rows = useMemo(() => sourceIndices(h, map.height), [h, map.height]);

  // Before paint: a new size has just cleared the canvas, and a blank frame would flicker.
  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx || layout.width === 0 || layout.height === 0) return;
    let b = buffers.current;
    if (!b || b.image.width !== layout.width || b.image.height !== layout.height) {
      const image = ctx.createImageData(layout.width, layout.height);
      b = { image, words: new Uint32Array(image.data.buffer), colors: b?.colors ?? new Uint32Array(0) };
    }
    const n = Math.min(values.length, h * w * c);
    if (b.colors.length !== h * w * c) b.colors = new Uint32Array(h * w * c);
    // Colour each value once; a value shows on several pixels when scaled up.
    for (let i = 0; i < n; i++) b.colors[i] = packRGB(color(values[i]));
    b.colors.fill(0, n); // a short array leaves transparent pixels, not stale ones
    buffers.current = b;
    drawCells(b, layout, cols, rows, w, c, packRGB(FRAME));
    ctx.putImageData(b.image, 0, 0);
  }, [layout, values, color, cols, rows, h, w, c]);

  // A new layout moves the cells out from under a resting pointer.
  useEffect(() => {
    hovered.current = -1;
    if (highlightRef.current) highlightRef.current.style.display = 'none';
  }, [layout]);

  const channelAt = (e: MouseEvent<HTMLCanvasElement>): number | null => {
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return null;
    // In canvas pixels: a container narrower than one cell shrinks the canvas by CSS.
    return cellAt(layout, ((e.clientX - r.left) * layout.width) / r.width, ((e.clientY - r.top) * layout.height) / r.height);
  };

  // Hover feedback is set on the elements directly: a pointer crossing the
  // grid re-renders nothing.
  const showHover = (canvas: HTMLCanvasElement, i: number | null) => {
    const next = i ?? -1;
    if (next === hovered.current) return;
    hovered.current = next;
    const mark = highlightRef.current;
    if (i === null) {
      canvas.removeAttribute('title');
      canvas.style.cursor = '';
      if (mark) mark.style.display = 'none';
      return;
    }
    canvas.title = `channel ${i + 1}`;
    canvas.style.cursor = 'pointer';
    if (!mark) return;
    const s = canvas.clientWidth / layout.width; // 1 unless the canvas is shrunk
    const o = cellOrigin(layout, i);
    Object.assign(mark.style, {
      display: 'block',
      left: `${o.x * s}px`,
      top: `${o.y * s}px`,
      width: `${layout.cellWidth * s}px`,
      height: `${layout.cellHeight * s}px`,
    });
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => showHover(e.currentTarget, channelAt(e));
  const onPointerLeave = (e: PointerEvent<HTMLCanvasElement>) => showHover(e.currentTarget, null);
  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const i = channelAt(e);
    if (i !== null) onPick(i);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault(); // Space would otherwise scroll the page
    if (c > 0) onPick(0);
  };

  return (
    <div className="hm-grid" ref={boxRef}>
      <canvas
        ref={canvasRef}
        className={['hm-grid-canvas', className ?? ''].filter(Boolean).join(' ')}
        width={layout.width}
        height={layout.height}
        role="button"
        tabIndex={0}
        aria-label={label}
        data-testid={testId}
        data-channels={c}
        data-columns={layout.columns}
        onPointerMove={onPointerMove}
        onPointerLeave={onPointerLeave}
        onPointerCancel={onPointerLeave}
        onClick={onClick}
        onKeyDown={onKeyDown}
      />
      <span className="hm-grid-hover" ref={highlightRef} aria-hidden="true" />
    </div>
  );
}

/**
 * Every map into its framed cell. `cols` / `rows` give the data column / row
 * each cell pixel shows; values are channels-last, so channel `ch` of data
 * pixel (x, y) is `colors[(y·w + x)·channels + ch]`.
 */
function drawCells(b: Buffers, layout: HeatmapGridLayout, cols: Int32Array, rows: Int32Array, w: number, channels: number, frame: number) {
  const { words, colors } = b;
  const stride = layout.width;
  words.fill(0); // gaps and the empty end of the last row stay transparent
  for (let ch = 0; ch < channels; ch++) {
    const o = cellOrigin(layout, ch);
    const top = o.y * stride + o.x;
    const bottom = (o.y + layout.cellHeight - 1) * stride + o.x;
    words.fill(frame, top, top + layout.cellWidth);
    words.fill(frame, bottom, bottom + layout.cellWidth);
    for (let y = 0; y < rows.length; y++) {
      const line = (o.y + BORDER + y) * stride + o.x;
      words[line] = frame;
      words[line + layout.cellWidth - 1] = frame;
      const src = rows[y] * w;
      const dst = line + BORDER;
      for (let x = 0; x < cols.length; x++) words[dst + x] = colors[(src + cols[x]) * channels + ch];
    }
  }
}
