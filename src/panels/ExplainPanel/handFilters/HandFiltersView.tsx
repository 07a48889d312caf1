import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { symmetricMax } from '../../../charts/colorScales';
import { HeatmapCanvas } from '../../../charts/HeatmapCanvas';
import { HeatmapGrid } from '../../../charts/HeatmapGrid';
import { channelOf } from '../../../explain/channelOf';
import { HAND_FILTERS, handKernelTitle } from '../../../explain/handFilters';
import { wordMessage } from '../../../i18n/i18n';
import type { HandFiltersExplanation, HandKernel } from '../../../protocol';
import { formatValue } from '../shared/formatValue';
import { NumberGrid } from '../shared/NumberGrid';
import { useDiverging, useGreys } from '../shared/useColors';

const MAP_PX = 96;

/** A zero-centred colour function for a signed map, from its own largest |value|. */
/** One hand kernel: its weights, what it makes of the input, and the trained filter most like it. */
function HandKernelCard(props: {
  k: HandKernel;
  output: Float32Array | undefined;
  size: [number, number];
  closest: { filter: number; similarity: number; map: Float32Array; shape: [number, number] } | null;
  onRemove: (() => void) | null;
}): JSX.Element {
  const { t } = useTranslation('explain');
  const { k, output, size, closest, onRemove } = props;
  const note = HAND_FILTERS.find((f) => f.name === k.name)?.note;
  const titled = handKernelTitle(k.name);
  const name = titled ? wordMessage(titled, t) : k.name;
  const outColor = useDiverging(output ?? null);
  const closeColor = useDiverging(closest?.map ?? null);
  return (
    <div className="xp-card" data-kernel={k.name}>
      <h4>
        {name}
        {onRemove && (
          <button type="button" className="xp-remove" onClick={onRemove} aria-label={t('handFilters.removeLabel', { name })}>
            {t('handFilters.remove')}
          </button>
        )}
      </h4>
      <div className="xp-card-body">
        <NumberGrid values={k.kernel} size={3} caption={t('steps.weights')} />
        <figure>
          {output ? <HeatmapCanvas width={size[1]} height={size[0]} values={output} color={outColor} size={MAP_PX} title={t('handFilters.appliedTitle', { name })} /> : <p className="hint">{t('status.computing')}</p>}
          <figcaption>{output ? t('handFilters.outputRange', { max: formatValue(symmetricMax(output)) }) : t('handFilters.output')}</figcaption>
        </figure>
        {closest && (
          <figure>
            <HeatmapCanvas width={closest.shape[1]} height={closest.shape[0]} values={closest.map} color={closeColor} size={MAP_PX} title={t('handFilters.trainedMapTitle', { filter: closest.filter + 1 })} />
            <figcaption>
              {t(closest.similarity < 0 ? 'handFilters.closestInverted' : 'handFilters.closest', { filter: closest.filter + 1, cosine: closest.similarity.toFixed(2) })}
            </figcaption>
          </figure>
        )}
      </div>
      {note && <p className="hint">{wordMessage(note, t)}</p>}
    </div>
  );
}

/**
 * Classic kernels applied by hand to the input, each beside the trained
 * filter most like it, then the trained first conv layer's own kernels and
 * maps on the same input. Red positive, blue negative throughout.
 */
export function HandFiltersView(props: {
  e: HandFiltersExplanation;
  /** Takes a kernel the reader added out of the list (by name). */
  onRemove: (name: string) => void;
  onPickMap: (layer: number, channel: number) => void;
}): JSX.Element {
  const { t: tr } = useTranslation('explain');
  const { e, onRemove, onPickMap } = props;
  // The kernels the answer was computed with (the list may have changed since).
  const { kernels } = e;
  const [h, w] = e.image.shape;
  const inputColor = useGreys(e.image.values);
  const t = e.trained;
  const [oh, ow, f] = t?.maps.shape ?? [1, 1, 0];
  const [kh, , kc] = t?.kernels.shape ?? [1, 1, 1];
  // The grid wants [K, K, F]: with C input channels, show the first one's weights.
  const firstChannel = useMemo(() => {
    if (!t) return null;
    if (kc === 1) return t.kernels.values;
    const out = new Float32Array(kh * kh * f);
    for (let p = 0; p < kh * kh; p++) for (let o = 0; o < f; o++) out[p * f + o] = t.kernels.values[p * kc * f + o];
    return out;
  }, [t, kh, kc, f]);
  const kernelColor = useDiverging(t?.kernels.values ?? null);
  const mapsColor = useDiverging(t?.maps.values ?? null);
  const closest = useMemo(
    () => e.closest.map((c) => (c && t ? { ...c, map: channelOf(t.maps.values, oh, ow, f, c.filter), shape: [oh, ow] as [number, number] } : null)),
    [e.closest, t, oh, ow, f],
  );
  return (
    <div className="xp-view" data-testid="hand-filters">
      <div className="xp-maps">
        <figure>
          <HeatmapCanvas width={w} height={h} values={e.image.values} color={inputColor} size={MAP_PX} title={tr('kernel.theInput')} />
          <figcaption>{tr('handFilters.inputCaption', { w, h })}</figcaption>
        </figure>
      </div>
      <div className="xp-cards">
        {kernels.map((k, i) => (
          <HandKernelCard
            key={`${i}-${k.name}`}
            k={k}
            output={e.outputs.length === kernels.length ? e.outputs[i] : undefined}
            size={[h, w]}
            closest={closest[i] ?? null}
            onRemove={HAND_FILTERS.some((hf) => hf.name === k.name) ? null : () => onRemove(k.name)}
          />
        ))}
      </div>
      {t && firstChannel && (
        <section className="xp-trained">
          <h4>{tr('handFilters.trainedHeading')}</h4>
          <div className="xp-stack">
            <figure>
              <HeatmapGrid values={firstChannel} height={kh} width={kh} channels={f} color={kernelColor} size={26} label={tr('handFilters.kernelsLabel', { layer: t.layer + 1, f })} onPick={(ch) => onPickMap(t.layer, ch)} />
              <figcaption>
                {kc > 1
                  ? tr('handFilters.kernelsCaptionChannel', { f, k: kh, c: kc, max: formatValue(symmetricMax(t.kernels.values)) })
                  : tr('handFilters.kernelsCaption', { f, k: kh, max: formatValue(symmetricMax(t.kernels.values)) })}
              </figcaption>
            </figure>
            <figure>
              <HeatmapGrid values={t.maps.values} height={oh} width={ow} channels={f} color={mapsColor} size={44} label={tr('handFilters.mapsLabel', { layer: t.layer + 1, f })} onPick={(ch) => onPickMap(t.layer, ch)} />
              <figcaption>{tr('handFilters.mapsCaption', { f, max: formatValue(symmetricMax(t.maps.values)) })}</figcaption>
            </figure>
          </div>
        </section>
      )}
    </div>
  );
}
