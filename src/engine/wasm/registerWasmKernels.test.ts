import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomValues as random } from '../testing/randomValues';
import { relativeError } from '../testing/relativeError';
import { filterGradientLimits } from './conv2dBackpropFilter';
import { registerWasmKernels } from './registerWasmKernels';

interface Case {
  batch: number;
  inChannels: number;
  outChannels: number;
  kernel: number;
  stride: number;
  padding: 'valid' | 'same';
  height: number;
  width: number;
}

/** dx and dW of sum(conv2d(x, W) · dy) on the backend in use, as plain arrays. */
async function gradients(c: Case, seed: number): Promise<{ dx: Float32Array; dW: Float32Array }> {
  const x = tf.tensor4d(random(c.batch * c.height * c.width * c.inChannels, seed), [c.batch, c.height, c.width, c.inChannels]);
  const w = tf.tensor4d(random(c.kernel * c.kernel * c.inChannels * c.outChannels, seed + 1), [c.kernel, c.kernel, c.inChannels, c.outChannels]);
  const outShape = tf.tidy(() => tf.conv2d(x, w, c.stride, c.padding).shape);
  const dy = tf.tensor(random(outShape.reduce((a, b) => a * b, 1), seed + 2), outShape);
  const [dx, dW] = tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, c.stride, c.padding).mul(dy).sum())([x, w]);
  const out = { dx: (await dx.data()) as Float32Array, dW: (await dW.data()) as Float32Array };
  tf.dispose([x, w, dy, dx, dW]);
  return out;
}

async function compare(c: Case, seed: number) {
  await tf.setBackend('cpu');
  const want = await gradients(c, seed);
  await tf.setBackend('wasm');
  const before = tf.engine().backend.numDataIds();
  const got = await gradients(c, seed);
  return { dx: relativeError(got.dx, want.dx), dW: relativeError(got.dW, want.dW), leaked: tf.engine().backend.numDataIds() - before };
}

beforeAll(async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
});

// Each case runs both routes of the filter gradient: x's patches times dy in the
// project's SIMD product (where the output channels come in fours), and one
// XNNPACK convolution by dy.
describe.each([
  ['patches', { maxPatchFloats: Infinity }],
  ['convolution', { maxPatchFloats: 0 }],
])('wasm Conv2D gradient kernels against the cpu backend, filter gradient by %s', (_route, limits) => {
  beforeAll(() => {
    const defaults = { ...filterGradientLimits };
    Object.assign(filterGradientLimits, limits);
    return () => {
      Object.assign(filterGradientLimits, defaults);
    };
  });

  it.each<[string, Case]>([
    ['stride 1, valid', { batch: 2, inChannels: 3, outChannels: 4, kernel: 3, stride: 1, padding: 'valid', height: 9, width: 8 }],
    ['stride 2, same, odd size', { batch: 2, inChannels: 2, outChannels: 3, kernel: 3, stride: 2, padding: 'same', height: 7, width: 9 }],
    // Valid padding whose stride skips the last rows: the padding after is negative.
    ['stride 3, valid, rows never read', { batch: 1, inChannels: 2, outChannels: 2, kernel: 2, stride: 3, padding: 'valid', height: 10, width: 11 }],
    ['stride larger than the kernel, same', { batch: 3, inChannels: 1, outChannels: 2, kernel: 1, stride: 3, padding: 'same', height: 8, width: 7 }],
    ['kernel as large as the input', { batch: 2, inChannels: 3, outChannels: 5, kernel: 7, stride: 1, padding: 'valid', height: 7, width: 7 }],
    ['7×7 same on 28×28, 16 channels', { batch: 2, inChannels: 16, outChannels: 8, kernel: 7, stride: 1, padding: 'same', height: 28, width: 28 }],
    // N·OH·OW a multiple of 256: an image of zeros is appended.
    ['16 images of 4×4 outputs', { batch: 16, inChannels: 8, outChannels: 4, kernel: 3, stride: 1, padding: 'same', height: 4, width: 4 }],
    ['64 images of 2×2 outputs, stride 2, valid', { batch: 64, inChannels: 5, outChannels: 3, kernel: 2, stride: 2, padding: 'valid', height: 5, width: 4 }],
    ["net S's first layer: 3×3 over one channel, 32 filters, same", { batch: 16, inChannels: 1, outChannels: 32, kernel: 3, stride: 1, padding: 'same', height: 28, width: 28 }],
    ['stride 2, same, padding after only', { batch: 3, inChannels: 1, outChannels: 9, kernel: 3, stride: 2, padding: 'same', height: 8, width: 10 }],
    ['2×2 over 3 channels, stride 3, valid, rows never read', { batch: 2, inChannels: 3, outChannels: 12, kernel: 2, stride: 3, padding: 'valid', height: 10, width: 11 }],
  ])('%s', async (_, c) => {
    const r = await compare(c, 7);
    expect(r.dx).toBeLessThanOrEqual(1e-4);
    expect(r.dW).toBeLessThanOrEqual(1e-4);
    expect(r.leaked).toBe(0);
  }, 30_000);

  it('agrees on generated cases: kernel 1–7, stride 1–3, valid/same, odd sizes, batch 1–64, channels 1–64', async () => {
    const cases = fc
      .record({
        kernel: fc.integer({ min: 1, max: 7 }),
        stride: fc.integer({ min: 1, max: 3 }),
        padding: fc.constantFrom<'valid' | 'same'>('valid', 'same'),
        batch: fc.integer({ min: 1, max: 64 }),
        inChannels: fc.integer({ min: 1, max: 64 }),
        outChannels: fc.integer({ min: 1, max: 64 }),
        extraH: fc.integer({ min: 0, max: 12 }),
        extraW: fc.integer({ min: 0, max: 12 }),
      })
      // Keep each case small enough for the cpu reference: about a million multiply-adds at most.
      .filter((r) => r.batch * r.inChannels * r.outChannels * r.kernel * r.kernel * (r.kernel + r.extraH) * (r.kernel + r.extraW) <= 4e6)
      .map(({ extraH, extraW, ...r }): Case => ({ ...r, height: r.kernel + extraH, width: r.kernel + extraW }));
    await fc.assert(
      fc.asyncProperty(cases, fc.integer({ min: 1, max: 1000 }), async (c, seed) => {
        const r = await compare(c, seed);
        return r.dx <= 1e-4 && r.dW <= 1e-4 && r.leaked === 0;
      }),
      { seed: 20261128, numRuns: 60 },
    );
  }, 120_000);
});
