import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { inferShapes } from '../../../model/inferShapes';
import { layerTitle } from '../../../model/layerTitle';
import { pickedPixel } from '../../../store/explain/explainRequest';
import { modelSpec } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { AnswerStatus } from '../shared/AnswerStatus';
import { explainLayers, pixelOnLayer } from '../shared/explainLayers';
import { Im2colView } from './Im2colView';
import { PixelPicker } from '../shared/PixelPicker';

const CONV = ['conv2d'] as const;

/** im2col: the picked pixel's conv layer as one matrix product. Shares the picked pixel with the other pixel views. */
export function Im2colTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const spec = useAppStore(modelSpec);
  const pixel = useAppStore(pickedPixel);
  const pickPixel = useAppStore((s) => s.pickPixel);
  const answer = useAppStore((s) => s.explain.answers.im2col);
  const error = useAppStore((s) => s.explain.errors.im2col);
  const layers = useMemo(() => explainLayers(spec, CONV), [spec]);
  const info = useMemo(() => inferShapes(spec).layers, [spec]);
  if (!pixel || layers.length === 0) return <p className="hint">{t('im2col.noLayer')}</p>;
  const onConv = layers.some((l) => l.index === pixel.layer);
  // A pooling pixel picked elsewhere has no kernels: offer the first conv layer instead.
  const shown = onConv ? pixel : pixelOnLayer(pixel, info[pixel.layer]?.outputShape ?? layers[0].shape, layers[0]);
  const index = answer?.explanation.pixel.layer ?? shown.layer;
  const layer = spec.layers[index];
  const inputSize = (info[index]?.inputShape ?? []).reduce((a, b) => a * b, 1);
  const picked = spec.layers[pixel.layer];
  return (
    <>
      <PixelPicker layers={layers} pixel={shown} onPick={pickPixel} />
      {!onConv ? (
        <p className="hint">{picked ? t('im2col.notConvTitled', { layer: pixel.layer + 1, title: layerTitle(picked) }) : t('im2col.notConv', { layer: pixel.layer + 1 })}</p>
      ) : (
        <>
          <AnswerStatus answer={answer} error={error} />
          {answer && !error && layer?.type === 'conv2d' && <Im2colView e={answer.explanation} layer={layer} layerTitle={layerTitle(layer)} inputSize={inputSize} />}
        </>
      )}
    </>
  );
}
