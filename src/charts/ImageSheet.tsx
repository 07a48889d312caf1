import { useEffect, useRef, type JSX } from 'react';

/** Gap between tiles, in data pixels (drawn in the page's background). */
const GAP = 2;

export interface ImageSheetProps {
  /** `count` greyscale images of `side × side` bytes, back to back, 0 = background. */
  images: Uint8Array;
  count: number;
  side?: number;
  columns: number;
  /** CSS pixels per data pixel. */
  scale?: number;
  testId: string;
  label: string;
  /** Columns to outline (e.g. the originals of a preview). */
  markedColumn?: number;
}

/**
 * Many small byte images on one canvas, `columns` to a row: one draw for a
 * whole grid of augmented samples, however often it changes. Magnified by
 * CSS with `image-rendering: pixelated`, so every pixel the model sees shows.
 */
export function ImageSheet({ images, count, side = 28, columns, scale = 2, testId, label, markedColumn }: ImageSheetProps): JSX.Element {
  const ref = useRef<HTMLCanvasElement | null>(null);
  const rows = Math.max(1, Math.ceil(count / columns));
  const width = columns * (side + GAP) - GAP;
  const height = rows * (side + GAP) - GAP;
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const sheet = ctx.createImageData(width, height);
    const d = sheet.data;
    // The gaps: a mid grey that sets tiles apart from black backgrounds.
    for (let i = 0; i < d.length; i += 4) {
      d[i] = d[i + 1] = d[i + 2] = 90;
      d[i + 3] = 255;
    }
    for (let k = 0; k < count; k++) {
      const ox = (k % columns) * (side + GAP);
      const oy = Math.floor(k / columns) * (side + GAP);
      const marked = markedColumn !== undefined && k % columns === markedColumn;
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const v = images[k * side * side + y * side + x] ?? 0;
          const o = ((oy + y) * width + ox + x) * 4;
          // An original is tinted blue, so that it reads apart from its variants.
          d[o] = marked ? v * 0.75 : v;
          d[o + 1] = marked ? v * 0.85 : v;
          d[o + 2] = marked ? Math.min(255, v + 40) : v;
          d[o + 3] = 255;
        }
      }
    }
    ctx.putImageData(sheet, 0, 0);
  }, [images, count, side, columns, width, height, markedColumn]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className="image-sheet"
      style={{ width: width * scale, height: height * scale }}
      data-testid={testId}
      data-count={count}
      role="img"
      aria-label={label}
    />
  );
}
