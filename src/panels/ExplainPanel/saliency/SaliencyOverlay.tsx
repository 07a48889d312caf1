import { useEffect, useMemo, useRef, type JSX } from 'react';
import { overlayPixels, type SaliencyMode } from './saliencyPixels';

/**
 * A saliency map laid over its input on one canvas: the input in grey, the
 * map as red (and, signed, blue) heat whose opacity grows with |value|, full
 * at `scale`. Drawn at data resolution and scaled up by CSS, pixelated.
 */
export function SaliencyOverlay(props: {
  /** [h, w] input pixels in [0, 1]. */
  input: ArrayLike<number>;
  /** [h, w] saliency values. */
  map: ArrayLike<number>;
  width: number;
  height: number;
  mode: SaliencyMode;
  scale: number;
  /** CSS pixels of the longer side. */
  size: number;
  title: string;
  testId?: string;
}): JSX.Element {
  const { input, map, width, height, mode, scale, size, title, testId } = props;
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const pixels = useMemo(() => overlayPixels(input, map, mode, scale), [input, map, mode, scale]);
  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx || pixels.length !== width * height * 4) return;
    const img = ctx.createImageData(width, height);
    img.data.set(pixels);
    ctx.putImageData(img, 0, 0);
  }, [pixels, width, height]);
  const k = size / Math.max(width, height, 1);
  return (
    <canvas
      ref={canvasRef}
      className="xp-overlay"
      width={width}
      height={height}
      style={{ width: Math.round(width * k), height: Math.round(height * k) }}
      role="img"
      aria-label={title}
      title={title}
      data-testid={testId}
    />
  );
}
