import { useMemo, type JSX } from 'react';
import { symmetricMax } from '../../../charts/colorScales';
import { HeatmapCanvas } from '../../../charts/HeatmapCanvas';
import { HeatmapGrid } from '../../../charts/HeatmapGrid';
import { channelOf } from '../../../explain/channelOf';
import { HAND_FILTERS } from '../../../explain/handFilters';
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
  const { k, output, size, closest, onRemove } = props;
  const note = HAND_FILTERS.find((f) => f.name === k.name)?.note;
  const outColor = useDiverging(output ?? null);
  const closeColor = useDiverging(closest?.map ?? null);
  return (
    <div className="xp-card" data-kernel={k.name}>
      <h4>
        {k.name}
        {onRemove && (
          <button type="button" className="xp-remove" onClick={onRemove} aria-label={`Remove ${k.name}`}>
            Remove
          </button>
        )}
      </h4>
      <div className="xp-card-body">
        <NumberGrid values={k.kernel} size={3} caption="weights" />
        <figure>
          {output ? <HeatmapCanvas width={size[1]} height={size[0]} values={output} color={outColor} size={MAP_PX} title={`${k.name} applied to the input`} /> : <p className="hint">Computing…</p>}
          <figcaption>output{output ? `, ±${formatValue(symmetricMax(output))}` : ''}</figcaption>
        </figure>
        {closest && (
          <figure>
            <HeatmapCanvas width={closest.shape[1]} height={closest.shape[0]} values={closest.map} color={closeColor} size={MAP_PX} title={`Trained filter ${closest.filter + 1}'s map`} />
            <figcaption>
              most like trained filter {closest.filter + 1}
              {closest.similarity < 0 ? ', inverted' : ''} (cosine {closest.similarity.toFixed(2)})
            </figcaption>
          </figure>
        )}
      </div>
      {note && <p className="hint">{note}</p>}
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
          <HeatmapCanvas width={w} height={h} values={e.image.values} color={inputColor} size={MAP_PX} title="The input" />
          <figcaption>The input, {w}×{h}: each kernel slides over it (zero padding, so the output keeps its size)</figcaption>
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
          <h4>What the trained first conv layer does to the same input</h4>
          <div className="xp-stack">
            <figure>
              <HeatmapGrid values={firstChannel} height={kh} width={kh} channels={f} color={kernelColor} size={26} label={`Layer ${t.layer + 1}'s ${f} kernels: click one to see its arithmetic`} onPick={(ch) => onPickMap(t.layer, ch)} />
              <figcaption>
                Its {f} kernels, {kh}×{kh}{kc > 1 ? ` (input channel 1 of ${kc})` : ''}, ±{formatValue(symmetricMax(t.kernels.values))}
              </figcaption>
            </figure>
            <figure>
              <HeatmapGrid values={t.maps.values} height={oh} width={ow} channels={f} color={mapsColor} size={44} label={`Layer ${t.layer + 1}'s ${f} maps: click one to see how its pixels are computed`} onPick={(ch) => onPickMap(t.layer, ch)} />
              <figcaption>Its {f} maps (after its activation), ±{formatValue(symmetricMax(t.maps.values))}: click one to see how its pixels are computed</figcaption>
            </figure>
          </div>
        </section>
      )}
    </div>
  );
}
