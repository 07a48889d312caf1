import { it } from 'vitest';
import { buildModel } from '../engine/buildModel';
import { createOptimizer } from '../engine/createOptimizer';
import { evaluateModel } from '../engine/evaluateModel';
import { RunControl } from '../engine/runControl';
import { seedGlobalRandom } from '../engine/seedGlobalRandom';
import { readMnistSample } from '../engine/testing/readMnistSample';
import { useTestBackend } from '../engine/testing/useTestBackend';
import { trainModel } from '../engine/trainModel';
import { optimizerConfig } from '../model/optimizerDefaults';
import type { ModelSpec } from '../model/types';

useTestBackend('wasm');
const conv = (filters: number): ModelSpec['layers'][number] => ({ type: 'conv2d', filters, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' });
const pool = { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' } as const;
const variant = process.env.V ?? 'S';
const SPECS: Record<string, ModelSpec['layers']> = {
  S: [conv(32), pool, conv(64), pool, { type: 'flatten' }, { type: 'dense', units: 128, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }],
  SD: [conv(32), pool, conv(64), pool, { type: 'flatten' }, { type: 'dropout', rate: 0.25 }, { type: 'dense', units: 128, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }],
};
it('time to 99%', async () => {
  const train = readMnistSample(60000);
  const test = readMnistSample(10000, 't10k');
  const spec: ModelSpec = { inputShape: [28, 28, 1], layers: SPECS[variant.replace(/\d+$/, '')] };
  const batch = Number(process.env.B ?? 64);
  seedGlobalRandom(42);
  const built = buildModel(spec, 42);
  const opt = createOptimizer(optimizerConfig('adam'));
  const idx = Uint32Array.from({ length: 60000 }, (_, i) => i);
  const tidx = Uint32Array.from({ length: 10000 }, (_, i) => i);
  const t0 = performance.now();
  let evalMs = 0;
  await trainModel(built, opt, train, idx, new Uint32Array(0), { epochs: Number(process.env.E ?? 5), batchSize: batch, seed: 42 }, new RunControl(), {
    afterEpoch: async (e) => {
      const t1 = performance.now();
      const r = await evaluateModel(built, test, tidx, {});
      evalMs += performance.now() - t1;
      console.log(`${variant} b${batch} epoch ${e}: test ${(r!.accuracy * 100).toFixed(2)}%  train time ${((performance.now() - t0 - evalMs) / 1000).toFixed(0)} s`);
    },
  });
}, 3_600_000);
