import { memo, useEffect, useRef, type JSX } from 'react';

/** One 28×28 byte image (0 = background), drawn once per change of its pixels and magnified by CSS. */
export const ByteThumb = memo(function ByteThumb({ pixels, side = 28, className }: { pixels: Uint8Array; side?: number; className?: string }): JSX.Element {
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(side, side);
    for (let i = 0; i < side * side; i++) {
      const v = pixels[i] ?? 0;
      img.data[i * 4] = img.data[i * 4 + 1] = img.data[i * 4 + 2] = v;
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, side]);
  return <canvas ref={ref} width={side} height={side} className={className ?? 'byte-thumb'} aria-hidden="true" />;
});
