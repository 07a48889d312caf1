import 'fake-indexeddb/auto'; // idb checks requests against the global IDB classes
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { shapeSet } from '../engine/testing/drawShapes';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { AUGMENT_DEFAULT } from '../model/augmentConfig';
import { withOutputUnits } from '../model/withOutputUnits';
import type { Command, PackedImages } from '../protocol';
import { RunStore } from './savedRuns/runStore';
import { is, Recorder, TEST, train } from './testing/sessionRecorder';
import { english } from '../i18n/testing/words';

const shapes = shapeSet(10, 1);
const own = { classNames: ['circle', 'cross'], pixels: shapes.pixels, labels: shapes.labels, count: shapes.count };

/** A train request on the user's classes (circles and crosses). */
function trainOwn(runId: number, extra: Partial<Extract<Command, { type: 'train' }>['request']> = {}): Command {
  const base = train(runId, { epochs: 2, batchSize: 8, validationSplit: 0.2, augment: AUGMENT_DEFAULT }, withOutputUnits(TINY_SPEC, 2));
  if (base.type !== 'train') throw new Error('not a train command');
  return { type: 'train', request: { ...base.request, dataset: 'own', own, ...extra } };
}

/** The first `n` test images of the MNIST sample, packed as the page packs drawings. */
function packed(from: number, n: number): PackedImages {
  return { pixels: TEST.pixels.slice(from * 784, (from + n) * 784), labels: TEST.labels.slice(from, from + n), count: n };
}

describe('TrainingSession with your own drawings (Node, cpu)', () => {
  it('trains on your classes with a stratified validation split and augmentation, and has no test set', async () => {
    const rec = new Recorder();
    rec.send(trainOwn(1));
    const ended = await rec.waitFor(is('runEnded'));
    expect(ended.outcome).toBe('done');
    expect(english(ended.message)).toMatch(/no test set/);
    expect(rec.all(is('runStarted'))[0]).toMatchObject({ trainCount: 16, valCount: 4, batchesPerEpoch: 2 });
    expect(rec.all(is('testResult'))).toEqual([]);
    // The first batch's sample went to the page: augmented images with their labels.
    const sample = rec.all(is('augmentSample'))[0];
    expect(sample).toMatchObject({ runId: 1, requestId: null, originals: null, count: 8 });
    expect(sample.images).toHaveLength(8 * 784);
    // Asking for a test-set evaluation is answered with why there is none.
    rec.send({ type: 'evaluate' });
    expect(english((await rec.waitFor(is('error'))).message)).toMatch(/no test set/);
  }, 30_000);

  it('refuses your classes when the drawings do not match the request', async () => {
    const rec = new Recorder();
    rec.send(trainOwn(1, { own: { ...own, labels: own.labels.map(() => 5) } }));
    expect(english((await rec.waitFor(is('error'))).message)).toMatch(/drawing 1 has class 5, but there are only 2 classes/);
    rec.send(trainOwn(2, { own: undefined }));
    expect((await rec.waitFor(is('error', (e) => /no classes/.test(english(e.message))))).code).toBe('invalid-request');
  }, 30_000);

  it('fine-tunes a saved MNIST run on handwriting, measuring the held-out drawings before and after', async () => {
    const rec = new Recorder({ openStore: () => RunStore.open({ indexedDB: new IDBFactory() }) });
    rec.send(train(1, { epochs: 1 }));
    const { savedId } = await rec.waitFor(is('runSaved'));
    await rec.waitFor(is('runEnded'));
    const more = train(2, { epochs: 1 });
    if (more.type !== 'train') throw new Error('not a train command');
    rec.send({ type: 'train', request: { ...more.request, continueFrom: savedId, mix: { train: packed(0, 30), heldOut: packed(30, 10), share: 0.5, augment: AUGMENT_DEFAULT } } });
    const opened = await rec.waitFor(is('runOpened', (e) => e.runId === 2));
    expect(english(opened.message)).toMatch(/on your handwriting \(30 drawings, 50% of every batch\)/);
    await rec.waitFor(is('runEnded', (e) => e.runId === 2));
    const scores = rec.all(is('heldOutAccuracy'));
    expect(scores.map((s) => [s.runId, s.when, s.epoch, s.count])).toEqual([[2, 'before', 1, 10], [2, 'after', 2, 10]]);
    expect(scores[1].predicted).toHaveLength(10);
    // The saved run keeps the fine-tuning with its continuation, scores and all: they survive a reload.
    const listed = await rec.waitFor(is('runs', (e) => !!e.runs.find((r) => r.id === savedId)?.continuations.at(-1)?.handwriting?.after));
    expect(listed.runs.find((r) => r.id === savedId)?.continuations).toEqual([
      { fromEpoch: 1, optimizerRestored: true, handwriting: { drawings: 30, sharePercent: 50, before: { epoch: 1, correct: scores[0].correct, count: 10 }, after: { epoch: 2, correct: scores[1].correct, count: 10 } } },
    ]);
    // Half of each batch of 32 was handwriting: 180 MNIST images at 16 a batch.
    expect(rec.all(is('runStarted', (e) => e.runId === 2))[0].batchesPerEpoch).toBe(Math.ceil(180 / 16));
  }, 60_000);

  it('saves each epoch with its held-out score, and scores again when early stopping puts an earlier epoch back', async () => {
    const rec = new Recorder({ openStore: () => RunStore.open({ indexedDB: new IDBFactory() }) });
    const earlyStopping = { monitor: 'val_loss' as const, minDelta: 0, patience: 10, restoreBestWeights: true };
    rec.send(train(1, { epochs: 1, earlyStopping }));
    const { savedId } = await rec.waitFor(is('runSaved'));
    await rec.waitFor(is('runEnded'));
    const more = train(2, { epochs: 3 });
    if (more.type !== 'train') throw new Error('not a train command');
    rec.send({ type: 'train', request: { ...more.request, continueFrom: savedId, mix: { train: packed(0, 30), heldOut: packed(30, 10), share: 0.5, augment: null } } });
    await rec.waitFor(is('epochEnd', (e) => e.runId === 2));
    // Paused after the first epoch of fine-tuning: the record stored with its weights has its score (a crash now keeps both).
    rec.send({ type: 'pause' });
    const stored = await rec.waitFor(is('runs', (e) => e.runs.find((r) => r.id === savedId)?.epochsCompleted === 2));
    const first = rec.all(is('heldOutAccuracy', (e) => e.runId === 2 && e.when === 'after'))[0];
    expect(stored.runs.find((r) => r.id === savedId)?.continuations.at(-1)?.handwriting?.after).toEqual({ epoch: 2, correct: first.correct, count: 10 });
    // Then a learning rate that wrecks the next two epochs: the first stays best.
    rec.send({ type: 'setLearningRate', runId: 2, learningRate: 1 });
    rec.send({ type: 'resume' });
    const ended = await rec.waitFor(is('runEnded', (e) => e.runId === 2));
    expect(ended.restoredEpoch).toBe(2);
    const after = rec.all(is('heldOutAccuracy', (e) => e.runId === 2 && e.when === 'after'));
    expect(after.map((s) => s.epoch)).toEqual([2, 3, 4, 2]);
    expect(after.at(-1)?.correct).toBe(after[0].correct); // the same weights as after epoch 2
    const listed = await rec.waitFor(is('runs', (e) => e.runs.find((r) => r.id === savedId)?.status === 'done'));
    expect(listed.runs.find((r) => r.id === savedId)?.continuations.at(-1)?.handwriting?.after?.epoch).toBe(2);
  }, 60_000);

  it('refuses to mix handwriting into anything but an MNIST run', async () => {
    const rec = new Recorder();
    const t = train(1);
    if (t.type !== 'train') throw new Error('not a train command');
    rec.send({ type: 'train', request: { ...t.request, dataset: 'fashion-mnist', mix: { train: packed(0, 10), heldOut: packed(10, 2), share: 0.5, augment: null } } });
    expect(english((await rec.waitFor(is('error'))).message)).toMatch(/needs a network trained on MNIST digits/);
  }, 30_000);

  it('answers a preview with training images and augmented variants of each, and refuses settings out of range', async () => {
    const rec = new Recorder();
    rec.send({ type: 'augmentPreview', request: { requestId: 4, dataset: 'mnist', augment: AUGMENT_DEFAULT, seed: 1 } });
    const s = await rec.waitFor(is('augmentSample'));
    expect(s).toMatchObject({ requestId: 4, runId: null, perOriginal: 5, count: 8 });
    expect(s.originals).toHaveLength(8 * 784);
    expect(s.images).toHaveLength(40 * 784);
    expect(Array.from(s.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    rec.send({ type: 'augmentPreview', request: { requestId: 5, dataset: 'mnist', augment: { ...AUGMENT_DEFAULT, rotate: { on: true, degrees: 90 } }, seed: 1 } });
    expect(english((await rec.waitFor(is('error'))).message)).toMatch(/Rotation must be between 0 and 45 degrees/);
  }, 30_000);
});
