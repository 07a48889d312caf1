import { DATASETS } from '../../data/datasets';
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
 * the runs do not all agree: what a comparison is about.
 */
export function compareSetups(runs: readonly SavedRun[]): { setup: SetupRow[]; outcome: SetupRow[] } {
  const row = (label: string, f: (r: SavedRun) => string): SetupRow => {
    const values = runs.map(f);
    return { label, values, differs: values.some((v) => v !== values[0]) };
  };
  const depth = Math.max(0, ...runs.map((r) => r.setup.spec.layers.length));
  const setup = [
    row('dataset', (r) => DATASETS[r.setup.dataset].label),
    row('training images', (r) => (r.setup.trainSize === 'all' ? 'all' : r.setup.trainSize.toLocaleString('en-US'))),
    row('validation split', (r) => `${Math.round(r.setup.config.validationSplit * 100)}%`),
    row('epochs', (r) => String(r.epochsPlanned)),
    row('batch size', (r) => String(r.setup.config.batchSize)),
    row('optimizer', (r) => r.setup.config.optimizer.name),
    row('learning rate', (r) => String(r.setup.config.optimizer.learningRate)),
    row('optimizer settings', optimizerLine),
    row('early stopping', (r) => {
      const es = r.setup.config.earlyStopping;
      return es ? `${es.monitor}, patience ${es.patience}${es.restoreBestWeights ? ', restore best' : ''}` : 'off';
    }),
    row('seed', (r) => String(r.setup.config.seed)),
    row('input', (r) => r.setup.spec.inputShape.join('×')),
    ...Array.from({ length: depth }, (_, i) => row(`layer ${i + 1}`, (r) => {
      const l = r.setup.spec.layers[i];
      if (!l) return '—';
      return 'activation' in l ? `${layerTitle(l)}, ${l.activation}` : layerTitle(l);
    })),
  ];
  const outcome = [
    row('ended', (r) => r.status),
    row('epochs trained', (r) => String(r.epochs.length)),
    row('best val accuracy', (r) => pct(Math.max(...r.epochs.map((e) => e.valAccuracy).filter(Number.isFinite)))),
    row('final train loss', (r) => (r.epochs.length ? r.epochs[r.epochs.length - 1].trainLoss.toPrecision(4) : '—')),
    row('test accuracy', (r) => pct(r.test?.accuracy)),
  ];
  return { setup, outcome };
}
