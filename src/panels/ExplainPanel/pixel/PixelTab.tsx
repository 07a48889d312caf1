import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { PIXEL_LAYER_TYPES } from '../../../explain/pixelLayerTypes';
import { layerTitle } from '../../../model/layerTitle';
import { pickedPixel } from '../../../store/explain/explainRequest';
import { modelSpec } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { AnswerStatus } from '../shared/AnswerStatus';
import { StudyNote } from '../shared/StudyNote';
import { explainLayers } from '../shared/explainLayers';
import { PixelArithmeticView } from './PixelArithmeticView';
import { PixelPicker } from '../shared/PixelPicker';


/** Pixel arithmetic: pick a pixel (here or on a feature map), read how the layer computed it. */
export function PixelTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const spec = useAppStore(modelSpec);
  const pixel = useAppStore(pickedPixel);
  const pickPixel = useAppStore((s) => s.pickPixel);
  const answer = useAppStore((s) => s.explain.answers.pixel);
  const error = useAppStore((s) => s.explain.errors.pixel);
  const layers = useMemo(() => explainLayers(spec, PIXEL_LAYER_TYPES), [spec]);
  if (!pixel || layers.length === 0) return <p className="hint">{t('pixel.noLayer')}</p>;
  const layer = spec.layers[answer?.explanation.pixel.layer ?? pixel.layer];
  return (
    <>
      <PixelPicker layers={layers} pixel={pixel} onPick={pickPixel} />
      {answer?.explanation.study ? <StudyNote layer={answer.explanation.pixel.layer} /> : <AnswerStatus answer={answer} error={error} />}
      {answer && !error && layer && <PixelArithmeticView e={answer.explanation} layerTitle={layerTitle(layer)} onPick={pickPixel} />}
    </>
  );
}
