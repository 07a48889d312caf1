import { useEffect, useRef, type MouseEvent } from 'react';

export interface BarStripProps {
  values: ArrayLike<number>;
  /** Value range drawn bottom to top. */
  min: number;
  max: number;
  /** CSS height in px; the width fills the container. */
  height?: number;
  title?: string;
  /** A unit was clicked (Enter or Space: the first); makes the strip a button. */
  onPick?: (unit: number) => void;
}

const PX = 48;

/**
 * One bar per unit of a dense layer, drawn into a single canvas one pixel
 * column per unit and stretched by CSS: 1,600 units stay one element.
 */
export function BarStrip({ values, min, max, height = PX, title, onPick }: BarStripProps) {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const n = values.length;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, n, PX);
    ctx.fillStyle = '#60a5fa';
    const span = max - min || 1;
    for (let i = 0; i < n; i++) {
      const h = Math.max(0, Math.min(1, (values[i] - min) / span)) * PX;
      if (h > 0) ctx.fillRect(i, PX - h, 1, h);
    }
  }, [values, min, max, n]);
  const pick = onPick && ((e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    onPick(e.detail === 0 || r.width <= 0 ? 0 : Math.min(n - 1, Math.max(0, Math.floor(((e.clientX - r.left) / r.width) * n))));
  });
  return (
    <canvas
      ref={ref}
      width={n}
      height={PX}
      className={pick ? 'bar-strip hm-clickable' : 'bar-strip'}
      style={{ height }}
      data-units={n}
      title={title}
      role={pick ? 'button' : undefined}
      tabIndex={pick ? 0 : undefined}
      aria-label={pick ? title : undefined}
      onClick={pick}
      onKeyDown={pick && ((e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), onPick?.(0)))}
    />
  );
}
