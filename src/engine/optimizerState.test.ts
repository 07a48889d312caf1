import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { optimizerConfig } from '../model/optimizerDefaults';
import type { OptimizerName } from '../model/types';
import { buildModel } from './buildModel';
import { createOptimizer, disposeOptimizer } from './createOptimizer';
import { readWeights, writeWeights } from './modelWeights';
import { readOptimizerState, writeOptimizerState } from './optimizerState';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { useTestBackend } from './testing/useTestBackend';
import { trainStep } from './trainStep';
import { randomValues } from './testing/randomValues';

const batch = (seed: number) => ({
  n: 8,
  x: Float32Array.from(randomValues(8 * 784, seed), (v) => Math.abs(v)),
  y: Int32Array.from({ length: 8 }, (_, i) => (i * 3 + seed) % 10),
});

describe('optimizer state (Node, cpu)', () => {
  useTestBackend('cpu');

  it.each<[OptimizerName, number]>([['adam', 0.01], ['rmsprop', 0.01], ['sgd', 0.1], ['adadelta', 1]])(
    '%s: two steps, a copy, one more step equals three steps without a break',
    async (name, learningRate) => {
      const base = tf.memory().numTensors;
      const config = optimizerConfig(name, { learningRate, ...(name === 'sgd' ? { momentum: 0.9 } : {}) });
      const a = buildModel(TINY_SPEC, 5);
      const optA = createOptimizer(config);
      tf.dispose([trainStep(a, optA, batch(1), [28, 28, 1]), trainStep(a, optA, batch(2), [28, 28, 1])]);
      const weights = await readWeights(a);
      const state = await readOptimizerState(optA);
      expect(state?.values[0].name).toBe('iter');
      tf.dispose(trainStep(a, optA, batch(3), [28, 28, 1]));

      const b = buildModel(TINY_SPEC, 99);
      writeWeights(b, weights);
      const optB = createOptimizer(config);
      expect(await writeOptimizerState(optB, state!, b.model.trainableWeights.map((w) => w.shape))).toBe(true);
      tf.dispose(trainStep(b, optB, batch(3), [28, 28, 1]));

      const [wa, wb] = [await readWeights(a), await readWeights(b)];
      wa.forEach((w, i) => w.forEach((v, j) => expect(wb[i][j]).toBeCloseTo(v, 6)));
      for (const [m, o] of [[a, optA], [b, optB]] as const) {
        disposeOptimizer(o);
        m.model.dispose();
      }
      expect(tf.memory().numTensors).toBe(base);
    },
  );

  it('refuses another kind of optimizer\'s state', async () => {
    const m = buildModel(TINY_SPEC, 5);
    const adam = createOptimizer(optimizerConfig('adam', {}));
    tf.dispose(trainStep(m, adam, batch(1), [28, 28, 1]));
    const state = await readOptimizerState(adam);
    const rms = createOptimizer(optimizerConfig('rmsprop', {}));
    expect(await writeOptimizerState(rms, state!, m.model.trainableWeights.map((w) => w.shape))).toBe(false);
    disposeOptimizer(adam);
    disposeOptimizer(rms);
    m.model.dispose();
  });
});
