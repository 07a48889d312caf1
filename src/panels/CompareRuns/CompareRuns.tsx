import { schemeTableau10 } from 'd3';
import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { LineChart, type ChartSeries } from '../../charts/LineChart';
import { smoothEma } from '../../charts/smoothEma';
import { useAppStore } from '../../store/useAppStore';
import type { SavedRun } from '../../protocol';
import { compareSetups } from './compareSetups';

const SMOOTHING = 0.9;
const ACC_DOMAIN: [number, number] = [0, 1];
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;
const MARK = { mark: <mark /> };

/**
 * Two to four saved runs at once: their curves overlaid, one colour per run
 * (smoothed training loss per batch; validation accuracy per epoch, or
 * training accuracy for a run without a validation set), and their setups
 * side by side with the differing rows marked.
 */
export function CompareRuns() {
  const { t, i18n } = useTranslation('results');
  const { compare, records, names } = useAppStore(
    useShallow((s) => ({ compare: s.runs.compare, records: s.runs.records, names: s.runs.list })),
  );
  const toggleCompare = useAppStore((s) => s.toggleCompare);
  const runs = useMemo(() => compare.map((id) => records[id]).filter((r): r is SavedRun => r !== undefined), [compare, records]);
  // The list's name wins: a rename shows at once, before the record is fetched again.
  const label = (r: SavedRun) => names.find((n) => n.id === r.id)?.name ?? r.name;
  const loss = useMemo<ChartSeries[]>(
    () => runs.map((r, i) => ({ id: r.id, label: label(r), color: schemeTableau10[i], xs: r.batches.x, ys: smoothEma(r.batches.loss, SMOOTHING) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label reads names, listed
    [runs, names],
  );
  const accuracy = useMemo<ChartSeries[]>(
    () => runs.map((r, i) => {
      const validated = r.epochs.some((e) => Number.isFinite(e.valAccuracy));
      return {
        id: r.id, label: validated ? label(r) : t('compare.trainingSeries', { name: label(r) }), color: schemeTableau10[i], variant: 'markers' as const,
        xs: r.epochs.map((e) => e.epoch), ys: r.epochs.map((e) => (validated ? e.valAccuracy : e.trainAccuracy)),
      };
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label reads names, listed; t words in the page's language
    [runs, names, t, i18n.language],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- t words in the page's language
  const table = useMemo(() => compareSetups(runs, t), [runs, t, i18n.language]);
  if (compare.length < 2) return null;

  return (
    <section className="card compare" aria-label={t('compare.label')} data-testid="compare-runs">
      <header className="card-header">
        <h2>{t('compare.title', { n: compare.length })} <small>{t('compare.titleHint')}</small></h2>
        <button type="button" className="secondary" onClick={() => compare.forEach(toggleCompare)}>{t('compare.stop')}</button>
      </header>
      {runs.length < compare.length && <p className="hint">{t('compare.loading')}</p>}
      <div className="compare-charts">
        <LineChart title={t('compare.lossChart')} testId="compare-loss-chart" xLabel={t('compare.xLabel')} yLabel={t('compare.lossAxis')} series={loss} />
        <LineChart title={t('compare.accuracyChart')} testId="compare-accuracy-chart" xLabel={t('compare.xLabel')} yLabel={t('compare.accuracyAxis')} series={accuracy} yDomain={ACC_DOMAIN} formatY={pct} />
      </div>
      <div className="table-scroll">
        <table className="compare-table" data-testid="compare-setups">
          <caption><Trans t={t} i18nKey="compare.caption" components={MARK} /></caption>
          <thead>
            <tr>
              <th scope="col" />
              {runs.map((r, i) => (
                <th key={r.id} scope="col"><span className="swatch" style={{ background: schemeTableau10[i] }} />{label(r)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...table.setup, ...table.outcome].map((row, i) => (
              <tr key={row.label} className={`${row.differs ? 'differs' : ''}${i === table.setup.length ? ' outcome-start' : ''}`} data-differs={row.differs || undefined}>
                <th scope="row">{row.label}</th>
                {row.values.map((v, j) => <td key={j}>{v}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
