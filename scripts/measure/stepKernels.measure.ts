// One training step of net S (batch 64) and of the default network (batch 32) on wasm in
// Node, kernel by kernel (tf.profile, ten steps averaged): `npm run bench` runs it (part
// "kernels"); BY_SHAPE=1 splits each kernel by its input shapes.
import { writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { it } from 'vitest';
import { buildModel } from '../../src/engine/buildModel';
import { createOptimizer } from '../../src/engine/createOptimizer';
import { trainStep } from '../../src/engine/trainStep';
import { registerWasmKernels } from '../../src/engine/wasm/registerWasmKernels';
import { optimizerConfig } from '../../src/model/optimizerDefaults';
import { PRESETS, SEED_002_SPEC } from '../../src/model/presets';
import type { ModelSpec } from '../../src/model/types';

const NET_S: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'conv2d', filters: 64, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 128, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

const BY_SHAPE_PAD = process.env.BY_SHAPE ? 70 : 24;

/** One training step, kernel by kernel: ms per kernel (all calls), the step's ms and images/s without the profiler. */
async function profile(name: string, spec: ModelSpec, n: number) {
  const built = buildModel(spec, 1);
  const opt = createOptimizer(optimizerConfig('adam'));
  const batch = { n, x: new Float32Array(n * 784).map(() => Math.random()), y: new Int32Array(n).map((_, i) => i % 10) };
  for (let i = 0; i < 5; i++) (await trainStep(built, opt, batch, [28, 28, 1]).data());
  const reps = 10;
  const sums = new Map<string, number>();
  let total = 0;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const p = await tf.profile(async () => { const s = trainStep(built, opt, batch, [28, 28, 1]); await s.data(); s.dispose(); });
    total += performance.now() - t0;
    for (const k of p.kernels) {
      const key = process.env.BY_SHAPE ? `${k.name} ${JSON.stringify(k.inputShapes)}` : k.name;
      sums.set(key, (sums.get(key) ?? 0) + (k.kernelTimeMs as number));
    }
  }
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) { const s = trainStep(built, opt, batch, [28, 28, 1]); await s.data(); s.dispose(); }
  const plain = (performance.now() - t0) / reps;
  const rows = [...sums].map(([k, v]) => [k, +(v / reps).toFixed(2)] as const).sort((a, b) => b[1] - a[1]);
  console.log(`${name} batch ${n}: step ${plain.toFixed(1)} ms (${(n / plain * 1000).toFixed(0)} img/s), profiled ${(total / reps).toFixed(1)}`);
  for (const [k, v] of rows) console.log(`  ${k.padEnd(BY_SHAPE_PAD)} ${v}`);
  return { batch: n, stepMs: +plain.toFixed(1), imagesPerSec: Math.round((n / plain) * 1000), kernels: Object.fromEntries(rows) };
}

it('profiles one step per network', async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
  if (process.env.BN) {
    const seed001 = PRESETS.find((p) => p.id === 'seed-001')!.spec;
    await profile('seed 001 (BatchNorm)', seed001, 32);
    await profile('seed 001 without BatchNorm', { ...seed001, layers: seed001.layers.filter((l) => l.type !== 'batchNorm') }, 32);
    return;
  }
  const out = { netS: await profile('net S', NET_S, 64), default: await profile('default', SEED_002_SPEC, 32) };
  if (process.env.STEP_KERNELS_OUT) writeFileSync(process.env.STEP_KERNELS_OUT, JSON.stringify(out));
});
