import { formatNumber } from '../../i18n/formatLocale';
import { datasetLabel } from '../../i18n/datasetWords';
import { i18n, wordKey, type Translate } from '../../i18n/i18n';
import { layerTitle } from '../../model/layerTitle';
import type { SavedRun } from '../../protocol';

/** One row of the side-by-side setups: a label, each run's value, and whether they differ. */
export interface SetupRow {
  label: string;
  values: string[];
  differs: boolean;
}

const pct = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(2)}%`);

/** The optimizer's own settings, Keras-named, in one line. */
function optimizerLine(run: SavedRun): string {
  const { learningRate: _lr, name: _n, ...rest } = run.setup.config.optimizer as unknown as Record<string, number | boolean | string>;
  return Object.entries(rest).map(([k, v]) => `${k} ${v}`).join(', ');
}

/**
 * The setups of `runs` side by side, every hyperparameter and the network
 * layer by layer, then how each run came out. `differs` marks the rows where
 * the runs do not all agree: what a comparison is about. Labels and the
 * values that are words are worded with `t` (the page's language by default);
 * Keras names stay as Keras writes them.
 */
export function compareSetups(runs: readonly SavedRun[], t: Translate = i18n.t): { setup: SetupRow[]; outcome: SetupRow[] } {
  const w = (key: string, values?: Record<string, unknown>) => wordKey(`results:compare.${key}`, values, t);
  const row = (key: string, f: (r: SavedRun) => string, values?: Record<string, unknown>): SetupRow => {
    const cells = runs.map(f);
    return { label: w(`rows.${key}`, values), values: cells, differs: cells.some((v) => v !== cells[0]) };
  };
  const depth = Math.max(0, ...runs.map((r) => r.setup.spec.layers.length));
  const setup = [
    row('dataset', (r) => datasetLabel(r.setup.dataset, t)),
    row('trainingImages', (r) => (r.setup.trainSize === 'all' ? w('values.allImages') : formatNumber(r.setup.trainSize))),
    row('validationSplit', (r) => `${Math.round(r.setup.config.validationSplit * 100)}%`),
    row('epochs', (r) => String(r.epochsPlanned)),
    row('batchSize', (r) => String(r.setup.config.batchSize)),
    row('optimizer', (r) => r.setup.config.optimizer.name),
    row('learningRate', (r) => String(r.setup.config.optimizer.learningRate)),
    row('optimizerSettings', optimizerLine),
    row('earlyStopping', (r) => {
      const es = r.setup.config.earlyStopping;
      if (!es) return w('values.off');
      return w(es.restoreBestWeights ? 'values.earlyStoppingRestore' : 'values.earlyStopping', { monitor: es.monitor, patience: es.patience });
    }),
    row('seed', (r) => String(r.setup.config.seed)),
    row('input', (r) => r.setup.spec.inputShape.join('×')),
    ...Array.from({ length: depth }, (_, i) => row('layer', (r) => {
      const l = r.setup.spec.layers[i];
      if (!l) return '—';
      return 'activation' in l ? `${layerTitle(l)}, ${l.activation}` : layerTitle(l);
    }, { n: i + 1 })),
  ];
  const outcome = [
    row('ended', (r) => w(`status.${r.status}`)),
    row('epochsTrained', (r) => String(r.epochs.length)),
    row('bestValAccuracy', (r) => pct(Math.max(...r.epochs.map((e) => e.valAccuracy).filter(Number.isFinite)))),
    row('finalTrainLoss', (r) => (r.epochs.length ? r.epochs[r.epochs.length - 1].trainLoss.toPrecision(4) : '—')),
    row('testAccuracy', (r) => pct(r.test?.accuracy)),
  ];
  return { setup, outcome };
}
