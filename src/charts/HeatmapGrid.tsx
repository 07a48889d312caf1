import { useEffect, useLayoutEffect, useMemo, useRef, type JSX, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RGB } from './colorScales';
import { cellAt, cellOrigin, heatmapGridLayout, type HeatmapGridLayout } from './heatmapGrid';
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

/** The canvas's image and a word view of its pixels, kept while the canvas size holds. */
interface Pixels {
  image: ImageData;
  words: Uint32Array;
}

/**
 * Every channel of a conv layer's output as a grid of small maps in ONE
 * canvas, as many columns as the container's width allows. Hundreds of
 * separate canvases cost the compositor tens of milliseconds on every update
 * (and one ImageData each); one canvas per layer, at data resolution (see
 * heatmapGrid.ts) and drawn into one reused ImageData, costs a few. CSS scales
 * it up with `image-rendering: pixelated`, as HeatmapCanvas does a single map.
 *
 * Clicking a cell picks its channel; the canvas is one focusable button, and
 * the tooltip names the channel under the pointer.
 */
export function HeatmapGrid(props: HeatmapGridProps): JSX.Element {
  const { values, height, width, channels, color, size = 44, gap = 3, label, onPick, className, testId } = props;
  const { t } = useTranslation('inspect');
  const [boxRef, box] = useElementSize<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const highlightRef = useRef<HTMLSpanElement | null>(null);
  const pixels = useRef<Pixels | null>(null);
  const hovered = useRef(-1); // channel under the pointer, -1 when none

  const h = Math.max(1, Math.floor(height) || 1);
  const w = Math.max(1, Math.floor(width) || 1);
  const c = Math.max(0, Math.floor(channels) || 0);
  // Until the container is measured (the first layout effect) there is no
  // width to lay out in: an empty canvas, rather than one column drawn in vain.
  const layout = useMemo(
    () => heatmapGridLayout({ count: box.width > 0 ? c : 0, mapWidth: w, mapHeight: h, size, gap, containerWidth: box.width }),
    [c, w, h, size, gap, box.width],
  );

  // Before paint: a new size has just cleared the canvas, and a blank frame would flicker.
  useLayoutEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx || layout.count === 0) return;
    let px = pixels.current;
    if (!px || px.image.width !== layout.width || px.image.height !== layout.height) {
      const image = ctx.createImageData(layout.width, layout.height);
      px = pixels.current = { image, words: new Uint32Array(image.data.buffer) };
    }
    drawMaps(px.words, layout, values, color, w, h, c);
    ctx.putImageData(px.image, 0, 0);
  }, [layout, values, color, w, h, c]);

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
    canvas.title = t('charts.channel', { number: i + 1 });
    canvas.style.cursor = 'pointer';
    if (!mark) return;
    const s = canvas.clientWidth / layout.width; // CSS pixels per canvas pixel, as shown
    const o = cellOrigin(layout, i);
    // A one-pixel ring just outside the cell, as a lone map's hover border.
    Object.assign(mark.style, {
      display: 'block',
      left: `${o.x * s - 1}px`,
      top: `${o.y * s - 1}px`,
      width: `${layout.cellWidth * s + 2}px`,
      height: `${layout.cellHeight * s + 2}px`,
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
        style={{ width: layout.cssWidth }} // the height follows from the aspect ratio
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
 * Every map into its cell of the canvas image, each data pixel a zoom×zoom
 * block. Values are channels-last: channel `ch` of data pixel (x, y) is
 * `values[(y·w + x)·channels + ch]`. Gaps, the empty end of the last row and
 * values the array lacks stay transparent, never stale.
 */
function drawMaps(words: Uint32Array, layout: HeatmapGridLayout, values: ArrayLike<number>, color: (v: number) => RGB, w: number, h: number, channels: number) {
  const { zoom, width: stride } = layout;
  const n = values.length;
  words.fill(0);
  for (let ch = 0; ch < channels; ch++) {
    const o = cellOrigin(layout, ch);
    for (let y = 0; y < h; y++) {
      const row = (o.y + y * zoom) * stride + o.x;
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * channels + ch;
        if (i >= n) continue;
        const word = packRGB(color(values[i]));
        const at = row + x * zoom;
        for (let z = 0; z < zoom; z++) words[at + z] = word;
      }
      // The other rows of a zoomed data row are copies of its first.
      for (let z = 1; z < zoom; z++) words.copyWithin(row + z * stride, row, row + w * zoom);
    }
  }
}
