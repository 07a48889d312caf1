import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { inkToRgba } from '../../charts/inkToRgba';

/** The model's 28×28 input, magnified (drawn at data resolution, scaled by CSS). */
export function InputPreview({ input, size = 28 }: { input: Float32Array | null; size?: number }) {
  const { t } = useTranslation('inspect');
  const ref = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(size, size);
    inkToRgba(input ?? new Float32Array(size * size), img.data);
    ctx.putImageData(img, 0, 0);
  }, [input, size]);
  return (
    <canvas
      ref={ref}
      width={size}
      height={size}
      className="preview"
      data-testid="model-input-preview"
      data-empty={input ? 'false' : 'true'}
      aria-label={t('pad.preview')}
    />
  );
}
