import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { optimizerConfig } from '../model/optimizerDefaults';
import { measureTrainingRate, predictStepMs } from './measureTrainingRate';
import { TEST_BACKENDS, useTestBackend } from './testing/useTestBackend';
import { TINY_SPEC } from '../model/testing/tinySpec';

for (const backend of TEST_BACKENDS) {
  describe(`measureTrainingRate on ${backend}`, () => {
    useTestBackend(backend);

    it('times real steps and leaves no tensor behind', async () => {
      const before = tf.memory().numTensors;
      const rate = await measureTrainingRate(TINY_SPEC, 16, optimizerConfig('adam'), { budgetMs: 2000 });
      expect(rate).toBeGreaterThan(0);
      expect(Number.isFinite(rate)).toBe(true);
      expect(tf.memory().numTensors).toBe(before);
    });
  });
}

describe('measureTrainingRate budget', () => {
  useTestBackend('cpu');

  /** A clock on which every read moves time on by `ms`: a timed step (two reads) takes `ms`. */
  const ticking = (ms: number) => {
    let t = 0;
    let reads = 0;
    return { now: () => (reads++, (t += ms)), reads: () => reads };
  };

  it('stays on 1-image steps when bigger ones would overrun the budget', async () => {
    const clock = ticking(250);
    // One image took 250 ms, over a quarter of the 900 ms budget: a slow backend.
    const rate = await measureTrainingRate(TINY_SPEC, 32, optimizerConfig('adam'), { budgetMs: 900, now: clock.now });
    expect(rate).toBe(4); // 1 image in 250 ms, all of it taken as per-image
    // Two 1-image steps (4 reads), the budget's start, the check that rules out 4 images (2 × 1 s > 0.9 s): nothing after.
    expect(clock.reads()).toBe(6);
  });

  it('always times 4 images after a quick first step, and extrapolates the real batch from the two', async () => {
    const clock = ticking(10);
    // 2 × 4 images at 10 ms an image would overrun 40 ms; one image took 10 ms, so 4 are timed anyway.
    const rate = await measureTrainingRate(TINY_SPEC, 32, optimizerConfig('adam'), { budgetMs: 40, now: clock.now });
    // Both sizes took 10 ms a step: all fixed cost, so 32 images also take 10 ms.
    expect(rate).toBe(3200);
  });

  it('stops before its next step when asked, with what it has', async () => {
    let steps = 0;
    const stopAfter = (n: number) => () => steps++ >= n;
    expect(await measureTrainingRate(TINY_SPEC, 32, optimizerConfig('adam'), { budgetMs: 60_000, now: ticking(250).now, shouldStop: stopAfter(0) })).toBeNaN();
    steps = 0;
    // Two 1-image steps, then stopped before the 4-image ones: the 1-image rate, extrapolated.
    expect(await measureTrainingRate(TINY_SPEC, 32, optimizerConfig('adam'), { budgetMs: 60_000, now: ticking(250).now, shouldStop: stopAfter(2) })).toBe(4);
  });

  it('grows to the real batch when its steps fit', async () => {
    const clock = ticking(250);
    const rate = await measureTrainingRate(TINY_SPEC, 8, optimizerConfig('adam'), { budgetMs: 60_000, now: clock.now });
    expect(rate).toBe(32); // 8 images in 250 ms
  });
});

describe('predictStepMs', () => {
  it('takes a timed size as it is', () => {
    expect(predictStepMs([[1, 30], [4, 45]], 4)).toBe(45);
  });

  it('extends a line through the last two sizes: fixed cost plus per-image', () => {
    // 25 ms fixed + 5 ms per image.
    expect(predictStepMs([[1, 30], [4, 45]], 32)).toBe(185);
  });

  it('never predicts less than the largest timed step when the times are noisy', () => {
    expect(predictStepMs([[1, 50], [4, 45]], 32)).toBe(45);
  });

  it('from one size, counts all of its time as per-image', () => {
    expect(predictStepMs([[1, 30]], 32)).toBe(960);
  });
});
