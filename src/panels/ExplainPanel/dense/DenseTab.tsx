import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { classNamesIn } from '../../../i18n/datasetWords';
import { pickedDense } from '../../../store/explain/explainRequest';
import { modelClassNames, modelDataset, modelSpec } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import { AnswerStatus } from '../shared/AnswerStatus';
import { DenseView } from './DenseView';
import { explainLayers } from '../shared/explainLayers';
import { LayerSelect } from '../shared/LayerSelect';

const DENSE = ['dense'] as const;

/** Dense units: pick a layer and unit, read its sum, its strongest inputs and (after Flatten) its weights on the maps. */
export function DenseTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const spec = useAppStore(modelSpec);
  const names = useAppStore(modelClassNames);
  const dataset = useAppStore(modelDataset);
  const classNames = useMemo(() => classNamesIn(dataset, names, t), [dataset, names, t]);
  // Primitives: pickedDense makes a fresh default object each call.
  const layerIndex = useAppStore((s) => pickedDense(s)?.layer ?? -1);
  const unit = useAppStore((s) => pickedDense(s)?.unit ?? 0);
  const pickDense = useAppStore((s) => s.pickDense);
  const answer = useAppStore((s) => s.explain.answers.dense);
  const error = useAppStore((s) => s.explain.errors.dense);
  const layers = useMemo(() => explainLayers(spec, DENSE), [spec]);
  if (layers.length === 0) return <p className="hint">{t('dense.noLayer')}</p>;
  const layer = layers.find((l) => l.index === layerIndex) ?? layers[0];
  const units = layer.shape[0];
  const u = Math.max(0, Math.min(unit, units - 1));
  const pick = (next: number) => pickDense({ layer: layer.index, unit: Math.max(0, Math.min(next, units - 1)) });
  // The last Dense layer with one unit per class is the output: its units are the classes.
  const isOutput = layer.index === layers[layers.length - 1].index && units === classNames.length;
  const e = answer?.explanation;
  const shownLayer = e ? spec.layers[e.layer] : undefined;
  const shownIsOutput = shownLayer?.type === 'dense' && e?.layer === layers[layers.length - 1].index && shownLayer.units === classNames.length;
  return (
    <>
      <div className="xp-picker">
        <LayerSelect layers={layers} value={layer.index} onChange={(index) => pickDense({ layer: index, unit: 0 })} testId="dense-layer" />
        <span className="xp-field">
          <button type="button" className="xp-step" onClick={() => pick(u - 1)} disabled={u <= 0} aria-label={t('dense.previous')}>
            ‹
          </button>
          <label className="xp-field">
            {t('dense.unit')}
            <input
              type="number"
              min={1}
              max={units}
              value={u + 1}
              aria-label={t('picker.range', { label: t('dense.unit'), n: units })}
              data-testid="dense-unit-input"
              onChange={(ev) => {
                const v = Number(ev.target.value);
                if (Number.isInteger(v) && v >= 1 && v <= units) pick(v - 1);
              }}
            />
            <small>/ {units}</small>
          </label>
          <button type="button" className="xp-step" onClick={() => pick(u + 1)} disabled={u >= units - 1} aria-label={t('dense.next')}>
            ›
          </button>
        </span>
        {isOutput && <span className="hint">{t('dense.outputLayer', { unit: u + 1, className: classNames[u] })}</span>}
      </div>
      <AnswerStatus answer={answer} error={error} />
      {e && !error && shownLayer?.type === 'dense' && (
        <DenseView e={e} activation={shownLayer.activation} units={shownLayer.units} className={shownIsOutput ? (classNames[e.unit] ?? null) : null} />
      )}
    </>
  );
}
