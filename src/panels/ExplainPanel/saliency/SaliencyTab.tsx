import { useMemo, type JSX } from 'react';
import { modelClassNames } from '../../../store/selectors';
import { useAppStore } from '../../../store/useAppStore';
import type { SaliencyExplanation } from '../../../protocol';
import { AnswerStatus } from '../shared/AnswerStatus';
import { formatValue } from '../shared/formatValue';
import { SaliencyOverlay } from './SaliencyOverlay';
import { HEAT_NEGATIVE, HEAT_POSITIVE, saliencyScale, type SaliencyMode } from './saliencyPixels';

const MAP_PX = 168;
const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;
const GROUND = 'rgb(245,245,245)';

interface Method {
  key: 'gradient' | 'smoothGrad' | 'occlusion';
  name: string;
  source: string;
  mode: SaliencyMode;
  shows: string;
  caveat: string;
}

const METHODS: readonly Method[] = [
  {
    key: 'gradient', name: 'Vanilla gradient', source: 'Simonyan et al. 2014', mode: 'magnitude',
    shows: "|d score / d pixel|: how strongly a tiny change of each pixel would move the class's score.",
    caveat: 'Gradients are noisy: single pixels light up, and a large gradient says sensitive, not important.',
  },
  {
    key: 'smoothGrad', name: 'SmoothGrad', source: 'Smilkov et al. 2017', mode: 'magnitude',
    shows: 'The gradient averaged over 24 noisy copies of the input, then |·|: the pixel-scale jitter averages away.',
    caveat: 'Still a gradient: it shows sensitivity around this input, and the noise level shapes the picture.',
  },
  {
    key: 'occlusion', name: 'Occlusion', source: 'Zeiler & Fergus 2014', mode: 'signed',
    shows: "How much the class's probability drops when a 6×6 patch around the pixel is blanked: red a drop, blue a rise.",
    caveat: 'Coarse at the patch size, and a blanked patch is itself an input the network never saw.',
  },
];

/** One method's map over the input, with its legend and what it shows. */
function MethodFigure({ e, m }: { e: SaliencyExplanation; m: Method }): JSX.Element {
  const map = e[m.key];
  const scale = useMemo(() => saliencyScale(map, m.mode), [map, m.mode]);
  const [h, w] = e.image.shape;
  const bar = m.mode === 'signed' ? `linear-gradient(to right, ${rgb(HEAT_NEGATIVE)}, ${GROUND}, ${rgb(HEAT_POSITIVE)})` : `linear-gradient(to right, ${GROUND}, ${rgb(HEAT_POSITIVE)})`;
  return (
    <figure className="xp-saliency-fig" data-method={m.key}>
      <SaliencyOverlay input={e.image.values} map={map} width={w} height={h} mode={m.mode} scale={scale} size={MAP_PX} title={`${m.name} over the input`} testId={`saliency-${m.key}`} />
      <figcaption>
        <b>{m.name}</b> <small>({m.source})</small>
        {m.mode === 'signed' ? (
          <span className="xp-heat-legend" title="Change of the class's probability, in percentage points">
            rise {(scale * 100).toFixed(1)} pts
            <span className="xp-heat-bar" style={{ background: bar }} />
            drop {(scale * 100).toFixed(1)} pts
          </span>
        ) : (
          <span className="xp-heat-legend" title="Full red at the 99th percentile of the map; the few pixels above it saturate">
            0
            <span className="xp-heat-bar" style={{ background: bar }} />
            {formatValue(scale)} (99th percentile)
          </span>
        )}
        <span>{m.shows}</span>
        <span className="hint">{m.caveat}</span>
      </figcaption>
    </figure>
  );
}

/** Saliency: which input pixels matter for a class, by three methods side by side. */
export function SaliencyTab(): JSX.Element {
  const picked = useAppStore((s) => s.explain.saliencyClass);
  const setClass = useAppStore((s) => s.setSaliencyClass);
  const answer = useAppStore((s) => s.explain.answers.saliency);
  const error = useAppStore((s) => s.explain.errors.saliency);
  const names = useAppStore(modelClassNames);
  const e = answer?.explanation;
  return (
    <>
      <div className="xp-picker">
        <label className="xp-field">
          Class
          <select value={picked ?? ''} data-testid="saliency-class" onChange={(ev) => setClass(ev.target.value === '' ? null : Number(ev.target.value))}>
            <option value="">top class</option>
            {names.map((n, i) => (
              <option key={i} value={i}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <AnswerStatus answer={answer} error={error} waiting="Computing (about 25 gradients and 150 predictions)…" />
      {e && !error && (
        <div className="xp-view" data-testid="saliency-map" data-class={e.classIndex}>
          <p className="xp-rule">
            Explaining “{names[e.classIndex] ?? e.classIndex}”{e.requested === null ? ' (the top class)' : ''}, probability {(e.probability * 100).toFixed(1)}%.
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
