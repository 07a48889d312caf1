import { useMemo } from 'react';
import { LineChart, type ChartMarker, type ChartSeries } from '../../charts/LineChart';
import { smoothEma } from '../../charts/smoothEma';
import { useAppStore } from '../../store/useAppStore';
import { bestEpochOf } from '../../store/run/runState';
import type { EpochRow } from '../../protocol';

const TRAIN = '#2563eb';
const VAL = '#ea580c';
const SMOOTHING = 0.9;
const ACC_DOMAIN: [number, number] = [0, 1];
const pct = (v: number) => `${Math.round(v * 1000) / 10}%`;

function curveSeries(x: number[], raw: number[], epochs: EpochRow[], valKey: 'valLoss' | 'valAccuracy'): ChartSeries[] {
  const ex = epochs.map((e) => e.epoch);
  return [
    { id: 'raw', label: 'train (each batch)', color: TRAIN, xs: x, ys: raw, variant: 'faint' },
    { id: 'smooth', label: 'train (smoothed)', color: TRAIN, xs: x, ys: smoothEma(raw, SMOOTHING), variant: 'line' },
    { id: 'val', label: 'validation (each epoch)', color: VAL, xs: ex, ys: epochs.map((e) => e[valKey]), variant: 'markers' },
  ];
}

/** Training vs validation loss and accuracy, live; `chartHeight` (px, each chart's plot) lets a view fit both on one screen. */
export function CurvesPanel({ chartHeight }: { chartHeight?: number }) {
  const batches = useAppStore((s) => s.run.batches);
  const epochs = useAppStore((s) => s.run.epochs);
  const totalEpochs = useAppStore((s) => s.run.info?.epochs ?? 0);
  const xDomain = useMemo<[number, number]>(() => [0, Math.max(1, totalEpochs)], [totalEpochs]);
  const loss = useMemo(() => curveSeries(batches.x, batches.loss, epochs, 'valLoss'), [batches, epochs]);
  const acc = useMemo(() => curveSeries(batches.x, batches.accuracy, epochs, 'valAccuracy'), [batches, epochs]);
  const bestEpoch = useAppStore((s) => bestEpochOf(s.run));
  const restoredEpoch = useAppStore((s) => s.run.restoredEpoch);
  const lrChanges = useAppStore((s) => s.run.learningRateChanges);
  // The best epoch (early stopping) and each learning-rate change, on both charts.
  const markers = useMemo<ChartMarker[]>(
    () => [
      ...(bestEpoch ? [{ x: bestEpoch, label: restoredEpoch === bestEpoch ? `best: epoch ${bestEpoch} (restored)` : `best: epoch ${bestEpoch}` }] : []),
      ...lrChanges.map((c) => ({ x: c.x, label: `lr ${c.learningRate}` })),
    ],
    [bestEpoch, restoredEpoch, lrChanges],
  );

  return (
    <section className="card curves" aria-label="Training curves">
      <LineChart
        title="Loss (cross-entropy)"
        testId="loss-chart"
        xLabel="epoch"
        yLabel="loss"
        series={loss}
        xDomain={xDomain}
        markers={markers}
        emptyText="Press Train to watch the loss fall"
        height={chartHeight}
      />
      <LineChart
        title="Accuracy"
        testId="accuracy-chart"
        xLabel="epoch"
        yLabel="accuracy"
        series={acc}
        xDomain={xDomain}
        yDomain={ACC_DOMAIN}
        formatY={pct}
        markers={markers}
        emptyText="Training and validation accuracy appear here"
        height={chartHeight}
      />
    </section>
  );
}
