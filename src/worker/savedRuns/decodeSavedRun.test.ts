import { describe, expect, it } from 'vitest';
import { AUGMENT_DEFAULT } from '../../model/augmentConfig';
import { decodeSavedRun, RUN_FORMAT } from './decodeSavedRun';
import type { SavedRun } from '../../protocol';
import { sampleRun } from '../../protocol/testing/sampleRun';

/** The run as the store holds it. */
const stored = (run: SavedRun = sampleRun()) => ({ ...run, format: RUN_FORMAT, weightBytes: { latest: 0, best: 0 } });

/** A stored record with one field (a dotted path) replaced. */
function withField(path: string, value: unknown): Record<string, unknown> {
  const raw = structuredClone(stored()) as Record<string, unknown>;
  const keys = path.split('.');
  let target = raw;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]] = value;
  return raw;
}

const errorOf = (raw: unknown) => {
  const result = decodeSavedRun(raw);
  return 'error' in result ? result.error : null;
};

describe('decodeSavedRun', () => {
  it('returns exactly the SavedRun of a good record, without the store fields', () => {
    const run = sampleRun({ status: 'running', message: '', test: null, info: null, restoredEpoch: 3 });
    expect(decodeSavedRun(stored(run))).toEqual(run);
    expect(Object.keys(decodeSavedRun(stored(run)))).not.toContain('format');
    expect(Object.keys(decodeSavedRun(stored(run)))).not.toContain('weightBytes');
  });

  it('accepts NaN accuracies (a run without validation) and epochs without confusion matrices', () => {
    const run = sampleRun();
    run.epochs = run.epochs.map(({ valConfusion: _c, ...row }) => ({ ...row, valLoss: NaN, valAccuracy: NaN }));
    expect(errorOf(stored(run))).toBeNull();
  });

  it('names a record of another format version, or of none', () => {
    expect(errorOf(withField('format', 2))).toBe(`it is in format version 2, and this version of Convscope reads version ${RUN_FORMAT}`);
    const { format: _f, ...noFormat } = stored();
    expect(errorOf(noFormat)).toBe('it has no format version: it was not written by Convscope');
    expect(errorOf('a string')).toBe('the record is a string, not an object');
    expect(errorOf(null)).toBe('the record is null, not an object');
  });

  it('names the first missing or mistyped field, with its path', () => {
    expect(errorOf(withField('name', undefined))).toBe('name is missing, not text');
    expect(errorOf(withField('pinned', 'yes'))).toBe('pinned is a string, not true or false');
    expect(errorOf(withField('id', ''))).toBe('id is empty');
    expect(errorOf(withField('setup.spec.inputShape', [28, 28]))).toBe('setup.spec.inputShape has 2 numbers, not 3');
    expect(errorOf(withField('setup.config.optimizer', null))).toBe('setup.config.optimizer is null, not an object');
    expect(errorOf(withField('status', 'paused'))).toBe('status "paused" is not one Convscope knows');
    expect(errorOf(withField('weights.latest', '3'))).toBe('weights.latest is a string, not a number');
    expect(errorOf(withField('weightBytes', undefined))).toBe('weightBytes is missing, not an object');
    expect(errorOf(withField('continuations', {}))).toBe('continuations is an object, not a list');
    expect(errorOf(withField('setup.config.augment', { shift: true }))).toMatch(/^setup\.config\.augment: /);
    expect(errorOf(withField('setup.classNames', ['cat', 3]))).toBe('setup.classNames[1] is a number, not text');
  });

  it('reads a run on your own classes with its augmentation', () => {
    const run = sampleRun();
    const own = { ...run, setup: { ...run.setup, dataset: 'own' as const, classNames: ['cat', 'dog'], config: { ...run.setup.config, augment: AUGMENT_DEFAULT } } };
    expect(decodeSavedRun(stored(own))).toEqual(own);
  });

  it('reads a fine-tuning\'s held-out scores with its continuation, and names a broken one', () => {
    const run = sampleRun();
    const handwriting = { drawings: 24, sharePercent: 50, before: { epoch: 2, correct: 3, count: 6 }, after: null };
    const tuned = { ...run, continuations: [{ fromEpoch: 2, optimizerRestored: true, handwriting }] };
    expect(decodeSavedRun(stored(tuned))).toEqual(tuned);
    const broken = (h: unknown) => ({ ...stored(), continuations: [{ fromEpoch: 2, optimizerRestored: true, handwriting: h }] });
    expect(errorOf(broken({ ...handwriting, before: { epoch: 2, correct: 7, count: 6 } }))).toBe('continuations[0].handwriting.before.correct is more than its count');
    expect(errorOf(broken({ ...handwriting, after: undefined }))).toBe('continuations[0].handwriting.after is missing, not an object');
    expect(errorOf(broken({ ...handwriting, sharePercent: '50' }))).toBe('continuations[0].handwriting.sharePercent is a string, not a number');
    expect(errorOf(broken({ ...handwriting, before: { epoch: 2, correct: NaN, count: 6 } }))).toBe('continuations[0].handwriting.before.correct is NaN, not a whole number ≥ 0');
    expect(errorOf(broken({ ...handwriting, before: { epoch: -1, correct: 1, count: 6 } }))).toBe('continuations[0].handwriting.before.epoch is -1, not a whole number ≥ 0');
  });

  it('checks the typed-array kinds and the lengths of the batch arrays', () => {
    expect(errorOf(withField('batches.loss', [1, 2, 3, 4, 5, 6]))).toBe('batches.loss is a list, not a Float32Array');
    expect(errorOf(withField('batches.x', new Float64Array(6)))).toBe('batches.x is a Float64Array, not a Float32Array');
    expect(errorOf(withField('batches.accuracy', new Float32Array(5)))).toBe('batches.accuracy has 5 values but batches.x has 6');
    expect(errorOf(withField('test.confusion', new Float32Array(100)))).toBe('test.confusion is a Float32Array, not an Int32Array');
  });

  it('checks each epoch row', () => {
    const raw = withField('epochs', [...sampleRun().epochs, { epoch: 3, trainLoss: 0.1 }]);
    expect(errorOf(raw)).toBe('epochs[2].trainAccuracy is missing, not a number');
    const confusion = withField('epochs', [{ ...sampleRun().epochs[0], valConfusion: [1, 2] }]);
    expect(errorOf(confusion)).toBe('epochs[0].valConfusion is a list, not an Int32Array');
  });
});
