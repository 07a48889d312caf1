import { useCallback, useEffect, useRef, type PointerEvent } from 'react';

/** Canvas resolution: ten times the model's 28×28, like a finger on a phone. */
export const PAD_SIZE = 280;
const MAX_UNDO = 30;

export interface DrawingOptions {
  brush: number;
  /** Fill each closed stroke as a silhouette (for clothing). */
  fill: boolean;
  /** Called while drawing (throttled by the caller) and at each stroke end. */
  onChange: (ctx: CanvasRenderingContext2D, strokeEnded: boolean) => void;
}

/**
 * Pointer drawing (mouse, touch, pen) on a black canvas with white ink, with
 * undo snapshots. Returns handlers for the canvas and undo/clear actions.
 */
export function useDrawingCanvas({ brush, fill, onChange }: DrawingOptions) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const undo = useRef<ImageData[]>([]);
  const path = useRef<[number, number][] | null>(null);
  const opts = useRef({ brush, fill, onChange });
  opts.current = { brush, fill, onChange };

  const ctx = () => canvasRef.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const blank = useCallback(() => {
    const c = ctx();
    if (!c) return;
    c.fillStyle = '#000';
    c.fillRect(0, 0, PAD_SIZE, PAD_SIZE);
  }, []);

  useEffect(blank, [blank]);

  const point = (e: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const r = e.currentTarget.getBoundingClientRect();
    return [((e.clientX - r.left) / r.width) * PAD_SIZE, ((e.clientY - r.top) / r.height) * PAD_SIZE];
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = ctx();
    if (!c || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    undo.current.push(c.getImageData(0, 0, PAD_SIZE, PAD_SIZE));
    if (undo.current.length > MAX_UNDO) undo.current.shift();
    const p = point(e);
    path.current = [p];
    c.fillStyle = '#fff';
    c.beginPath();
    c.arc(p[0], p[1], opts.current.brush / 2, 0, Math.PI * 2);
    c.fill();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const c = ctx();
    const pts = path.current;
    if (!c || !pts) return;
    const p = point(e);
    const last = pts[pts.length - 1];
    pts.push(p);
    c.strokeStyle = '#fff';
    c.lineWidth = opts.current.brush;
    c.lineCap = 'round';
    c.lineJoin = 'round';
    c.beginPath();
    c.moveTo(last[0], last[1]);
    c.lineTo(p[0], p[1]);
    c.stroke();
    opts.current.onChange(c, false);
  };

  const onPointerUp = () => {
    const c = ctx();
    const pts = path.current;
    path.current = null;
    if (!c || !pts) return;
    if (opts.current.fill && pts.length > 2) {
      c.fillStyle = '#fff';
      c.beginPath();
      pts.forEach(([x, y], i) => (i ? c.lineTo(x, y) : c.moveTo(x, y)));
      c.closePath();
      c.fill();
    }
    opts.current.onChange(c, true);
  };

  const undoStroke = () => {
    const c = ctx();
    const snap = undo.current.pop();
    if (!c || !snap) return;
    c.putImageData(snap, 0, 0);
    opts.current.onChange(c, true);
  };

  const clear = () => {
    const c = ctx();
    if (!c) return;
    undo.current.push(c.getImageData(0, 0, PAD_SIZE, PAD_SIZE));
    blank();
    opts.current.onChange(c, true);
  };

  return {
    canvasRef,
    handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp },
    undoStroke,
    clear,
    canUndo: () => undo.current.length > 0,
  };
}
