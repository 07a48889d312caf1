import { readFileSync } from 'node:fs';
import 'fake-indexeddb/auto'; // idb checks requests against the global IDB classes
import * as tf from '@tensorflow/tfjs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Command, WorkerEvent } from '../protocol';
import { RunStore } from './savedRuns/runStore';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { backends, inspect, is, LONG, Recorder, train } from './testing/sessionRecorder';
import { english } from '../i18n/testing/words';

// Saved runs through the session, as the page uses them: a second session on
// the same IndexedDB stands for a reload (or a new worker after a crash).

const storeOn = (indexedDB: IDBFactory) => ({ openStore: () => RunStore.open({ indexedDB }) });
const testImage = { kind: 'testImage' as const, dataset: 'mnist' as const, index: 7 };
const lastRuns = (rec: Recorder) => rec.all(is('runs')).at(-1)!;

/** Waits until the run list shows run `id` with `epochs` epochs saved and its test result. */
async function savedAfter(rec: Recorder, epochs: number): Promise<Extract<WorkerEvent, { type: 'runs' }>> {
  for (let from = 0; ; from = rec.events.length) {
    const e = await rec.waitFor(is('runs'), from);
    const r = e.runs[0];
    if (r && r.epochsCompleted === epochs && Number.isFinite(r.testAccuracy) && r.status !== 'running' && r.weights.latest === epochs) return e;
  }
}

describe('TrainingSession saved runs (Node, cpu, fake IndexedDB)', () => {
  it('saves a run as it trains; a new session lists it and opens it with the same weights', async () => {
    const db = new IDBFactory();
    const first = new Recorder(storeOn(db));
    first.send(train(1, { epochs: 2 }));
    const { runs } = await savedAfter(first, 2);
    const saved = first.all(is('runSaved'))[0];
    expect(runs.map((r) => r.id)).toEqual([saved.savedId]);
    expect(runs[0]).toMatchObject({ status: 'done', epochsCompleted: 2, epochsPlanned: 2 });
    first.send(inspect(1, testImage));
    const before = await first.waitFor(is('inspection', (e) => e.requestId === 1 && e.trained));

    const second = new Recorder(storeOn(db));
    await second.session.savedRunsReady();
    expect(lastRuns(second).runs.map((r) => r.id)).toEqual([saved.savedId]);
    second.send({ type: 'openRun', runId: 1, id: saved.savedId });
    const opened = await second.waitFor(is('runOpened'));
    expect(opened.weights).toBe(2);
    expect(opened.run.epochs).toHaveLength(2);
    expect(opened.run.batches.x.length).toBe(first.all(is('batchMetrics')).reduce((n, e) => n + e.x.length, 0));
    expect(opened.run.test?.accuracy).toBe(first.all(is('testResult'))[0].accuracy);
    second.send(inspect(2, testImage));
    const after = await second.waitFor(is('inspection', (e) => e.requestId === 2 && e.trained));
    expect(Array.from(after.probs!)).toEqual(Array.from(before.probs!));
  }, 60_000);

  it('continues a saved run with its optimizer state, numbering epochs on', async () => {
    const db = new IDBFactory();
    const first = new Recorder(storeOn(db));
    first.send(train(1, { epochs: 1 }));
    await savedAfter(first, 1);
    const id = first.all(is('runSaved'))[0].savedId;

    const second = new Recorder(storeOn(db));
    const more = train(1, { epochs: 2 }) as Extract<Command, { type: 'train' }>;
    second.send({ ...more, request: { ...more.request, continueFrom: id } });
    const opened = await second.waitFor(is('runOpened'));
    expect(english(opened.message)).toContain('with its optimizer state');
    expect(await second.waitFor(is('runStarted'))).toMatchObject({ epochs: 3 });
    const ended = await second.waitFor(is('runEnded'));
    expect(ended.epochsCompleted).toBe(3);
    expect(second.all(is('epochEnd')).map((e) => e.epoch)).toEqual([2, 3]);
    const { runs } = await savedAfter(second, 3);
    expect(runs).toHaveLength(1);
    expect(runs[0].continuations).toEqual([{ fromEpoch: 1, optimizerRestored: true }]);
    expect(runs[0]).toMatchObject({ epochsPlanned: 3, epochsCompleted: 3, status: 'done' });
  }, 60_000);

  it('continuing a stopped run starts from its last finished epoch: the unfinished one goes from its history', async () => {
    const db = new IDBFactory();
    const first = new Recorder(storeOn(db));
    first.send(train(1, LONG));
    await first.waitFor(is('epochEnd', (e) => e.epoch === 2));
    await first.waitFor(is('batchMetrics', (e) => e.x[0] > 2));
    first.send({ type: 'stop' });
    await first.waitFor(is('runEnded'));
    const { runs } = await first.waitFor(is('runs', (e) => e.runs[0]?.status === 'stopped'));
    const done = runs[0].weights.latest!;
    expect(done).toBe(runs[0].epochsCompleted);

    const more = train(2, { epochs: 1 }) as Extract<Command, { type: 'train' }>;
    first.send({ ...more, request: { ...more.request, continueFrom: runs[0].id } });
    const opened = await first.waitFor(is('runOpened'));
    expect(opened.weights).toBe(done);
    expect(Math.max(...opened.run.batches.x)).toBe(done);
    expect(opened.run.epochs.at(-1)?.epoch).toBe(done);
    expect(opened.run.test).toBeNull();
    await first.waitFor(is('runEnded', (e) => e.runId === 2));
    expect(first.all(is('epochEnd', (e) => e.runId === 2)).map((e) => e.epoch)).toEqual([done + 1]);
  }, 60_000);

  it('a run that fails still closes its record, which can then be deleted', async () => {
    const rec = new Recorder({ ...storeOn(new IDBFactory()), backends: backends(['cpu']) });
    const conv = tf.getKernel('Conv2D', 'cpu')!;
    try {
      rec.send(train(1, { epochs: 3 }));
      await rec.waitFor(is('epochEnd', (e) => e.epoch === 1));
      tf.unregisterKernel('Conv2D', 'cpu');
      tf.registerKernel({ kernelName: 'Conv2D', backendName: 'cpu', kernelFunc: () => { throw new Error('kernel crashed'); } });
      await rec.waitFor(is('status', (e) => e.status === 'error'));
    } finally {
      tf.unregisterKernel('Conv2D', 'cpu');
      tf.registerKernel(conv);
    }
    const { runs } = await rec.waitFor(is('runs', (e) => e.runs[0]?.status === 'error'));
    expect(runs[0].message).toMatch(/^Failed: /);
    expect(runs[0].weights.latest).toBe(1);
    rec.send({ type: 'deleteRun', id: runs[0].id });
    await rec.waitFor(is('runs', (e) => e.runs.length === 0));
  }, 60_000);

  it('a run cut off (the tab closed) is listed as interrupted, with its last finished epoch\'s weights', async () => {
    const db = new IDBFactory();
    const first = new Recorder(storeOn(db));
    first.send(train(1, LONG));
    for (let from = 0; ; from = first.events.length) {
      const e = await first.waitFor(is('runs'), from);
      if ((e.runs[0]?.weights.latest ?? 0) >= 1) break;
    }
    // Paused, it writes nothing more, as a closed tab would; Node has no Web Locks, so a new
    // session counts every 'running' record as cut off.
    first.send({ type: 'pause' });
    await first.waitFor(is('status', (e) => e.status === 'paused'));
    await new Promise((r) => setTimeout(r, 500)); // the last epoch's writes land
    const second = new Recorder(storeOn(db));
    await second.session.savedRunsReady();
    first.send({ type: 'stop' });
    const [run] = lastRuns(second).runs;
    expect(run.status).toBe('interrupted');
    expect(english(run.message)).toMatch(/^Interrupted after epoch \d+ of 50/);
    expect(run.weights.latest).toBeGreaterThanOrEqual(1);
    expect(english(run.message)).toContain(`epoch ${run.weights.latest}`);
  }, 60_000);

  it('answers galleries from the test predictions: exactly a cell\'s images, and the most confidently wrong', async () => {
    const rec = new Recorder(storeOn(new IDBFactory()));
    rec.send(train(1, { epochs: 1 }));
    const test = await rec.waitFor(is('testResult'));
    // The fullest off-diagonal cell.
    let cell = { trueClass: 0, predClass: 1 };
    for (let t = 0; t < 10; t++) for (let p = 0; p < 10; p++) if (t !== p && test.confusion[t * 10 + p] > test.confusion[cell.trueClass * 10 + cell.predClass]) cell = { trueClass: t, predClass: p };
    rec.send({ type: 'gallery', requestId: 1, cell });
    const g = await rec.waitFor(is('gallery', (e) => e.requestId === 1));
    expect(g.total).toBe(test.confusion[cell.trueClass * 10 + cell.predClass]);
    expect(g.items).toHaveLength(Math.min(100, g.total));
    expect(g.items.every((i) => i.label === cell.trueClass && i.predicted === cell.predClass)).toBe(true);
    expect(g.pixels.length).toBe(g.items.length * 784);
    rec.send({ type: 'gallery', requestId: 2, cell: null });
    const wrong = await rec.waitFor(is('gallery', (e) => e.requestId === 2));
    expect(wrong.total).toBe(test.count - Math.round(test.accuracy * test.count));
    const conf = wrong.items.map((i) => i.confidence);
    expect(conf).toEqual(conf.slice().sort((a, b) => b - a));
  }, 60_000);

  it('downloads the model and uploads it back: same predictions; a bad file changes nothing', async () => {
    const rec = new Recorder(storeOn(new IDBFactory()));
    rec.send(train(1, { epochs: 1 }));
    await rec.waitFor(is('status', (e) => e.status === 'done'));
    rec.send(inspect(1, testImage));
    const before = await rec.waitFor(is('inspection', (e) => e.requestId === 1 && e.trained));
    rec.send({ type: 'downloadModel', name: 'tiny', format: 'tfjs' });
    const tfjs = await rec.waitFor(is('modelFiles'));
    const setup = { dataset: 'mnist' as const, trainSize: 'all' as const, config: (train(1) as Extract<Command, { type: 'train' }>).request.config };
    expect(tfjs.files.map((f) => f.name)).toEqual(['tiny.json', 'tiny.weights.bin']);

    // The weights file forgotten: refused, naming it; the model is kept under the page's new number.
    rec.send({ type: 'uploadModel', runId: 2, files: [tfjs.files[0]], setup });
    const refused = await rec.waitFor(is('error', (e) => e.code === 'model-file'));
    expect(english(refused.message)).toContain('tiny.weights.bin');
    rec.send(inspect(2, testImage));
    const kept = await rec.waitFor(is('inspection', (e) => e.requestId === 2 && e.trained));
    expect(Array.from(kept.probs!)).toEqual(Array.from(before.probs!));

    // As a Keras 3 .keras file, opened again.
    const from = rec.events.length;
    rec.send({ type: 'downloadModel', name: 'tiny', format: 'keras' });
    const keras = await rec.waitFor(is('modelFiles'), from);
    expect(keras.files.map((f) => f.name)).toEqual(['tiny.keras']);
    rec.send({ type: 'uploadModel', runId: 3, files: keras.files, setup });
    const uploaded = await rec.waitFor(is('modelUploaded'));
    expect(uploaded).toMatchObject({ runId: 3, studyOnly: null, spec: TINY_SPEC });
    expect(await rec.waitFor(is('runSaved', (e) => e.runId === 3))).toBeTruthy();
    rec.send(inspect(3, testImage));
    const after = await rec.waitFor(is('inspection', (e) => e.requestId === 3 && e.trained));
    expect(Array.from(after.probs!)).toEqual(Array.from(before.probs!));
    const { runs } = await rec.waitFor(is('runs', (e) => e.runs.some((r) => r.status === 'imported')));
    expect(runs.find((r) => r.status === 'imported')).toMatchObject({ weights: { latest: 0 } });
  }, 60_000);

  it('opens a real Keras 3 .keras (Rescaling, random, noise and SpatialDropout2D layers) and fine-tunes it with Continue training', async () => {
    const rec = new Recorder(storeOn(new IDBFactory()));
    const bytes = readFileSync(new URL('../../tests/fixtures/keras/keras3_rescaling.keras', import.meta.url));
    const file = { name: 'keras3_rescaling.keras', data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
    const setup = { dataset: 'mnist' as const, trainSize: 'all' as const, config: (train(1) as Extract<Command, { type: 'train' }>).request.config };
    rec.send({ type: 'uploadModel', runId: 1, files: [file], setup });
    const opened = await rec.waitFor(is('modelUploaded'));
    expect(opened.studyOnly).toBeNull();
    expect(opened.spec.layers.map((l) => l.type)).toContain('spatialDropout2d');
    const { runs } = await rec.waitFor(is('runs', (e) => e.runs.some((r) => r.status === 'imported')));
    const more = train(2, { epochs: 1 }, opened.spec) as Extract<Command, { type: 'train' }>;
    rec.send({ ...more, request: { ...more.request, continueFrom: runs.find((r) => r.status === 'imported')!.id } });
    const ended = await rec.waitFor(is('runEnded', (e) => e.runId === 2));
    expect(ended.outcome).toBe('done');
    const epoch = rec.all(is('epochEnd', (e) => e.runId === 2))[0];
    expect(Number.isFinite(epoch.trainLoss)).toBe(true);
    expect(epoch.trainAccuracy).toBeGreaterThan(0.2);
  }, 60_000);

  it('without IndexedDB, runs train as before and the page is told that nothing is saved', async () => {
    // As in a private window where opening throws.
    const closed = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    const rec = new Recorder({ openStore: () => RunStore.open({ indexedDB: closed }) });
    await rec.session.savedRunsReady();
    expect(lastRuns(rec).storage.available).toBe(false);
    rec.send(train(1));
    expect(await rec.waitFor(is('runEnded'))).toMatchObject({ outcome: 'done' });
  }, 60_000);
});
