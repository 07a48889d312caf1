import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { SEED_002_SPEC } from '../../model/presets';
import type { ModelSpec } from '../../model/types';
import { buildModel, type BuiltModel } from '../buildModel';
import { createOptimizer, disposeOptimizer } from '../createOptimizer';
import { optimizerConfig } from '../../model/optimizerDefaults';
import { readWeights } from '../modelWeights';
import { randomValues } from '../testing/randomValues';
import { relativeError } from '../testing/relativeError';
import { TEST_BACKENDS, useTestBackend } from '../testing/useTestBackend';
import { trainStep, type Batch } from '../trainStep';
import type { GradientPeer } from './gradientPeer';
import { ParallelStep } from './parallelStep';
import { ShareComputer } from './shareComputer';

const SMALL: ModelSpec = {
  inputShape: [12, 12, 1],
  layers: [
    { type: 'conv2d', filters: 6, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
const WITH_BATCH_NORM: ModelSpec = {
  inputShape: [12, 12, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'batchNorm' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

function batches(spec: ModelSpec, count: number, n: number): Batch[] {
  const pixels = spec.inputShape[0] * spec.inputShape[1];
  return Array.from({ length: count }, (_, i) => ({
    n,
    x: randomValues(n * pixels, 100 + i).map((v) => Math.abs(v)),
    y: Int32Array.from({ length: n }, (_, j) => (j * 7 + i) % 10),
  }));
}

/** Trains `steps` batches from the same initial weights with `peers` helpers (0: the one-core step) and returns the weights and losses. */
async function train(spec: ModelSpec, peers: number, data: Batch[], optimizer: 'adam' | 'sgd' = 'adam') {
  const built = buildModel(spec, 7);
  const opt = createOptimizer(optimizerConfig(optimizer));
  const shape = spec.inputShape;
  const helpers = Array.from({ length: peers }, () => new ShareComputer());
  for (const h of helpers) await h.prepare(spec);
  const parallel = new ParallelStep(helpers);
  const losses: number[] = [];
  for (const b of data) {
    if (peers === 0) {
      const s = trainStep(built, opt, b, shape);
      losses.push((await s.data())[0]);
      s.dispose();
    } else {
      losses.push((await parallel.step(built, opt, b, shape)).loss);
    }
  }
  const weights = await readWeights(built);
  helpers.forEach((h) => h.dispose());
  disposeOptimizer(opt);
  built.model.dispose();
  return { weights, losses };
}

describe.each(TEST_BACKENDS)('ParallelStep on %s', (backend) => {
  useTestBackend(backend);

  it('gives the one-core result, within float rounding, on 2 and 3 workers (Adam and SGD)', async () => {
    const data = batches(SMALL, 4, 32);
    for (const opt of ['adam', 'sgd'] as const) {
      const one = await train(SMALL, 0, data, opt);
      for (const peers of [1, 2]) {
        const many = await train(SMALL, peers, data, opt);
        one.weights.forEach((w, i) => expect(relativeError(many.weights[i], w)).toBeLessThanOrEqual(1e-4));
        many.losses.forEach((l, i) => expect(l).toBeCloseTo(one.losses[i], 4));
      }
    }
  }, 60_000);

  // The cpu backend takes a minute for this network.
  it.runIf(backend === 'wasm')('trains seed 002\'s network the same on 1 and 2 workers', async () => {
    const data = batches(SEED_002_SPEC, 2, 16).map((b) => ({ ...b, x: randomValues(b.n * 784, b.n).map((v) => Math.abs(v)) }));
    const one = await train(SEED_002_SPEC, 0, data);
    const two = await train(SEED_002_SPEC, 1, data);
    one.weights.forEach((w, i) => expect(relativeError(two.weights[i], w)).toBeLessThanOrEqual(1e-4));
  }, 60_000);

  it('leaks no tensors', async () => {
    const data = batches(SMALL, 3, 24);
    await train(SMALL, 1, data.slice(0, 1)); // first-step allocations (Adam's slots) settle
    const before = tf.memory().numTensors;
    await train(SMALL, 2, data);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('computes a lost peer\'s share itself, says so once, and goes on with the rest', async () => {
    const data = batches(SMALL, 3, 32);
    const one = await train(SMALL, 0, data);
    const { built, opt, helper: good, end } = await fixture();
    const broken: GradientPeer = { prepare: async () => {}, compute: () => Promise.reject(new Error('helper crashed')) };
    const lost: [string, number][] = [];
    const step = new ParallelStep([broken, good], (why, left) => lost.push([why, left]));
    for (const b of data) await step.step(built, opt, b, SMALL.inputShape);
    expect(lost).toEqual([['helper crashed', 2]]);
    expect(step.workers).toBe(2);
    await expectWeights(built, one.weights);
    end();
  }, 60_000);

  it('gives a much slower peer fewer images, and still the one-core result', async () => {
    const data = batches(SMALL, 4, 64);
    const one = await train(SMALL, 0, data);
    const { built, opt, helper: inner, end } = await fixture();
    const sizes: number[] = [];
    // Says it took a second an image (this worker takes a few ms at most).
    const slow: GradientPeer = {
      prepare: async () => {},
      compute: async (r) => {
        sizes.push(r.batch.n);
        return { ...(await inner.compute(r)), ms: 1000 * r.batch.n };
      },
    };
    const step = new ParallelStep([slow]);
    for (const b of data) await step.step(built, opt, b, SMALL.inputShape);
    expect(sizes[0]).toBe(32); // nothing known yet: an even split
    expect(sizes.slice(1).every((n) => n < 8)).toBe(true);
    await expectWeights(built, one.weights);
    end();
  }, 60_000);

  it('starts more peers when more workers are allowed mid-run, and uses fewer at once when fewer are', async () => {
    const { built, opt, helper, end } = await fixture();
    let allowed = 1;
    const asked: number[] = [];
    let computed = 0;
    const counting: GradientPeer = { prepare: async () => {}, compute: (r) => (computed++, helper.compute(r)) };
    const step = new ParallelStep([], () => {}, () => allowed, async (count) => (asked.push(count), [counting]));
    const data = batches(SMALL, 6, 32);
    await step.step(built, opt, data[0], SMALL.inputShape);
    expect(asked).toEqual([]);
    allowed = 2;
    await step.step(built, opt, data[1], SMALL.inputShape); // starts the peer; this step runs here
    await step.step(built, opt, data[2], SMALL.inputShape);
    expect(asked).toEqual([1]);
    expect(computed).toBeGreaterThan(0);
    const before = computed;
    allowed = 1;
    await step.step(built, opt, data[3], SMALL.inputShape);
    expect(computed).toBe(before);
    end();
  }, 60_000);

  it('keeps BatchNormalization\'s moving statistics as the shares\' weighted mean', async () => {
    const data = batches(WITH_BATCH_NORM, 1, 32);
    const one = await train(WITH_BATCH_NORM, 0, data);
    const two = await train(WITH_BATCH_NORM, 1, data);
    // Moving mean: linear in each share's mean, so exact (the first step splits evenly); moving variance: close (per-share variances).
    const names = buildModelWeightNames(WITH_BATCH_NORM);
    const mean = names.findIndex((n) => n.includes('moving_mean'));
    expect(relativeError(two.weights[mean], one.weights[mean])).toBeLessThanOrEqual(1e-4);
    expect(two.weights[mean].some((v) => v !== 0)).toBe(true);
  }, 60_000);
});

/** SMALL as `train` builds it (seed 7, Adam), and one helper with the network built; `end` frees them. */
async function fixture() {
  const built = buildModel(SMALL, 7);
  const opt = createOptimizer(optimizerConfig('adam'));
  const helper = new ShareComputer();
  await helper.prepare(SMALL);
  const end = () => {
    helper.dispose();
    disposeOptimizer(opt);
    built.model.dispose();
  };
  return { built, opt, helper, end };
}

async function expectWeights(built: BuiltModel, want: Float32Array[]): Promise<void> {
  (await readWeights(built)).forEach((w, i) => expect(relativeError(w, want[i])).toBeLessThanOrEqual(1e-4));
}

function buildModelWeightNames(spec: ModelSpec): string[] {
  const built = buildModel(spec, 1);
  const names = built.model.getWeights().map((_, i) => built.model.weights[i].originalName);
  built.model.dispose();
  return names;
}
