import { useEffect, useRef, type JSX, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import './heatmap.css';

/** The data cell under the pointer, reported by {@link HeatmapCanvas}. */
export interface HeatmapHover {
  x: number; // column, 0..width-1
  y: number; // row, 0..height-1
  value: number;
}

/** Props of {@link HeatmapCanvas}. */
export interface HeatmapCanvasProps {
  width: number; // data columns (canvas pixels)
  height: number; // data rows (canvas pixels)
  /** Row-major, width·height values. */
  values: ArrayLike<number>;
  /** Value → [r, g, b] in 0..255. Memoise it: a new function redraws the canvas. */
  color: (v: number) => [number, number, number];
  /** CSS pixels of the longer side (default 56); the other side keeps the aspect ratio. */
  size?: number;
  title?: string; // tooltip and accessible name
  onClick?: () => void;
  /** A cell was clicked: its column and row (makes the canvas a button, as onClick does). */
  onCellClick?: (p: { x: number; y: number }) => void;
  /** Called when the pointer enters a new cell, and with null when it leaves. */
  onHoverValue?: (p: HeatmapHover | null) => void;
  testId?: string;
  className?: string;
}

/**
 * A pixel grid (a weight kernel, an activation map, an input image) drawn at
 * data resolution into a <canvas> via ImageData and scaled up by CSS with
 * `image-rendering: pixelated`. With `onClick` it behaves as a button
 * (focusable, Enter / Space activate it).
 */
export function HeatmapCanvas(props: HeatmapCanvasProps): JSX.Element {
  const { width, height, values, color, size = 56, title, onCellClick, onHoverValue, testId, className } = props;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const lastCell = useRef(-1); // row-major index of the hovered cell, -1 when none
  const hoverCb = useRef(onHoverValue);
  const w = Math.max(1, Math.floor(width) || 1);
  const h = Math.max(1, Math.floor(height) || 1);

  useEffect(() => {
    hoverCb.current = onHoverValue;
  });

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(w, h);
    const data = img.data;
    const n = Math.min(w * h, values.length);
    for (let i = 0; i < n; i++) {
      const [r, g, b] = color(values[i]);
      const o = i * 4;
      data[o] = r;
      data[o + 1] = g;
      data[o + 2] = b;
      data[o + 3] = 255;
    }
    // Cells without a value (short array) stay transparent.
    ctx.putImageData(img, 0, 0);
  }, [w, h, values, color]);

  // Live data under a resting pointer: report the cell's new value. The
  // callback is read from a ref so an inline handler cannot cause a loop.
  useEffect(() => {
    const c = lastCell.current;
    if (c < 0 || c >= w * h) return;
    hoverCb.current?.({ x: c % w, y: Math.floor(c / w), value: c < values.length ? values[c] : NaN });
  }, [values, w, h]);

  const scale = size / Math.max(w, h);
  const cssW = Math.max(1, Math.round(w * scale));
  const cssH = Math.max(1, Math.round(h * scale));

  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!onHoverValue) return;
    const r = e.currentTarget.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0) return;
    const x = Math.min(w - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * w)));
    const y = Math.min(h - 1, Math.max(0, Math.floor(((e.clientY - r.top) / r.height) * h)));
    const cell = y * w + x;
    if (cell === lastCell.current) return; // only report changes of cell
    lastCell.current = cell;
    onHoverValue({ x, y, value: cell < values.length ? values[cell] : NaN });
  };
  const onLeave = () => {
    if (lastCell.current < 0) return;
    lastCell.current = -1;
    onHoverValue?.(null);
  };
  const onClick =
    props.onClick ??
    (onCellClick &&
      ((e?: MouseEvent<HTMLCanvasElement>) => {
        const r = e?.currentTarget.getBoundingClientRect();
        // Enter or Space (no pointer): the middle cell.
        if (!e || !r || r.width <= 0 || e.detail === 0) return onCellClick({ x: Math.floor(w / 2), y: Math.floor(h / 2) });
        onCellClick({
          x: Math.min(w - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * w))),
          y: Math.min(h - 1, Math.max(0, Math.floor(((e.clientY - r.top) / r.height) * h))),
        });
      }));
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    if (!onClick || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault(); // Space would otherwise scroll the page
    onClick();
  };

  const classes = ['hm-canvas', onClick ? 'hm-clickable' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <canvas
      ref={canvasRef}
      className={classes}
      width={w}
      height={h}
      style={{ width: cssW, height: cssH }}
      title={title}
      aria-label={title}
      data-testid={testId}
      role={onClick ? 'button' : 'img'}
      tabIndex={onClick ? 0 : undefined}
      onClick={onClick}
      onKeyDown={onClick ? onKeyDown : undefined}
      onPointerMove={onHoverValue ? onMove : undefined}
      onPointerDown={onHoverValue ? onMove : undefined}
      onPointerLeave={onHoverValue ? onLeave : undefined}
      onPointerCancel={onHoverValue ? onLeave : undefined}
    />
  );
}
