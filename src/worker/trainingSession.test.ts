import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../engine/buildModel';
import { createOptimizer, disposeOptimizer } from '../engine/createOptimizer';
import type { ImageSet } from '../engine/imageSet';
import { RunControl } from '../engine/runControl';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { trainModel } from '../engine/trainModel';
import { optimizerConfig } from '../model/optimizerDefaults';
import { DataFileError } from './data/fetchDatasetPart';
import type { Command } from '../protocol';
import { backends, deferred, inspect, is, LONG, Recorder, runIdOf, sample, sum, TEST, train, TRAIN } from './testing/sessionRecorder';
import { message } from '../model/message';
import { english } from '../i18n/testing/words';

/** An event with its message as the page shows it in English. */
const inEnglish = <E extends { message: Parameters<typeof english>[0] }>(e: E) => ({ ...e, message: english(e.message) });

describe('TrainingSession (Node, cpu backend, 200 MNIST training and 100 test images)', () => {
  it('a Train during a run stops that run, then runs the new one to the end; their events never interleave', async () => {
    const rec = new Recorder();
    rec.send(train(1, LONG));
    await rec.waitFor(is('batchMetrics', (e) => e.runId === 1));
    rec.send(train(2));
    await rec.waitFor(is('runEnded', (e) => e.runId === 2));

    const ended = rec.all(is('runEnded'));
    expect(ended.map((e) => [e.runId, e.outcome, e.epochsCompleted])).toEqual([[1, 'stopped', 0], [2, 'done', 1]]);
    expect(english(ended[1].message)).toBe('Finished 1 epoch.');
    expect(rec.all(is('status')).map((e) => e.status)).toEqual(['loading', 'training', 'stopped', 'loading', 'training', 'done']);
    expect(rec.all(is('runStarted', (e) => e.runId === 2))).toEqual([
      { type: 'runStarted', runId: 2, trainCount: 180, valCount: 20, batchesPerEpoch: 6, epochs: 1 },
    ]);
    const start2 = rec.events.findIndex(is('runStarted', (e) => e.runId === 2));
    expect(rec.events.findLastIndex((e) => runIdOf(e) === 1)).toBeLessThan(start2);
    expect(rec.events.findIndex((e) => runIdOf(e) === 2)).toBe(start2);
    // A run that finishes is evaluated on the test set at once.
    expect(rec.all(is('testResult')).map((e) => [e.runId, e.count])).toEqual([[2, 100]]);
  }, 30_000);

  it('Stop while the data loads ends the run before it starts', async () => {
    const data = deferred<{ train: ImageSet; test: ImageSet }>();
    let loads = 0;
    const rec = new Recorder({ loadDataset: () => (loads++, data.promise) });
    rec.send(train(1));
    await rec.waitFor(is('status', (e) => e.status === 'loading'));
    rec.send({ type: 'stop' });
    data.resolve({ train: TRAIN, test: TEST });
    expect(inEnglish(await rec.waitFor(is('runEnded')))).toEqual({
      type: 'runEnded', runId: 1, outcome: 'stopped', epochsCompleted: 0, message: 'Stopped before training started.',
    });
    await rec.waitFor(is('status', (e) => e.status === 'stopped'));
    expect(rec.all(is('runStarted'))).toEqual([]);

    // The session goes on, with the data it loaded meanwhile.
    rec.send(train(2));
    expect((await rec.waitFor(is('runEnded', (e) => e.runId === 2))).outcome).toBe('done');
    expect(loads).toBe(1);
    expect(rec.all(is('status')).map((e) => e.status)).toEqual(['loading', 'stopped', 'loading', 'training', 'done']);
  }, 30_000);

  it('a Stop right after a Train that interrupts a run cancels the new run too', async () => {
    const rec = new Recorder();
    rec.send(train(1, LONG));
    await rec.waitFor(is('batchMetrics', (e) => e.runId === 1));
    rec.send(train(2, LONG));
    rec.send({ type: 'stop' }); // run 1 is still finishing its step: run 2 has not started
    expect(inEnglish(await rec.waitFor(is('runEnded', (e) => e.runId === 2)))).toEqual({
      type: 'runEnded', runId: 2, outcome: 'stopped', epochsCompleted: 0, message: 'Stopped before training started.',
    });
    expect(rec.all(is('runStarted', (e) => e.runId === 2))).toEqual([]);
    expect(rec.all(is('status')).map((e) => e.status)).toEqual(['loading', 'training', 'stopped', 'stopped']);
  }, 30_000);

  it('Evaluate before any run is refused; after a run it evaluates that run on the whole test set', async () => {
    const rec = new Recorder();
    rec.send({ type: 'evaluate' });
    const noModel = await rec.waitFor(is('error'));
    expect(noModel.code).toBe('invalid-request');
    expect(english(noModel.message)).toBe('There is no trained model yet: press Train first');
    expect(rec.all(is('status'))).toEqual([]); // a refused side request leaves the status alone

    rec.send(train(1));
    await rec.waitFor(is('status', (e) => e.status === 'done'));
    const atRunEnd = rec.all(is('testResult'))[0];
    const from = rec.events.length;
    rec.send({ type: 'evaluate' });
    const result = await rec.waitFor(is('testResult'), from);
    const progress = rec.events.slice(from).filter(is('evalProgress'));
    expect(progress.at(-1)).toEqual({ type: 'evalProgress', runId: 1, done: 100, total: 100 });
    expect(rec.events.indexOf(progress[0])).toBeLessThan(rec.events.indexOf(result));
    expect(result.runId).toBe(1);
    expect(result.count).toBe(100);
    expect(result.confusion).toHaveLength(100);
    expect(sum(result.confusion)).toBe(100);
    const diagonal = Array.from({ length: 10 }, (_, k) => result.confusion[k * 11]);
    expect(result.accuracy).toBeCloseTo(sum(diagonal) / 100, 6);
    // The same weights as at the end of the run: the same numbers.
    expect(result.accuracy).toBe(atRunEnd.accuracy);
    expect(result.loss).toBe(atRunEnd.loss);
  }, 30_000);

  it('worker-side failures reach the page as error events: data that cannot be had, a request that cannot train', async () => {
    let loads = 0;
    const rec = new Recorder({
      loadDataset: async () => {
        if (++loads === 1) throw new DataFileError('data-missing', 'data/mnist-train.bin.gz', message('errors:dataFile.missing', { file: 'data/mnist-train.bin.gz', status: 404 }));
        return sample();
      },
    });
    rec.send(train(1));
    const missing = await rec.waitFor(is('error'));
    expect(missing.code).toBe('data-missing');
    expect(english(missing.message)).toMatch(/^Data file data\/mnist-train\.bin\.gz is missing \(HTTP 404\)\./);
    await rec.waitFor(is('status', (e) => e.status === 'error'));

    const from = rec.events.length;
    rec.send(train(2, {}, { ...TINY_SPEC, inputShape: [32, 32, 1] }));
    const refused = await rec.waitFor(is('error'), from);
    expect(refused.code).toBe('invalid-request');
    expect(english(refused.message)).toMatch(/^This network takes 32×32×1 images and MNIST digits are 28×28×1/);
    await rec.waitFor(is('status', (e) => e.status === 'error'), from);
    expect(rec.all(is('status')).map((e) => e.status)).toEqual(['loading', 'error', 'error']); // refused before loading
    expect(rec.all(is('runStarted'))).toEqual([]);

    // A failed load is tried again by the next Train.
    rec.send(train(3));
    expect((await rec.waitFor(is('runEnded'))).outcome).toBe('done');
    expect(loads).toBe(2);
  }, 30_000);

  it('leaks no tensors: replaced models, a stopped run, evaluations and snapshots leave only the live model and its optimizer', async () => {
    // What one trained model of TINY_SPEC and its Adam optimizer hold (weights, moments, beta powers).
    const before = tf.memory().numTensors;
    const built = buildModel(TINY_SPEC, 1);
    const optimizer = createOptimizer(optimizerConfig('adam'));
    await trainModel(built, optimizer, TRAIN, Uint32Array.from({ length: 32 }, (_, i) => i), new Uint32Array(0), { epochs: 1, batchSize: 32, seed: 1 }, new RunControl());
    const held = tf.memory().numTensors - before;
    disposeOptimizer(optimizer);
    built.model.dispose();
    expect(held).toBeGreaterThan(4);

    const baseline = tf.memory().numTensors;
    const rec = new Recorder();
    const pixels = { kind: 'pixels' as const, pixels: new Float32Array(784).fill(0.5) };
    /** Asks for a snapshot and waits for its full answer: after it nothing of the inspection is in flight. */
    const settle = async (requestId: number) => {
      rec.send(inspect(requestId, pixels));
      await rec.waitFor(is('inspection', (e) => e.requestId === requestId && e.activations !== null));
    };
    await settle(1); // before any run: an untrained preview model, replaced by the first run's

    rec.send(train(1));
    await rec.waitFor(is('status', (e) => e.status === 'done'));
    await rec.waitFor(is('histograms', (e) => e.runId === 1 && e.at === 1));
    await settle(2);
    expect(tf.memory().numTensors - baseline).toBe(held);

    rec.send(train(2, LONG));
    await rec.waitFor(is('batchMetrics', (e) => e.runId === 2));
    rec.send(train(3));
    await rec.waitFor(is('runEnded', (e) => e.runId === 3));
    await rec.waitFor(is('histograms', (e) => e.runId === 3 && e.at === 1));
    const from = rec.events.length;
    rec.send({ type: 'evaluate' });
    await rec.waitFor(is('testResult'), from);
    await settle(3);
    expect(rec.all(is('runEnded')).map((e) => e.outcome)).toEqual(['done', 'stopped', 'done']);
    expect(tf.memory().numTensors - baseline).toBe(held);
    // Counted by the training loop itself, at the end of each run's epoch.
    const [first, last] = [rec.all(is('epochEnd', (e) => e.runId === 1))[0], rec.all(is('epochEnd', (e) => e.runId === 3))[0]];
    expect(last.numTensors).toBe(first.numTensors);
  }, 30_000);

  it('inspects a test image by wrapped index, sending its pixels once; pixels from the page get no test sample', async () => {
    const rec = new Recorder();
    rec.send(inspect(7, { kind: 'testImage', dataset: 'mnist', index: -1 }));
    const shown = await rec.waitFor(is('testSample'));
    expect(shown.requestId).toBe(7);
    expect(shown.dataset).toBe('mnist');
    expect(shown.index).toBe(99);
    expect(shown.label).toBe(TEST.labels[99]);
    expect(shown.pixels).toHaveLength(784);
    expect(Math.min(...shown.pixels)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...shown.pixels)).toBeLessThanOrEqual(1);
    expect(shown.pixels).toEqual(Float32Array.from(TEST.pixels.subarray(99 * 784, 100 * 784), (v) => v / 255));
    const answer = await rec.waitFor(is('inspection', (e) => e.requestId === 7 && e.activations !== null));
    const firstAnswer = rec.events.findIndex(is('inspection', (e) => e.requestId === 7));
    expect(firstAnswer).toBeGreaterThan(rec.events.indexOf(shown));

    // The same image sent as pixels: the same scores, and nothing sent back.
    rec.send(inspect(8, { kind: 'pixels', pixels: shown.pixels.slice() }));
    const again = await rec.waitFor(is('inspection', (e) => e.requestId === 8 && e.activations !== null));
    expect(Array.from(again.probs!)).toEqual(Array.from(answer.probs!));
    expect(rec.all(is('testSample')).map((e) => e.requestId)).toEqual([7]);
  }, 30_000);

  it('holds a measurement back until the page has been quiet for a while', async () => {
    const rec = new Recorder({ measureQuietMs: 150 });
    rec.send({ type: 'measureBackends', spec: TINY_SPEC, batchSize: 32, optimizer: optimizerConfig('adam') });
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 50));
      rec.send(inspect(i, null)); // someone drawing
    }
    expect(rec.all(is('backendRates'))).toEqual([]);
    await rec.waitFor(is('backendRates', (e) => !e.measuring));
  }, 30_000);

  it('measures the backends when idle, holds a measurement back during a run, and refuses a switch mid-run', async () => {
    const rec = new Recorder({ backends: backends(['wasm', 'cpu']) });
    const measure: Command = { type: 'measureBackends', spec: TINY_SPEC, batchSize: 32, optimizer: optimizerConfig('adam') };
    rec.send(measure);
    const rates = await rec.waitFor(is('backendRates', (e) => !e.measuring));
    expect(rates.rates.map((r) => r.name)).toEqual(['wasm', 'cpu']);
    expect(rates.rates.every((r) => (r.imagesPerSec ?? 0) > 0)).toBe(true);
    await rec.waitFor(is('backend', (e) => english(e.reason) === 'the fastest measured'));

    rec.send(train(1, LONG));
    await rec.waitFor(is('batchMetrics'));
    const before = rec.events.length;
    rec.send({ ...measure, batchSize: 16 });
    rec.send({ type: 'chooseBackend', choice: 'cpu' });
    const refusedChoice = await rec.waitFor(is('error'), before);
    expect(refusedChoice.code).toBe('backend-choice');
    expect(english(refusedChoice.message)).toMatch(/stop this run first/);
    await new Promise((r) => setTimeout(r, 200));
    // Nothing measured while training (an epoch's real rate may update the rates, without measuring).
    expect(rec.events.slice(before).filter(is('backendRates', (e) => e.measuring || e.batchSize === 16))).toEqual([]);
    rec.send({ type: 'stop' });
    // Once the run has ended, the measurement held back runs.
    const after = await rec.waitFor(is('backendRates', (e) => !e.measuring && e.batchSize === 16));
    expect(rec.events.indexOf(after)).toBeGreaterThan(rec.events.findIndex(is('runEnded')));
  }, 60_000);
});

describe('TrainingSession losing its backend mid-run (Node: wasm, then cpu)', () => {
  it('goes on on the next backend from the last finished epoch, and finishes the run', async () => {
    const rec = new Recorder({ backends: backends(['wasm', 'cpu']) });
    const conv = tf.getKernel('Conv2D', 'wasm');
    if (!conv) throw new Error('no wasm Conv2D');
    let broken = false;
    try {
      rec.send(train(1, { epochs: 3 }));
      // When epoch 1 ends, the wasm convolution starts throwing, as a crashed kernel would.
      await rec.waitFor(is('epochEnd', (e) => e.epoch === 1));
      tf.unregisterKernel('Conv2D', 'wasm');
      tf.registerKernel({ kernelName: 'Conv2D', backendName: 'wasm', kernelFunc: () => { throw new Error('kernel crashed'); } });
      broken = true;
      const resumed = await rec.waitFor(is('runResumed'));
      expect(resumed).toMatchObject({ runId: 1, fromEpoch: 1, lost: 'wasm', backend: 'cpu' });
      expect(english(resumed.message)).toMatch(/^wasm failed \(kernel crashed\): training goes on on cpu from epoch 1's weights and optimizer state\.$/);
      const ended = await rec.waitFor(is('runEnded'));
      expect(ended).toMatchObject({ outcome: 'done', epochsCompleted: 3 });
      expect(rec.all(is('epochEnd')).map((e) => e.epoch)).toEqual([1, 2, 3]);
      expect(rec.all(is('backend')).at(-1)).toMatchObject({ name: 'cpu' });
      expect(english(rec.all(is('backend')).at(-1)?.reason)).toBe('wasm failed: kernel crashed');
      expect(rec.all(is('testResult'))).toHaveLength(1);
    } finally {
      if (broken) {
        tf.unregisterKernel('Conv2D', 'wasm');
        tf.registerKernel(conv);
      }
    }
  }, 60_000);
});
