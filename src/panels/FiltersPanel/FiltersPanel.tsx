import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColorLegend } from '../../charts/ColorLegend';
import { divergingColor, sequentialColor, symmetricMax } from '../../charts/colorScales';
import { HeatmapCanvas } from '../../charts/HeatmapCanvas';
import type { ConvKernels } from '../../protocol';
import { layerTitle } from '../../model/layerTitle';
import { modelSpec } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { channelOf, extent } from '../../explain/channelOf';
import { useReportVisibility } from '../useReportVisibility';
import { kernelGrid } from './kernelGrid';

/** The input channels a layer's grid shows at most. */
const MAX_INPUTS = 64;

/** Every conv layer's kernels on one shared, zero-centred colour scale per layer, live while training. */
export function FiltersPanel() {
  const { t } = useTranslation('inspect');
  const ref = useReportVisibility<HTMLElement>('filters');
  const kernels = useAppStore((s) => s.inspect.kernels);
  const spec = useAppStore(modelSpec);
  const trained = useAppStore((s) => s.inspect.trained);
  return (
    <section className="card filters" aria-label={t('filters.ariaLabel')} data-testid="filters-panel" ref={ref}>
      <h2>
        {t('filters.title')} <small>{t(trained ? 'filters.trained' : 'filters.untrained')}{t('filters.clickOne')}</small>
      </h2>
      {!kernels ? (
        <p className="hint">{t('filters.empty')}</p>
      ) : (
        kernels.map((k, i) => (
          <KernelLayer key={k.layer} k={k} title={spec.layers[k.layer] ? layerTitle(spec.layers[k.layer]) : t('layerFallback', { number: k.layer + 1 })} open={i === 0} />
        ))
      )}
    </section>
  );
}

function KernelLayer({ k, title, open }: { k: ConvKernels; title: string; open: boolean }) {
  const { t } = useTranslation('inspect');
  const grid = useMemo(() => kernelGrid(k.values, k.shape, undefined, MAX_INPUTS), [k]);
  const max = useMemo(() => symmetricMax(k.values), [k.values]);
  const color = useMemo(() => (v: number) => (Number.isNaN(v) ? [255, 255, 255] as [number, number, number] : divergingColor(v, max)), [max]);
  const hovered = useRef<{ filter: number; input: number } | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [kh, kw, cin, cout] = k.shape;
  const signature = useMemo(() => k.values.reduce((a, v) => a + Math.abs(v), 0).toFixed(6), [k.values]);
  const scale = Math.max(1, Math.floor(Math.min(480, 8 * grid.width) / grid.width));

  return (
    <details className="layer-block" open={open} data-testid={`filters-layer-${k.layer}`} data-signature={signature}>
      <summary>
        <strong>{title}</strong> <small>
          {t('filters.summary', { filters: cout, count: cin, height: kh, width: kw })}
          {cin > MAX_INPUTS ? t('filters.firstInputs', { inputs: MAX_INPUTS }) : ''}
        </small>
      </summary>
      <div className="filter-row">
        <HeatmapCanvas
          width={grid.width}
          height={grid.height}
          values={grid.values}
          color={color}
          size={Math.max(grid.width, grid.height) * scale}
          title={t(cin > 1 ? 'filters.gridRows' : 'filters.gridTiles')}
          className="filter-grid"
          onHoverValue={(p) => (hovered.current = p ? grid.tileAt(p.x, p.y) : null)}
          onClick={() => hovered.current && setPicked(hovered.current.filter)}
        />
        <ColorLegend kind="diverging" min={-max} max={max} label={t('filters.legend')} />
      </div>
      {picked !== null && <FilterAndMap k={k} filter={picked} onClose={() => setPicked(null)} />}
    </details>
  );
}

/** One filter beside the feature map it produces for the current input. */
function FilterAndMap({ k, filter, onClose }: { k: ConvKernels; filter: number; onClose: () => void }) {
  const { t } = useTranslation('inspect');
  const act = useAppStore((s) => (s.inspect.input ? s.inspect.activations?.[k.layer] : undefined));
  const [kh, kw, cin, cout] = k.shape;
  const kernel = useMemo(() => {
    const out = new Float32Array(kh * kw);
    for (let p = 0; p < kh * kw; p++) out[p] = k.values[(p * cin + 0) * cout + filter];
    return out;
  }, [k, kh, kw, cin, cout, filter]);
  const max = useMemo(() => symmetricMax(k.values), [k.values]);
  const kernelColor = useMemo(() => (v: number) => divergingColor(v, max), [max]);
  const map = useMemo(() => (act && act.shape.length === 3 ? channelOf(act.values, act.shape[0], act.shape[1], act.shape[2], filter) : null), [act, filter]);
  const [lo, hi] = useMemo(() => (map ? extent(map) : [0, 1]), [map]);
  const mapColor = useMemo(() => (v: number) => sequentialColor(v, lo, hi), [lo, hi]);
  return (
    <div className="enlarged" data-testid="filter-and-map">
      <div>
        <HeatmapCanvas width={kw} height={kh} values={kernel} color={kernelColor} size={96} />
        <div>
          {t('filters.filter', { number: filter + 1 })}
          {cin > 1 ? t('filters.firstInput') : ''}
        </div>
      </div>
      <div>
        {map && act ? <HeatmapCanvas width={act.shape[1]} height={act.shape[0]} values={map} color={mapColor} size={140} /> : <p className="hint">{t('filters.noInput')}</p>}
        {map && <div>{t('filters.itsMap')}</div>}
      </div>
      <button onClick={onClose}>{t('close')}</button>
    </div>
  );
}
