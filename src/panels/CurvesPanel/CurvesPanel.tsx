import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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

/** Legend words of the three series, in the page's language. */
interface SeriesLabels {
  raw: string;
  smooth: string;
  val: string;
}

function curveSeries(x: number[], raw: number[], epochs: EpochRow[], valKey: 'valLoss' | 'valAccuracy', labels: SeriesLabels): ChartSeries[] {
  const ex = epochs.map((e) => e.epoch);
  return [
    { id: 'raw', label: labels.raw, color: TRAIN, xs: x, ys: raw, variant: 'faint' },
    { id: 'smooth', label: labels.smooth, color: TRAIN, xs: x, ys: smoothEma(raw, SMOOTHING), variant: 'line' },
    { id: 'val', label: labels.val, color: VAL, xs: ex, ys: epochs.map((e) => e[valKey]), variant: 'markers' },
  ];
}

/** Training vs validation loss and accuracy, live; `chartHeight` (px, each chart's plot) lets a view fit both on one screen. */
export function CurvesPanel({ chartHeight }: { chartHeight?: number }) {
  const { t } = useTranslation('train');
  // New labels (a switch of language) make new series, as the chart expects of new words.
  const labels = useMemo<SeriesLabels>(() => ({ raw: t('curves.series.raw'), smooth: t('curves.series.smooth'), val: t('curves.series.val') }), [t]);
  const batches = useAppStore((s) => s.run.batches);
  const epochs = useAppStore((s) => s.run.epochs);
  const totalEpochs = useAppStore((s) => s.run.info?.epochs ?? 0);
  const xDomain = useMemo<[number, number]>(() => [0, Math.max(1, totalEpochs)], [totalEpochs]);
  const loss = useMemo(() => curveSeries(batches.x, batches.loss, epochs, 'valLoss', labels), [batches, epochs, labels]);
  const acc = useMemo(() => curveSeries(batches.x, batches.accuracy, epochs, 'valAccuracy', labels), [batches, epochs, labels]);
  const bestEpoch = useAppStore((s) => bestEpochOf(s.run));
  const restoredEpoch = useAppStore((s) => s.run.restoredEpoch);
  const lrChanges = useAppStore((s) => s.run.learningRateChanges);
  // The best epoch (early stopping) and each learning-rate change, on both charts.
  const markers = useMemo<ChartMarker[]>(
    () => [
      ...(bestEpoch ? [{ x: bestEpoch, label: t(restoredEpoch === bestEpoch ? 'curves.marker.bestRestored' : 'curves.marker.best', { epoch: bestEpoch }) }] : []),
      ...lrChanges.map((c) => ({ x: c.x, label: t('curves.marker.learningRate', { rate: String(c.learningRate) }) })),
    ],
    [bestEpoch, restoredEpoch, lrChanges, t],
  );

  return (
    <section className="card curves" aria-label={t('curves.ariaLabel')}>
      <LineChart
        title={t('curves.loss.title')}
        testId="loss-chart"
        xLabel={t('curves.xLabel')}
        yLabel={t('curves.loss.yLabel')}
        series={loss}
        xDomain={xDomain}
        markers={markers}
        emptyText={t('curves.loss.empty')}
        height={chartHeight}
      />
      <LineChart
        title={t('curves.accuracy.title')}
        testId="accuracy-chart"
        xLabel={t('curves.xLabel')}
        yLabel={t('curves.accuracy.yLabel')}
        series={acc}
        xDomain={xDomain}
        yDomain={ACC_DOMAIN}
        formatY={pct}
        markers={markers}
        emptyText={t('curves.accuracy.empty')}
        height={chartHeight}
      />
    </section>
  );
}
