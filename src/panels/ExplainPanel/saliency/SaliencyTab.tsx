import { useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { classNamesIn } from '../../../i18n/datasetWords';
import { modelClassNames, modelDataset } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import type { SaliencyExplanation } from '../../../protocol';
import { AnswerStatus } from '../shared/AnswerStatus';
import { formatValue } from '../shared/formatValue';
import { SaliencyOverlay } from './SaliencyOverlay';
import { HEAT_NEGATIVE, HEAT_POSITIVE, saliencyScale, type SaliencyMode } from './saliencyPixels';

const MAP_PX = 168;
const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;
const GROUND = 'rgb(245,245,245)';

/** A saliency method: its words are explain:saliency.methods.<key>.{name, source, shows, caveat}. */
interface Method {
  key: 'gradient' | 'smoothGrad' | 'occlusion';
  mode: SaliencyMode;
}

const METHODS: readonly Method[] = [
  { key: 'gradient', mode: 'magnitude' },
  { key: 'smoothGrad', mode: 'magnitude' },
  { key: 'occlusion', mode: 'signed' },
];

/** One method's map over the input, with its legend and what it shows. */
function MethodFigure({ e, m }: { e: SaliencyExplanation; m: Method }): JSX.Element {
  const { t } = useTranslation('explain');
  const name = t(`saliency.methods.${m.key}.name`);
  const map = e[m.key];
  const scale = useMemo(() => saliencyScale(map, m.mode), [map, m.mode]);
  const [h, w] = e.image.shape;
  const bar = m.mode === 'signed' ? `linear-gradient(to right, ${rgb(HEAT_NEGATIVE)}, ${GROUND}, ${rgb(HEAT_POSITIVE)})` : `linear-gradient(to right, ${GROUND}, ${rgb(HEAT_POSITIVE)})`;
  return (
    <figure className="xp-saliency-fig" data-method={m.key}>
      <SaliencyOverlay input={e.image.values} map={map} width={w} height={h} mode={m.mode} scale={scale} size={MAP_PX} title={t('saliency.overInput', { method: name })} testId={`saliency-${m.key}`} />
      <figcaption>
        <b>{name}</b> <small>({t(`saliency.methods.${m.key}.source`)})</small>
        {m.mode === 'signed' ? (
          <span className="xp-heat-legend" title={t('saliency.signedTitle')}>
            {t('saliency.rise', { points: (scale * 100).toFixed(1) })}
            <span className="xp-heat-bar" style={{ background: bar }} />
            {t('saliency.drop', { points: (scale * 100).toFixed(1) })}
          </span>
        ) : (
          <span className="xp-heat-legend" title={t('saliency.magnitudeTitle')}>
            0
            <span className="xp-heat-bar" style={{ background: bar }} />
            {t('saliency.percentile', { value: formatValue(scale) })}
          </span>
        )}
        <span>{t(`saliency.methods.${m.key}.shows`)}</span>
        <span className="hint">{t(`saliency.methods.${m.key}.caveat`)}</span>
      </figcaption>
    </figure>
  );
}

/** Saliency: which input pixels matter for a class, by three methods side by side. */
export function SaliencyTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const picked = useAppStore((s) => s.explain.saliencyClass);
  const setClass = useAppStore((s) => s.setSaliencyClass);
  const answer = useAppStore((s) => s.explain.answers.saliency);
  const error = useAppStore((s) => s.explain.errors.saliency);
  const classes = useAppStore(modelClassNames);
  const dataset = useAppStore(modelDataset);
  const names = useMemo(() => classNamesIn(dataset, classes, t), [dataset, classes, t]);
  const e = answer?.explanation;
  return (
    <>
      <div className="xp-picker">
        <label className="xp-field">
          {t('saliency.class')}
          <select value={picked ?? ''} data-testid="saliency-class" onChange={(ev) => setClass(ev.target.value === '' ? null : Number(ev.target.value))}>
            <option value="">{t('saliency.topClass')}</option>
            {names.map((n, i) => (
              <option key={i} value={i}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AnswerStatus answer={answer} error={error} waiting={t('saliency.waiting')} />
      {e && !error && (
        <div className="xp-view" data-testid="saliency-map" data-class={e.classIndex}>
          <p className="xp-rule">
            {t(e.requested === null ? 'saliency.explainingTop' : 'saliency.explaining', { className: names[e.classIndex] ?? e.classIndex, probability: (e.probability * 100).toFixed(1) })}
          </p>
          <div className="xp-maps">
            {METHODS.map((m) => (
              <MethodFigure key={m.key} e={e} m={m} />
            ))}
          </div>
        </div>
      )}
    </>
  );
}
