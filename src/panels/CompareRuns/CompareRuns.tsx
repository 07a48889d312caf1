import { schemeTableau10 } from 'd3';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LineChart, type ChartSeries } from '../../charts/LineChart';
import { smoothEma } from '../../charts/smoothEma';
import { useAppStore } from '../../store/useAppStore';
import type { SavedRun } from '../../protocol';
import { compareSetups } from './compareSetups';

const SMOOTHING = 0.9;
const ACC_DOMAIN: [number, number] = [0, 1];
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

/**
 * Two to four saved runs at once: their curves overlaid, one colour per run
 * (smoothed training loss per batch; validation accuracy per epoch, or
 * training accuracy for a run without a validation set), and their setups
 * side by side with the differing rows marked.
 */
export function CompareRuns() {
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
        id: r.id, label: `${label(r)}${validated ? '' : ' (training)'}`, color: schemeTableau10[i], variant: 'markers' as const,
        xs: r.epochs.map((e) => e.epoch), ys: r.epochs.map((e) => (validated ? e.valAccuracy : e.trainAccuracy)),
      };
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- label reads names, listed
    [runs, names],
  );
  const table = useMemo(() => compareSetups(runs), [runs]);
  if (compare.length < 2) return null;

  return (
    <section className="card compare" aria-label="Compare runs" data-testid="compare-runs">
      <header className="card-header">
        <h2>Comparing {compare.length} runs <small>pick runs in the saved list; up to 4</small></h2>
        <button type="button" className="secondary" onClick={() => compare.forEach(toggleCompare)}>Stop comparing</button>
      </header>
      {runs.length < compare.length && <p className="hint">Loading the runs…</p>}
      <div className="compare-charts">
        <LineChart title="Training loss (smoothed)" testId="compare-loss-chart" xLabel="epoch" yLabel="loss" series={loss} />
        <LineChart title="Validation accuracy" testId="compare-accuracy-chart" xLabel="epoch" yLabel="accuracy" series={accuracy} yDomain={ACC_DOMAIN} formatY={pct} />
      </div>
      <div className="table-scroll">
        <table className="compare-table" data-testid="compare-setups">
          <caption>Setups side by side; <mark>marked</mark> rows differ</caption>
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
