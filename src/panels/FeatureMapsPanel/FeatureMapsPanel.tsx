import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarStrip } from '../../charts/BarStrip';
import { ColorLegend } from '../../charts/ColorLegend';
import { sequentialColor } from '../../charts/colorScales';
import { HeatmapCanvas, type HeatmapHover } from '../../charts/HeatmapCanvas';
import { HeatmapGrid } from '../../charts/HeatmapGrid';
import { formatShape } from '../../model/formatShape';
import { layerTitle } from '../../model/layerTitle';
import type { LayerActivation, MapPixel } from '../../protocol';
import { EXPLAIN_ANCHOR } from '../ExplainPanel/explainAnchor';
import { isPixelLayer } from '../../explain/pixelLayerTypes';
import { modelSpec } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { useReportVisibility } from '../useReportVisibility';
import { channelOf, extent } from '../../explain/channelOf';

/** Every layer's output for the current input: one small image per channel (a grid per layer), dense layers as bars; `mapSize`: CSS px of each map. */
export function FeatureMapsPanel({ mapSize = 44 }: { mapSize?: number }) {
  const { t } = useTranslation('inspect');
  const ref = useReportVisibility<HTMLElement>('featureMaps');
  const activations = useAppStore((s) => (s.inspect.input ? s.inspect.activations : null));
  const spec = useAppStore(modelSpec);
  const [enlarged, setEnlarged] = useState<{ layer: number; channel: number } | null>(null);
  const pickPixel = useAppStore((s) => s.pickPixel);
  const pickDense = useAppStore((s) => s.pickDense);
  const setExplainTab = useAppStore((s) => s.setExplainTab);
  const showView = useAppStore((s) => s.showView);
  // The explainer is in the Inspect view: open it, then bring the explainer into sight once it is laid out.
  const toExplainer = () => {
    showView('inspect');
    requestAnimationFrame(() => document.getElementById(EXPLAIN_ANCHOR)?.scrollIntoView({ block: 'start' }));
  };
  const explain = (pixel: MapPixel) => {
    pickPixel(pixel);
    toExplainer();
  };
  const explainUnit = (layer: number, unit: number) => {
    pickDense({ layer, unit });
    setExplainTab('dense');
    toExplainer();
  };

  return (
    <section className="card feature-maps" aria-label={t('featureMaps.ariaLabel')} data-testid="feature-maps-panel" ref={ref}>
      <h2>
        {t('featureMaps.title')} <small>{t('featureMaps.subtitle')}</small>
      </h2>
      {!activations ? (
        <p className="hint">{t('featureMaps.empty')}</p>
      ) : (
        <>
          {enlarged && activations[enlarged.layer] && (
            <EnlargedMap
              act={activations[enlarged.layer]}
              channel={enlarged.channel}
              title={layerTitle(spec.layers[enlarged.layer])}
              onExplain={isPixelLayer(spec.layers[enlarged.layer]?.type) ? (p) => explain({ layer: enlarged.layer, ...p }) : undefined}
              onChannel={(channel) => setEnlarged({ layer: enlarged.layer, channel })}
              onClose={() => setEnlarged(null)}
            />
          )}
          {activations.map((a) => (
            <LayerMaps
              key={a.layer}
              act={a}
              title={spec.layers[a.layer] ? layerTitle(spec.layers[a.layer]) : t('layerFallback', { number: a.layer + 1 })}
              onPick={(channel) => setEnlarged({ layer: a.layer, channel })}
              onPickUnit={spec.layers[a.layer]?.type === 'dense' ? (unit) => explainUnit(a.layer, unit) : undefined}
              mapSize={mapSize}
            />
          ))}
        </>
      )}
    </section>
  );
}

function LayerMaps({ act, title, onPick, onPickUnit, mapSize }: { act: LayerActivation; title: string; onPick: (channel: number) => void; onPickUnit?: (unit: number) => void; mapSize: number }) {
  const { t } = useTranslation('inspect');
  const [lo, hi] = useMemo(() => extent(act.values), [act.values]);
  const color = useMemo(() => (v: number) => sequentialColor(v, lo, hi), [lo, hi]);
  return (
    <div className="layer-block" data-layer={act.layer} data-testid={`feature-maps-layer-${act.layer}`}>
      <h3>
        {title} <small>{formatShape(act.shape)}</small>
      </h3>
      {act.shape.length === 3 ? (
        <HeatmapGrid
          values={act.values}
          height={act.shape[0]}
          width={act.shape[1]}
          channels={act.shape[2]}
          color={color}
          size={mapSize}
          label={t('featureMaps.gridLabel', { channels: act.shape[2], title })}
          onPick={onPick}
          className="feature-map"
        />
      ) : (
        <BarStrip
          values={act.values}
          min={Math.min(0, lo)}
          max={hi}
          title={t(onPickUnit ? 'featureMaps.unitsPick' : 'featureMaps.units', { units: act.values.length, lo: lo.toPrecision(3), hi: hi.toPrecision(3) })}
          onPick={onPickUnit}
        />
      )}
    </div>
  );
}

function EnlargedMap(props: {
  act: LayerActivation;
  channel: number;
  title: string;
  onChannel: (channel: number) => void;
  onClose: () => void;
  /** Explains a clicked pixel (conv and pooling maps). */
  onExplain?: (p: { channel: number; y: number; x: number }) => void;
}) {
  const { act, title, onChannel, onClose, onExplain } = props;
  const { t } = useTranslation('inspect');
  const [hover, setHover] = useState<HeatmapHover | null>(null);
  const [h, w, c] = act.shape;
  // A new network may have fewer channels than the one the map was picked in.
  const channel = Math.max(0, Math.min(props.channel, (c ?? 1) - 1));
  const values = useMemo(() => (c ? channelOf(act.values, h, w, c, channel) : act.values), [act, h, w, c, channel]);
  const [lo, hi] = useMemo(() => extent(values), [values]);
  const color = useMemo(() => (v: number) => sequentialColor(v, lo, hi), [lo, hi]);
  if (act.shape.length !== 3) return null;
  return (
    <div className="enlarged" data-testid="enlarged-map">
      <HeatmapCanvas
        width={w}
        height={h}
        values={values}
        color={color}
        size={196}
        onHoverValue={setHover}
        onCellClick={onExplain && ((p) => onExplain({ channel, ...p }))}
        title={onExplain ? t('featureMaps.enlarged.clickPixel') : undefined}
        testId="enlarged-canvas"
      />
      <div>
        <strong>{title}</strong>
        {t('featureMaps.enlarged.channelOf', { channel: channel + 1, channels: c, width: w, height: h })}
        <p>{hover ? t('featureMaps.enlarged.hoverValue', { row: hover.y + 1, column: hover.x + 1, value: hover.value.toPrecision(4) }) : t('featureMaps.enlarged.hoverHint')}</p>
        {onExplain && <p className="hint">{t('featureMaps.enlarged.explainHint')}</p>}
        <ColorLegend kind="sequential" min={lo} max={hi} label={t('featureMaps.enlarged.legend')} />
        <div className="enlarged-steps">
          <button onClick={() => onChannel(channel - 1)} disabled={channel <= 0} className="enlarged-step" aria-label={t('featureMaps.enlarged.previous')} data-testid="enlarged-prev">
            ‹
          </button>
          <button onClick={() => onChannel(channel + 1)} disabled={channel >= c - 1} className="enlarged-step" aria-label={t('featureMaps.enlarged.next')} data-testid="enlarged-next">
            ›
          </button>
          <button onClick={onClose}>{t('close')}</button>
        </div>
      </div>
    </div>
  );
}
