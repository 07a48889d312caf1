import { useEffect, useMemo, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { allOff, AUGMENT_DEFAULT, AUGMENT_LIMITS, isAugmentOn, type AugmentConfig, type AugmentTransform } from '../../model/augmentConfig';
import { ImageSheet } from '../../charts/ImageSheet';
import { isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { previewRows } from './previewRows';
import './augment.css';

const TRANSFORMS: readonly AugmentTransform[] = ['shift', 'rotate', 'scale', 'thickness', 'elastic'];
/** Settings dragged on a slider settle for this long before a new preview is asked for. */
const PREVIEW_DEBOUNCE_MS = 200;

/** Each strength's name beside its slider (the transform's name is above it): setup:augment.strength.*. */
const STRENGTH = {
  'shift.pixels': 'augment.strength.upTo',
  'rotate.degrees': 'augment.strength.upTo',
  'scale.amount': 'augment.strength.byUpTo',
  'thickness.chance': 'augment.strength.howOften',
  'elastic.alpha': 'augment.strength.alpha',
  'elastic.sigma': 'augment.strength.sigma',
} as const;

/** One strength as the slider shows it. */
function readout(value: number, unit: string, field: string): string {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
  if (unit === 'degrees') return `±${v}°`;
  if (unit === 'pixels') return `${v} px`;
  if (field === 'amount') return `±${Math.round(value * 100)}%`;
  if (field === 'chance') return `${Math.round(value * 100)}%`;
  return v;
}

/**
 * Data augmentation: each transform on or off with its strength, and a grid of
 * what it does: before training, a few training images each followed by
 * augmented variants; while training, a live sample of the batches themselves.
 */
export function AugmentPanel(): JSX.Element {
  const { t } = useTranslation('setup');
  const { augment, dataset, classes, active, runAugmented } = useAppStore(
    useShallow((s) => ({
      augment: s.augment, dataset: s.dataset, classes: s.drawings.classes, active: isActive(s.run),
      runAugmented: s.run.status === 'training' || s.run.status === 'paused',
    })),
  );
  const sample = useAppStore((s) => s.drawings.sample);
  const setAugment = useAppStore((s) => s.setAugment);
  const requestPreview = useAppStore((s) => s.requestAugmentPreview);
  const outdatePreview = useAppStore((s) => s.outdateAugmentPreview);
  const on = isAugmentOn(augment);

  // A new preview whenever what it shows changes (not during a run: its own batches show then).
  useEffect(() => {
    if (!on || active) return;
    outdatePreview(); // an answer still on its way shows the settings before
    const timer = setTimeout(requestPreview, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [augment, dataset, classes, on, active, requestPreview, outdatePreview]);

  const set = <K extends AugmentTransform>(k: K, patch: Partial<AugmentConfig[K]>) => setAugment({ ...augment, [k]: { ...augment[k], ...patch } });
  // Laid out once per sample, not on every render (a dragged slider re-renders at every step): the sheet redraws only for new images.
  const grid = useMemo(() => (sample && (on || sample.source === 'training') ? previewRows(sample, 28 * 28) : null), [sample, on]);

  return (
    <section className="card augment" aria-label={t('augment.ariaLabel')} data-testid="augment-panel">
      <header className="card-header">
        <h2>{t('augment.title')}</h2>
        <span className="hint">{t('augment.subtitle')}</span>
      </header>
      <div className="augment-body">
        <div className="augment-controls">
          {TRANSFORMS.map((k) => {
            const tr = augment[k];
            const limits = AUGMENT_LIMITS[k] as Record<string, { min: number; max: number; step: number; label: string; unit: string }>;
            return (
              <fieldset key={k} className="augment-row" disabled={active}>
                <label className="augment-toggle">
                  <input type="checkbox" checked={tr.on} data-testid={`augment-${k}`} onChange={(e) => set(k, { on: e.target.checked } as Partial<AugmentConfig[typeof k]>)} />
                  {t(`augment.names.${k}`)} <small className="hint">{t(`augment.why.${k}`)}</small>
                </label>
                {Object.entries(limits).map(([field, l]) => {
                  const value = (tr as unknown as Record<string, number>)[field];
                  return (
                    <label key={field} className="augment-strength">
                      <span>{t(STRENGTH[`${k}.${field}` as keyof typeof STRENGTH])}</span>
                      <input
                        type="range"
                        min={l.min}
                        max={l.max}
                        step={l.step}
                        value={value}
                        disabled={!tr.on}
                        data-testid={`augment-${k}-${field}`}
                        aria-valuetext={readout(value, l.unit, field)}
                        onChange={(e) => set(k, { [field]: Number(e.target.value) } as Partial<AugmentConfig[typeof k]>)}
                      />
                      <output>{readout(value, l.unit, field)}</output>
                    </label>
                  );
                })}
              </fieldset>
            );
          })}
          <div className="augment-actions">
            <button disabled={active} onClick={() => setAugment(AUGMENT_DEFAULT)} data-testid="augment-defaults">{t('augment.allOn')}</button>
            <button disabled={active || !on} onClick={() => setAugment(allOff(augment))}>
              {t('augment.allOff')}
            </button>
            <button disabled={active || !on} onClick={requestPreview} data-testid="augment-shuffle">{t('augment.newSamples')}</button>
          </div>
        </div>
        <figure className="augment-grid">
          {grid ? (
            <>
              <ImageSheet
                images={grid.images}
                count={grid.count}
                columns={grid.columns}
                markedColumn={sample?.source === 'preview' ? 0 : undefined}
                testId="augment-grid"
                label={sample?.source === 'training' ? t('augment.gridTraining') : t('augment.gridPreview')}
              />
              <figcaption className="hint" data-testid="augment-grid-source" data-source={sample?.source}>
                {sample?.source === 'training'
                  ? t(runAugmented ? 'augment.live' : 'augment.liveLast')
                  : t('augment.eachRow')}
              </figcaption>
            </>
          ) : (
            <p className="hint" data-testid="augment-grid-empty">
              {on
                ? dataset === 'own' && classes.drawings.length === 0 ? t('augment.addDrawings') : t('augment.preparing')
                : t('augment.off')}
            </p>
          )}
        </figure>
      </div>
    </section>
  );
}
