import { PIXEL_LAYER_TYPES } from '../../../explain/pixelLayerTypes';
import { useMemo, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { wordMessage } from '../../../i18n/i18n';
import { sequentialColor } from '../../../charts/colorScales';
import { HeatmapCanvas } from '../../../charts/HeatmapCanvas';
import type { ExplainState } from '../../../store/explain/explainState';
import { modelSpec } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { explainLayers } from '../shared/explainLayers';
import { LayerSelect } from '../shared/LayerSelect';
import { formatValue } from '../shared/formatValue';

const IMAGE_PX = 72;
/** The images are pixels in [0, 1]: one fixed grey scale, so that images compare with each other. */
const grey = (v: number) => sequentialColor(v, 0, 1);

type Result = NonNullable<ExplainState['maximize']['result']>;

/** One image per filter, titled with the filter's number and the mean activation its image reaches. */
function FilterImages({ r, word }: { r: Result; word: string }): JSX.Element {
  const { t } = useTranslation('explain');
  const images = useMemo(
    () => Array.from({ length: r.filters }, (_, f) => r.images.subarray(f * r.height * r.width, (f + 1) * r.height * r.width)),
    [r],
  );
  return (
    <div className="xp-filter-images" data-testid="filter-maximize-images" data-filters={r.filters}>
      {images.map((img, f) => (
        <figure key={f}>
          <HeatmapCanvas width={r.width} height={r.height} values={img} color={grey} size={IMAGE_PX} title={t('maximize.imageTitle', { word, n: f + 1, value: formatValue(r.activations[f]) })} />
          <figcaption>
            <span>{t('maximize.imageName', { word, n: f + 1 })}</span>
            <span>{t('maximize.mean', { value: formatValue(r.activations[f]) })}</span>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** What filters want: the input each filter of a layer responds to most, computed on request. */
export function MaximizeTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const spec = useAppStore(modelSpec);
  const lastLayer = useAppStore((s) => s.explain.maximize.layer);
  const progress = useAppStore((s) => s.explain.maximize.progress);
  const result = useAppStore((s) => s.explain.maximize.result);
  const error = useAppStore((s) => s.explain.errors.maximize);
  // A boolean, not the training position: the images are not redrawn at every snapshot.
  const stale = useAppStore((s) => {
    const r = s.explain.maximize.result;
    return r !== null && !s.explain.maximize.progress && (r.runId !== s.run.runId || r.at !== s.inspect.at);
  });
  const maximizeFilters = useAppStore((s) => s.maximizeFilters);
  const cancelMaximize = useAppStore((s) => s.cancelMaximize);
  const [picked, setPicked] = useState<number | null>(null);
  const layers = useMemo(() => explainLayers(spec, PIXEL_LAYER_TYPES), [spec]);
  if (layers.length === 0) return <p className="hint">{t('maximize.noLayer')}</p>;
  const layer = layers.find((l) => l.index === (picked ?? lastLayer)) ?? layers.find((l) => spec.layers[l.index].type === 'conv2d') ?? layers[0];
  const resultLayer = result ? spec.layers[result.layer] : undefined;
  const wordOf = (type: string | undefined) => (type === 'conv2d' ? t('maximize.filter') : t('maximize.channel'));
  const word = wordOf(resultLayer?.type);
  const dead = result ? result.activations.filter((a) => a === 0).length : 0;
  return (
    <div className="xp-view" data-testid="filter-maximize">
      <div className="xp-controls">
        <LayerSelect layers={layers} value={layer.index} onChange={setPicked} testId="filter-maximize-layer" disabled={progress !== null} />
        <button type="button" onClick={() => maximizeFilters(layer.index)} disabled={progress !== null} data-testid="filter-maximize-compute">
          {t('maximize.compute')}
        </button>
        {progress && (
          <>
            <progress data-testid="filter-maximize-progress" max={Math.max(1, progress.steps)} value={progress.step} aria-label={t('maximize.progressLabel')} />
            <span className="hint">{progress.steps > 0 ? t('maximize.stepOf', { step: progress.step, steps: progress.steps }) : t('maximize.starting')}</span>
            <button type="button" onClick={cancelMaximize} data-testid="filter-maximize-cancel">
              {t('maximize.cancel')}
            </button>
          </>
        )}
      </div>
      <p className="hint">
        {t('maximize.how', { word: wordOf(spec.layers[layer.index].type) })}
      </p>
      {error && (
        <p className="field-error xp-status" role="alert" data-testid="explain-error">
          {wordMessage(error, t)}
        </p>
      )}
      {stale && result && (
        <p className="xp-stale" role="status" data-testid="filter-maximize-stale">
          {t('maximize.stale', { when: result.runId === 0 || result.at === 0 ? t('maximize.untrained') : t('maximize.epoch', { epoch: result.at.toFixed(2) }) })}
        </p>
      )}
      {result && resultLayer && (
        <>
          <p className="xp-rule">
            {t(resultLayer.type === 'conv2d' ? 'maximize.ruleFilters' : 'maximize.ruleChannels', { layer: result.layer + 1, n: result.filters })}
            {dead > 0 && t('maximize.dead', { dead })}
          </p>
          <FilterImages r={result} word={word} />
        </>
      )}
      {!result && !progress && !error && <p className="hint">{t('maximize.pickAndCompute')}</p>}
    </div>
  );
}
