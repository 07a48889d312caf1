import { DATASET_IDS, type DatasetId } from '../data/datasets';
import type { TrainForm } from '../model/parseTrainForm';
import type { TrainSize } from '../worker/protocol';

/** The part of the setup a link can carry. */
export interface UrlConfig {
  dataset?: DatasetId;
  trainSize?: TrainSize;
  form?: Partial<TrainForm>;
}

/** Query parameter -> form field; values stay strings and are validated like typed input. */
const FORM_PARAMS: Record<string, keyof TrainForm> = {
  epochs: 'epochs',
  batch: 'batchSize',
  lr: 'learningRate',
  val: 'validationPercent',
};

/**
 * Reads `?dataset=mnist&n=2048&epochs=1&batch=32&lr=0.001&val=20`. A dataset or
 * size that does not parse is dropped (the default stays); form fields go to the
 * form as typed, where the usual inline messages explain a bad value.
 */
export function parseUrlConfig(search: string): UrlConfig {
  const q = new URLSearchParams(search);
  const out: UrlConfig = {};
  const dataset = q.get('dataset');
  if (dataset && (DATASET_IDS as string[]).includes(dataset)) out.dataset = dataset as DatasetId;
  const n = q.get('n');
  if (n === 'all') out.trainSize = 'all';
  else if (n && /^\d+$/.test(n) && Number(n) >= 1) out.trainSize = Number(n);
  const form: Partial<TrainForm> = {};
  for (const [param, field] of Object.entries(FORM_PARAMS)) {
    const v = q.get(param);
    if (v !== null) form[field] = v;
  }
  if (Object.keys(form).length) out.form = form;
  return out;
}
