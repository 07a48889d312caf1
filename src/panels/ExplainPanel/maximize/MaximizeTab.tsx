import { PIXEL_LAYER_TYPES } from '../../../explain/pixelLayerTypes';
import { useMemo, useState, type JSX } from 'react';
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
  const images = useMemo(
    () => Array.from({ length: r.filters }, (_, f) => r.images.subarray(f * r.height * r.width, (f + 1) * r.height * r.width)),
    [r],
  );
  return (
    <div className="xp-filter-images" data-testid="filter-maximize-images" data-filters={r.filters}>
      {images.map((img, f) => (
        <figure key={f}>
          <HeatmapCanvas width={r.width} height={r.height} values={img} color={grey} size={IMAGE_PX} title={`${word} ${f + 1}: mean activation ${formatValue(r.activations[f])}`} />
          <figcaption>
            <span>
              {word} {f + 1}
            </span>
            <span>mean {formatValue(r.activations[f])}</span>
          </figcaption>
        </figure>
      ))}
    </div>
  );
}

/** What filters want: the input each filter of a layer responds to most, computed on request. */
export function MaximizeTab(): JSX.Element {
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
  if (layers.length === 0) return <p className="hint">This network has no conv or pooling layer whose filters could be shown.</p>;
  const layer = layers.find((l) => l.index === (picked ?? lastLayer)) ?? layers.find((l) => spec.layers[l.index].type === 'conv2d') ?? layers[0];
  const resultLayer = result ? spec.layers[result.layer] : undefined;
  const wordOf = (type: string | undefined) => (type === 'conv2d' ? 'filter' : 'channel');
  const word = wordOf(resultLayer?.type);
  const dead = result ? result.activations.filter((a) => a === 0).length : 0;
  return (
    <div className="xp-view" data-testid="filter-maximize">
      <div className="xp-controls">
        <LayerSelect layers={layers} value={layer.index} onChange={setPicked} testId="filter-maximize-layer" disabled={progress !== null} />
        <button type="button" onClick={() => maximizeFilters(layer.index)} disabled={progress !== null} data-testid="filter-maximize-compute">
          Compute
        </button>
        {progress && (
          <>
            <progress data-testid="filter-maximize-progress" max={Math.max(1, progress.steps)} value={progress.step} aria-label="Gradient ascent steps done" />
            <span className="hint">{progress.steps > 0 ? `step ${progress.step} of ${progress.steps}` : 'starting…'}</span>
            <button type="button" onClick={cancelMaximize} data-testid="filter-maximize-cancel">
              Cancel
            </button>
          </>
        )}
      </div>
      <p className="hint">
        Each image starts grey and is changed step by step (gradient ascent) to raise one {wordOf(spec.layers[layer.index].type)}'s mean activation, with a small pull back towards grey: the input pattern it responds to most. Deeper layers want larger, more composite patterns.
      </p>
      {error && (
        <p className="field-error xp-status" role="alert" data-testid="explain-error">
          {error}
        </p>
      )}
      {stale && result && (
        <p className="xp-stale" role="status" data-testid="filter-maximize-stale">
          Computed with the weights of {result.runId === 0 || result.at === 0 ? 'the untrained network' : `epoch ${result.at.toFixed(2)}`}; they have changed since: compute again.
        </p>
      )}
      {result && resultLayer && (
        <>
          <p className="xp-rule">
            Layer {result.layer + 1}: {result.filters} {word}s. Under each image: the mean activation it reaches.
            {dead > 0 && ` ${dead} stay grey with a mean of 0: the grey start does not turn them on (ReLU gives 0 there), so there is no gradient to follow.`}
          </p>
          <FilterImages r={result} word={word} />
        </>
      )}
      {!result && !progress && !error && <p className="hint">Pick a layer and press Compute (a few seconds per layer; it runs between training steps).</p>}
    </div>
  );
}
