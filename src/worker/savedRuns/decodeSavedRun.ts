import { checkAugmentConfig } from '../../model/augmentConfig';
import type { SavedRun, SavedRunStatus } from '../../protocol';

/**
 * The version of the run records this code writes and reads. Bump it when
 * SavedRun changes shape; records of any other version are listed as damaged
 * rather than misread.
 */
export const RUN_FORMAT = 1;

/**
 * A run as the 'runs' object store holds it: the SavedRun, its format
 * version, and the bytes of each weights slot (SavedWeightsInfo keeps only
 * their sum, and the store needs each to keep that sum right).
 */
export type StoredRunRecord = SavedRun & { format: number; weightBytes: { latest: number; best: number } };

const STATUSES: readonly SavedRunStatus[] = ['running', 'done', 'stopped', 'diverged', 'earlyStopped', 'interrupted', 'error', 'imported'];

/** Thrown inside this module only, so each check can stop at the first problem. */
class DecodeError extends Error {}

function fail(message: string): never {
  throw new DecodeError(message);
}

function kindOf(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) fail(`${at} is ${kindOf(value)}, not an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, at: string): unknown[] {
  if (!Array.isArray(value)) fail(`${at} is ${kindOf(value)}, not a list`);
  return value;
}

/** NaN is a number here: a run without validation stores NaN accuracies. */
function num(value: unknown, at: string): number {
  if (typeof value !== 'number') fail(`${at} is ${kindOf(value)}, not a number`);
  return value;
}

function numOrNull(value: unknown, at: string): number | null {
  return value === null ? null : num(value, at);
}

function str(value: unknown, at: string): string {
  if (typeof value !== 'string') fail(`${at} is ${kindOf(value)}, not text`);
  return value;
}

function bool(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') fail(`${at} is ${kindOf(value)}, not true or false`);
  return value;
}

function floats(value: unknown, at: string): Float32Array {
  if (!(value instanceof Float32Array)) fail(`${at} is ${kindOf(value)}, not a Float32Array`);
  return value;
}

function ints(value: unknown, at: string): Int32Array {
  if (!(value instanceof Int32Array)) fail(`${at} is ${kindOf(value)}, not an Int32Array`);
  return value;
}

/**
 * The setup is checked for form only: enough that the run list and a
 * continued run can read it. The spec's layers are checked by whoever builds
 * the network from it, as for any imported spec.
 */
function checkSetup(value: unknown): void {
  const setup = record(value, 'setup');
  str(setup.dataset, 'setup.dataset');
  if (setup.trainSize !== 'all') num(setup.trainSize, 'setup.trainSize');
  const spec = record(setup.spec, 'setup.spec');
  const shape = list(spec.inputShape, 'setup.spec.inputShape');
  if (shape.length !== 3) fail(`setup.spec.inputShape has ${shape.length} numbers, not 3`);
  shape.forEach((n, i) => num(n, `setup.spec.inputShape[${i}]`));
  list(spec.layers, 'setup.spec.layers').forEach((l, i) => str(record(l, `setup.spec.layers[${i}]`).type, `setup.spec.layers[${i}].type`));
  const config = record(setup.config, 'setup.config');
  for (const key of ['epochs', 'batchSize', 'validationSplit', 'seed']) num(config[key], `setup.config.${key}`);
  const optimizer = record(config.optimizer, 'setup.config.optimizer');
  str(optimizer.name, 'setup.config.optimizer.name');
  num(optimizer.learningRate, 'setup.config.optimizer.learningRate');
  if (config.earlyStopping !== null) record(config.earlyStopping, 'setup.config.earlyStopping');
  if (config.augment !== undefined && config.augment !== null) {
    const augment = checkAugmentConfig(config.augment);
    if ('error' in augment) fail(`setup.config.augment: ${augment.error}`);
  }
  if (setup.classNames !== undefined) list(setup.classNames, 'setup.classNames').forEach((n, i) => str(n, `setup.classNames[${i}]`));
}

function checkBatches(value: unknown): void {
  const batches = record(value, 'batches');
  const x = floats(batches.x, 'batches.x');
  for (const key of ['loss', 'accuracy']) {
    const a = floats(batches[key], `batches.${key}`);
    if (a.length !== x.length) fail(`batches.${key} has ${a.length} values but batches.x has ${x.length}`);
  }
}

function checkEpochs(value: unknown): void {
  const rows = list(value, 'epochs');
  rows.forEach((raw, i) => {
    const at = `epochs[${i}]`;
    const row = record(raw, at);
    for (const key of ['epoch', 'trainLoss', 'trainAccuracy', 'valLoss', 'valAccuracy', 'numTensors']) num(row[key], `${at}.${key}`);
    if (row.bestEpoch !== undefined) num(row.bestEpoch, `${at}.bestEpoch`);
    if (row.valConfusion !== undefined) ints(row.valConfusion, `${at}.valConfusion`);
  });
}

function checkTest(value: unknown): void {
  if (value === null) return;
  const test = record(value, 'test');
  for (const key of ['loss', 'accuracy', 'count']) num(test[key], `test.${key}`);
  ints(test.confusion, 'test.confusion');
}

function checkWeights(value: unknown, bytes: unknown): void {
  const w = record(value, 'weights');
  numOrNull(w.latest, 'weights.latest');
  numOrNull(w.best, 'weights.best');
  bool(w.optimizer, 'weights.optimizer');
  num(w.bytes, 'weights.bytes');
  const b = record(bytes, 'weightBytes');
  num(b.latest, 'weightBytes.latest');
  num(b.best, 'weightBytes.best');
}

function decode(raw: unknown): SavedRun {
  const r = record(raw, 'the record');
  if (r.format !== RUN_FORMAT) {
    fail(typeof r.format === 'number'
      ? `it is in format version ${r.format}, and this version of Convscope reads version ${RUN_FORMAT}`
      : 'it has no format version: it was not written by Convscope');
  }
  if (str(r.id, 'id') === '') fail('id is empty');
  str(r.name, 'name');
  bool(r.pinned, 'pinned');
  num(r.createdAt, 'createdAt');
  num(r.updatedAt, 'updatedAt');
  checkSetup(r.setup);
  if (!STATUSES.includes(r.status as SavedRunStatus)) fail(`status ${JSON.stringify(r.status)} is not one Convscope knows`);
  if (typeof r.message !== 'string') {
    // A message (key and values) since the page has languages; English text before.
    const m = record(r.message, 'message');
    str(m.key, 'message.key');
  }
  num(r.epochsPlanned, 'epochsPlanned');
  if (r.info !== null) {
    const info = record(r.info, 'info');
    for (const key of ['trainCount', 'valCount', 'batchesPerEpoch']) num(info[key], `info.${key}`);
  }
  checkBatches(r.batches);
  checkEpochs(r.epochs);
  list(r.learningRateChanges, 'learningRateChanges').forEach((c, i) => {
    const change = record(c, `learningRateChanges[${i}]`);
    num(change.x, `learningRateChanges[${i}].x`);
    num(change.learningRate, `learningRateChanges[${i}].learningRate`);
  });
  numOrNull(r.restoredEpoch, 'restoredEpoch');
  checkTest(r.test);
  checkWeights(r.weights, r.weightBytes);
  list(r.continuations, 'continuations').forEach((c, i) => {
    const continuation = record(c, `continuations[${i}]`);
    num(continuation.fromEpoch, `continuations[${i}].fromEpoch`);
    bool(continuation.optimizerRestored, `continuations[${i}].optimizerRestored`);
    if (continuation.handwriting !== undefined) checkHandwriting(continuation.handwriting, `continuations[${i}].handwriting`);
  });
  // The store's own fields stay in the store: what leaves is exactly a SavedRun.
  const { format: _format, weightBytes: _weightBytes, ...run } = r;
  return run as unknown as SavedRun;
}

/** A fine-tuning's record: counts, and each held-out score null or a score of at most `count` right. */
function checkHandwriting(value: unknown, at: string): void {
  const h = record(value, at);
  num(h.drawings, `${at}.drawings`);
  num(h.sharePercent, `${at}.sharePercent`);
  for (const when of ['before', 'after'] as const) {
    if (h[when] === null) continue;
    const s = record(h[when], `${at}.${when}`);
    for (const key of ['epoch', 'correct', 'count'] as const) {
      const v = num(s[key], `${at}.${when}.${key}`);
      if (!(Number.isInteger(v) && v >= 0)) fail(`${at}.${when}.${key} is ${v}, not a whole number ≥ 0`);
    }
    if ((s.correct as number) > (s.count as number)) fail(`${at}.${when}.correct is more than its count`);
  }
}

/**
 * Checks a record read from the 'runs' store (untrusted: another version of
 * the app, a browser bug or a hand edit may have written it) and returns the
 * SavedRun, or what is wrong with it in words, e.g. "batches.loss has 10
 * values but batches.x has 12". Checks the format version, every field's
 * type, the typed-array kinds, the equal lengths of the batch arrays and the
 * epoch rows; not whether the numbers make sense.
 */
export function decodeSavedRun(raw: unknown): SavedRun | { error: string } {
  try {
    return decode(raw);
  } catch (e) {
    if (e instanceof DecodeError) return { error: e.message };
    throw e;
  }
}
