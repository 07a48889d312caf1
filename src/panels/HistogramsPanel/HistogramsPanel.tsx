import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WeightHistogram } from '../../charts/WeightHistogram';
import { layerTitle } from '../../model/layerTitle';
import { modelSpec } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';

/** TensorBoard-style weight distributions per layer over the run. */
export function HistogramsPanel() {
  const { t } = useTranslation('inspect');
  const histograms = useAppStore((s) => s.inspect.histograms);
  const spec = useAppStore(modelSpec);
  const [mode, setMode] = useState<'ridgeline' | 'distribution'>('ridgeline');
  const layers = useMemo(() => {
    const byLayer = new Map<number, { step: number; x0: number; x1: number; counts: Uint32Array }[]>();
    for (const snap of histograms) {
      for (const l of snap.layers) {
        const list = byLayer.get(l.layer) ?? [];
        list.push({ step: snap.at, x0: l.x0, x1: l.x1, counts: l.counts });
        byLayer.set(l.layer, list);
      }
    }
    return [...byLayer.entries()];
  }, [histograms]);

  return (
    <section className="card histograms" aria-label={t('histograms.ariaLabel')} data-testid="histograms-panel">
      <h2>
        {t('histograms.title')}{' '}
        <small>
          <label><input type="radio" checked={mode === 'ridgeline'} onChange={() => setMode('ridgeline')} /> {t('histograms.ridgeline')}</label>{' '}
          <label><input type="radio" checked={mode === 'distribution'} onChange={() => setMode('distribution')} /> {t('histograms.distribution')}</label>
        </small>
      </h2>
      {layers.length === 0 ? (
        <p className="hint">{t('histograms.empty')}</p>
      ) : (
        <div className="histogram-grid">
          {layers.map(([layer, steps]) => (
            <WeightHistogram key={layer} title={spec.layers[layer] ? layerTitle(spec.layers[layer]) : t('layerFallback', { number: layer + 1 })} steps={steps} mode={mode} height={170} testId={`histogram-layer-${layer}`} />
          ))}
        </div>
      )}
    </section>
  );
}
