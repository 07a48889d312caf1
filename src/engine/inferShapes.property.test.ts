import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { inferShapes, type ModelInfo } from '../model/inferShapes';
import type {
  Activation, BatchNormLayer, Conv2DLayer, DenseLayer, DropoutLayer, FlattenLayer, LayerSpec, ModelSpec, Padding, Pool2DLayer,
} from '../model/types';
import { buildModel } from './buildModel';

/*
 * Property tests: shape inference (what the editor and summary show) agrees
 * with the tfjs model the engine really builds. Fixed seed, so CI sees the same
 * cases every run; tiny shapes, so the cpu backend copes.
 */

const SEED = 20261128;
const RUNS = 300;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// ---- Arbitraries -------------------------------------------------------

const activation = fc.constantFrom<Activation>('relu', 'sigmoid', 'tanh', 'softmax', 'linear');
const anyPadding = fc.constantFrom<Padding>('valid', 'same');
/** Valid stacks favour "same": a run of "valid" windows soon outgrows a small input. */
const mostlySame = fc.oneof({ arbitrary: fc.constant<Padding>('same'), weight: 3 }, { arbitrary: fc.constant<Padding>('valid'), weight: 1 });

const conv = (kernelMax: number, padding: fc.Arbitrary<Padding>): fc.Arbitrary<Conv2DLayer> =>
  fc.record({
    type: fc.constant('conv2d' as const),
    filters: fc.integer({ min: 1, max: 8 }),
    kernelSize: fc.integer({ min: 1, max: kernelMax }),
    strides: fc.integer({ min: 1, max: 4 }),
    padding,
    activation,
  });
const pool = (padding: fc.Arbitrary<Padding>): fc.Arbitrary<Pool2DLayer> =>
  fc.record({
    type: fc.constantFrom('maxPool2d' as const, 'avgPool2d' as const),
    poolSize: fc.integer({ min: 1, max: 4 }),
    strides: fc.integer({ min: 1, max: 4 }),
    padding,
  });
const flatten: fc.Arbitrary<FlattenLayer> = fc.constant({ type: 'flatten' as const });
const dense: fc.Arbitrary<DenseLayer> = fc.record({ type: fc.constant('dense' as const), units: fc.integer({ min: 1, max: 16 }), activation });
const dropout: fc.Arbitrary<DropoutLayer> = fc.record({
  type: fc.constant('dropout' as const),
  rate: fc.double({ min: 0, max: 0.9, noNaN: true }),
});
const batchNorm: fc.Arbitrary<BatchNormLayer> = fc.constant({ type: 'batchNorm' as const });

/** Any layer with any parameters, in any order: mostly impossible stacks. */
const anyBody: fc.Arbitrary<LayerSpec[]> = fc.array(
  fc.oneof<fc.Arbitrary<LayerSpec>[]>(conv(7, anyPadding), pool(anyPadding), flatten, dense, dropout, batchNorm),
  { minLength: 0, maxLength: 8 },
);

/** Keras-tutorial order (spatial layers, Flatten, a dense head): mostly possible stacks. */
const tutorialBody: fc.Arbitrary<LayerSpec[]> = fc
  .tuple(
    fc.array(fc.oneof<fc.Arbitrary<LayerSpec>[]>(conv(3, mostlySame), pool(mostlySame), dropout, batchNorm), { maxLength: 4 }),
    fc.array(fc.oneof<fc.Arbitrary<LayerSpec>[]>(dense, dropout, batchNorm), { maxLength: 3 }),
  )
  .map(([spatial, head]) => [...spatial, { type: 'flatten' as const }, ...head]);

interface Case {
  spec: ModelSpec;
  numClasses: number;
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    h: fc.integer({ min: 1, max: 40 }),
    w: fc.integer({ min: 1, max: 40 }),
    c: fc.integer({ min: 1, max: 4 }),
    numClasses: fc.integer({ min: 2, max: 10 }),
    body: fc.oneof(anyBody, tutorialBody),
  })
  .map(({ h, w, c, numClasses, body }) => ({
    spec: {
      inputShape: [h, w, c] as const,
      layers: [...body, { type: 'dense' as const, units: numClasses, activation: 'softmax' as const }],
    },
    numClasses,
  }));

// ---- Helpers ----------------------------------------------------------------

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const weightCount = (ws: tf.LayerVariable[]) => ws.reduce((a, w) => a + size(w.shape as number[]), 0);
const firstError = (info: ModelInfo) => info.layers.findIndex((l) => l.error !== undefined);

/** The tfjs layer for a spec layer, as buildModel makes it (initialisers do not matter for shapes). */
function tfLayer(layer: LayerSpec): tf.layers.Layer {
  switch (layer.type) {
    case 'conv2d': {
      const { filters, kernelSize, strides, padding, activation: a } = layer;
      return tf.layers.conv2d({ filters, kernelSize, strides, padding, activation: a });
    }
    case 'maxPool2d':
    case 'avgPool2d': {
      const args = { poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding };
      return layer.type === 'maxPool2d' ? tf.layers.maxPooling2d(args) : tf.layers.averagePooling2d(args);
    }
    case 'flatten': return tf.layers.flatten();
    case 'dense': return tf.layers.dense({ units: layer.units, activation: layer.activation });
    case 'dropout': return tf.layers.dropout({ rate: layer.rate });
    case 'batchNorm': return tf.layers.batchNormalization();
  }
}

/**
 * Convscope rejects, on purpose, some stacks that tfjs would build. The only
 * one: Dense on a tensor of rank > 1 (an H×W×C image). tfjs (like Keras)
 * applies Dense to the last axis, giving H×W×units, but Keras tutorials always
 * Flatten first, a classifier needs one vector per image, and a beginner who
 * forgets Flatten should be told so rather than see a 4-D "probability" tensor.
 */
const stricterThanTfjs = (layer: LayerSpec, input: readonly number[]) => layer.type === 'dense' && input.length !== 1;

// ---- Properties -------------------------------------------------------------

describe('inferShapes agrees with tfjs', () => {
  it('the generator yields both possible and impossible stacks', () => {
    const cases = fc.sample(caseArb, { seed: SEED, numRuns: 1000 });
    const valid = cases.filter(({ spec, numClasses }) => inferShapes(spec, numClasses).error === undefined).length;
    // Observed with this seed: 540 of 1000 possible. Guards against an edit that starves one property.
    expect(valid).toBeGreaterThan(250);
    expect(valid).toBeLessThan(750);
  });

  it('A: a stack inference accepts builds, with the same shapes and parameter counts', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, numClasses }) => {
        const info = inferShapes(spec, numClasses);
        fc.pre(info.error === undefined);
        const before = tf.memory().numTensors;
        const { model } = buildModel(spec, 1);
        try {
          // buildModel appends a softmax layer after the (linear) last Dense.
          expect(model.layers).toHaveLength(spec.layers.length + 1);
          spec.layers.forEach((_, i) => {
            const layer = model.layers[i];
            const expected = info.layers[i];
            expect(layer.outputShape, `layer ${i} shape`).toEqual([null, ...expected.outputShape!]);
            expect(weightCount(layer.trainableWeights), `layer ${i} trainable`).toBe(expected.trainableParams);
            expect(weightCount(layer.nonTrainableWeights), `layer ${i} non-trainable`).toBe(expected.nonTrainableParams);
          });
          expect(model.countParams()).toBe(info.totalParams);
        } finally {
          model.dispose();
        }
        expect(tf.memory().numTensors).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);

  it('B: where inference finds the first impossible layer, tfjs cannot build it either', () => {
    fc.assert(
      fc.property(caseArb, ({ spec, numClasses }) => {
        const info = inferShapes(spec, numClasses);
        fc.pre(info.error !== undefined);
        // The generator always ends in Dense numClasses softmax on a positive input, so the error is a layer's.
        const j = firstError(info);
        expect(j).toBeGreaterThanOrEqual(0);
        const before = tf.memory().numTensors;
        // Layers applied one by one to a symbolic input, as Sequential.add does.
        const made: tf.layers.Layer[] = [];
        try {
          let x = tf.input({ shape: [...spec.inputShape] });
          for (let i = 0; i < j; i++) {
            const layer = tfLayer(spec.layers[i]);
            made.push(layer);
            x = layer.apply(x) as tf.SymbolicTensor;
            expect(x.shape, `layer ${i} shape`).toEqual([null, ...info.layers[i].outputShape!]);
          }
          const bad = spec.layers[j];
          const input = info.layers[j].inputShape;
          const layer = tfLayer(bad);
          made.push(layer);
          let out: number[] | undefined;
          try {
            out = (layer.apply(x) as tf.SymbolicTensor).shape.slice(1) as number[];
          } catch {
            out = undefined; // tfjs refuses too.
          }
          if (stricterThanTfjs(bad, input)) {
            // tfjs accepts it and applies Dense to the last axis.
            expect(out).toEqual([...input.slice(0, -1), (bad as DenseLayer).units]);
          } else if (out !== undefined) {
            // tfjs builds it, but with an empty output (a "valid" window larger than its input).
            expect(out.some((d) => d < 1), `tfjs built layer ${j} as ${JSON.stringify(out)}`).toBe(true);
          }
        } finally {
          made.forEach((l) => l.weights.forEach((w) => w.dispose()));
        }
        expect(tf.memory().numTensors).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, 60_000);
});
