import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { channelOf } from '../../../explain/channelOf';
import { modelSpec } from '../../../store/selectors';
import { pickedPixel, studySpec } from '../../../store/explain/explainRequest';
import { useAppStore } from '../../../store/useAppStore';
import { AnswerStatus } from '../shared/AnswerStatus';
import { explainLayers } from '../shared/explainLayers';
import { PIXEL_LAYER_TYPES } from '../../../explain/pixelLayerTypes';
import { PixelPicker } from '../shared/PixelPicker';
import { slideGeometry } from './slideGeometry';
import { SlidingKernelView } from './SlidingKernelView';
import { StudyNote } from '../shared/StudyNote';

/**
 * The picked layer's window sliding over its input and filling the picked
 * map, with the live values; a network too big to build here (a classic net at
 * full size) plays at its real sizes with one layer's random weights.
 */
export function KernelTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const spec = useAppStore(modelSpec);
  const studyOnly = useAppStore((s) => studySpec(s) !== null);
  const pixel = useAppStore(pickedPixel);
  const pickPixel = useAppStore((s) => s.pickPixel);
  const answer = useAppStore((s) => s.explain.answers.pixel);
  const error = useAppStore((s) => s.explain.errors.pixel);
  const [sourceChannel, setSourceChannel] = useState(0);
  const layers = useMemo(() => explainLayers(spec, PIXEL_LAYER_TYPES), [spec]);
  const g = useMemo(() => (pixel ? slideGeometry(spec, pixel.layer) : null), [spec, pixel]);
  const e = answer?.explanation;
  // Values only when the answer is for this layer and map (a new pick is on its way otherwise).
  const live = e && pixel && e.pixel.layer === pixel.layer && e.pixel.channel === pixel.channel ? e : null;
  const [sh, sw, sc] = live?.source.shape ?? [0, 0, 1];
  // A pooling window reads the picked map's own channel; a conv window reads them all (one is shown).
  const channel = g?.op === 'conv' ? Math.min(sourceChannel, sc - 1) : (pixel?.channel ?? 0);
  const source = useMemo(() => (live ? channelOf(live.source.values, sh, sw, sc, channel) : null), [live, sh, sw, sc, channel]);
  if (!pixel || !g || layers.length === 0) return <p className="hint">{t('kernel.noLayer')}</p>;
  const from = pixel.layer === 0 ? t('kernel.theInput') : t('kernel.layerOutput', { layer: pixel.layer });
  return (
    <>
      <PixelPicker layers={layers} pixel={pixel} onPick={pickPixel} />
      {g.op === 'conv' && g.channels > 1 && (
        <label className="xp-field xp-source-channel">
          {t('kernel.channelShown')}
          <input type="number" min={1} max={g.channels} value={channel + 1} onChange={(ev) => setSourceChannel(Math.max(0, Math.min(g.channels - 1, Number(ev.target.value) - 1 || 0)))} />
          <small>{t('kernel.readsAll', { channels: g.channels })}</small>
        </label>
      )}
      {studyOnly ? <StudyNote layer={pixel.layer} /> : <AnswerStatus answer={answer} error={error} />}
      <SlidingKernelView g={g} source={source} output={live ? live.map.values : null} sourceLabel={g.channels > 1 && g.op === 'conv' ? t('kernel.withChannel', { source: from, channel: channel + 1 }) : from} />
    </>
  );
}
