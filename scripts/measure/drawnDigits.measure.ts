// npm run measure:drawn — how well the default network reads digits drawn with a mouse,
// trained on MNIST with and without augmentation. A measurement, not a test: it prints JSON.
// The drawn digits are the e2e tests' mouse strokes (tests/e2e/drawOnPad.ts: open loops, a
// flagged 1, a crossed 7, a closed 4), each drawn MEASURE_VARIANTS times with a hand's
// variation (slant, turn, width, wobble of every point, pen width, all seeded), drawn as the
// pad draws them and preprocessed as the pad preprocesses them. Each network is trained
// MEASURE_SEEDS times (seeds 1, 2, …) and the accuracies averaged.
//   MEASURE_IMAGES=10000 MNIST training images   MEASURE_EPOCHS=1   MEASURE_VARIANTS=30   MEASURE_SEEDS=2
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { it } from 'vitest';
import { buildModel } from '../../src/engine/buildModel';
import { createOptimizer, disposeOptimizer } from '../../src/engine/createOptimizer';
import { evaluateModel } from '../../src/engine/evaluateModel';
import { RunControl } from '../../src/engine/runControl';
import { readMnistSample } from '../../src/engine/testing/readMnistSample';
import { trainModel } from '../../src/engine/trainModel';
import { registerWasmKernels } from '../../src/engine/wasm/registerWasmKernels';
import { mulberry32 } from '../../src/data/random';
import { preprocessDigit } from '../../src/input/preprocessDigit';
import { AUGMENT_DEFAULT } from '../../src/model/augmentConfig';
import { optimizerConfig } from '../../src/model/optimizerDefaults';
import { SEED_002_SPEC } from '../../src/model/presets';
import { digit } from '../../tests/e2e/drawOnPad';
import { rasterStrokes } from './rasterStrokes';

const IMAGES = Number(process.env.MEASURE_IMAGES ?? 10_000);
const EPOCHS = Number(process.env.MEASURE_EPOCHS ?? 1);
const VARIANTS = Number(process.env.MEASURE_VARIANTS ?? 30);
const SEEDS = Number(process.env.MEASURE_SEEDS ?? 2);

/** `strokes` as one of many hands would draw them: slanted, turned, narrower or wider, every point a little off. */
function inAHand(strokes: ReturnType<typeof digit>, seed: number): ReturnType<typeof digit> {
  const rand = mulberry32(seed);
  const u = (a: number, b: number) => a + (b - a) * rand();
  const slant = u(-0.3, 0.3);
  const turn = u(-0.15, 0.15);
  const sx = u(0.75, 1.1);
  const sy = u(0.9, 1.1);
  return strokes.map((stroke) =>
    stroke.map(([x, y]) => {
      const px = (x - 0.5) * sx - (y - 0.5) * slant;
      const py = (y - 0.5) * sy;
      return [0.5 + px * Math.cos(turn) - py * Math.sin(turn) + u(-0.015, 0.015), 0.5 + px * Math.sin(turn) + py * Math.cos(turn) + u(-0.015, 0.015)] as const;
    }),
  );
}

function drawnDigits() {
  const count = 10 * VARIANTS;
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let v = 0; v < VARIANTS; v++) {
    for (let d = 0; d < 10; d++) {
      const k = v * 10 + d;
      const { input } = preprocessDigit(rasterStrokes(inAHand(digit(d, v), 1000 * v + d), 280, 12 + (v % 5) * 4));
      for (let p = 0; p < 784; p++) pixels[k * 784 + p] = Math.round(input[p] * 255);
      labels[k] = d;
    }
  }
  return { pixels, labels, count, rows: 28, cols: 28, numClasses: 10 };
}

it('measures', async () => {
  await tf.setBackend('wasm');
  registerWasmKernels();
  const train = readMnistSample(IMAGES);
  const test = readMnistSample(10_000, 't10k');
  const drawn = drawnDigits();
  const all = (n: number) => Uint32Array.from({ length: n }, (_, i) => i);
  const out: Record<string, unknown> = { images: IMAGES, epochs: EPOCHS, drawnDigits: drawn.count, seeds: SEEDS };
  const round = (x: number) => Math.round(x * 1000) / 1000;
  for (const augment of [null, AUGMENT_DEFAULT]) {
    const runs: { seed: number; seconds: number; testAccuracy: number; drawnAccuracy: number; perDigit: number[] }[] = [];
    for (let seed = 1; seed <= SEEDS; seed++) {
      const built = buildModel(SEED_002_SPEC, seed);
      const optimizer = createOptimizer(optimizerConfig('adam'));
      const t0 = performance.now();
      await trainModel(built, optimizer, train, all(IMAGES), new Uint32Array(0), { epochs: EPOCHS, batchSize: 32, seed, augment }, new RunControl());
      const seconds = (performance.now() - t0) / 1000;
      const onTest = await evaluateModel(built, test, all(test.count));
      const onDrawn = await evaluateModel(built, drawn, all(drawn.count));
      const perDigit = Array.from({ length: 10 }, (_, d) => round(onDrawn!.confusion[d * 10 + d] / VARIANTS));
      runs.push({ seed, seconds: Math.round(seconds), testAccuracy: onTest!.accuracy, drawnAccuracy: round(onDrawn!.accuracy), perDigit });
      disposeOptimizer(optimizer);
      built.model.dispose();
    }
    const mean = (k: 'testAccuracy' | 'drawnAccuracy') => round(runs.reduce((a, r) => a + r[k], 0) / runs.length);
    out[augment ? 'augmented' : 'plain'] = { testAccuracy: mean('testAccuracy'), drawnAccuracy: mean('drawnAccuracy'), runs };
  }
  console.log(JSON.stringify(out, null, 2));
}, 3_600_000);
