import * as tf from '@tensorflow/tfjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inferShapes } from '../../model/inferShapes';
import { buildModel } from '../buildModel';
import { exportModelFiles, importModelFiles, ModelFileError, type ImportedModel } from '../modelFiles';
import { writeWeights } from '../modelWeights';
import { useTestBackend } from '../testing/useTestBackend';
import { english } from '../../i18n/testing/words';

/*
 * The fixtures of tests/fixtures/keras/, written by make_fixtures.py the way
 * Keras's own saving code writes them, with the probabilities of a NumPy
 * forward pass of the same weights on three images (expected.json).
 */
const DIR = new URL('../../../tests/fixtures/keras/', import.meta.url);
const EXPECT = { inputShape: [28, 28, 1] as const, classes: 10 };
const expected = JSON.parse(readFileSync(new URL('expected.json', DIR), 'utf8')) as {
  images: number[][];
  models: Record<string, { probabilities: number[][]; params: number }>;
};

/** A fixture as the page posts it: one file, or every file of a folder. */
function filesOf(name: string): { name: string; data: ArrayBuffer }[] {
  const url = new URL(name, DIR);
  const read = (u: URL, n: string) => {
    const b = readFileSync(u);
    return { name: n, data: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer };
  };
  if (!statSync(url).isDirectory()) return [read(url, name)];
  return readdirSync(url).map((f) => read(new URL(`${name}/${f}`, DIR), f));
}

async function probabilities(model: ImportedModel): Promise<number[][]> {
  const built = buildModel(model.spec);
  try {
    writeWeights(built, model.weights!);
    const x = tf.tensor4d(expected.images.flat(), [expected.images.length, 28, 28, 1]);
    const y = built.model.predict(x) as tf.Tensor2D;
    const values = (await y.array()) as number[][];
    tf.dispose([x, y]);
    return values;
  } finally {
    built.model.dispose();
  }
}

const maxDiff = (a: number[][], b: number[][]) => Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));

async function importError(name: string): Promise<string> {
  try {
    await importModelFiles(filesOf(name), EXPECT);
  } catch (e) {
    if (e instanceof ModelFileError) return english(e.detail);
    throw e;
  }
  throw new Error(`${name} opened`);
}

describe('real Keras files', () => {
  useTestBackend('cpu');

  for (const name of Object.keys(expected.models)) {
    it(`opens ${name}: its parameters as Keras counts them, and the predictions of a NumPy forward pass of its weights (≤ 1e-5)`, async () => {
      const model = await importModelFiles(filesOf(name), EXPECT);
      expect(model.studyOnly).toBeNull();
      expect(inferShapes(model.spec, 10).totalParams).toBe(expected.models[name].params);
      expect(maxDiff(await probabilities(model), expected.models[name].probabilities)).toBeLessThanOrEqual(1e-5);
    });
  }

  it('reads what each file needs: a 28×28 input reshaped, 0–255 pixels for a model that rescales, a multi-output model up to its classifier', async () => {
    const reshape = await importModelFiles(filesOf('keras2_reshape.h5'), EXPECT);
    expect(reshape.spec.kerasInput).toEqual([28, 28]);
    expect(reshape.spec.layers.map((l) => l.type)).toEqual([
      'reshape', 'conv2d', 'batchNorm', 'activation', 'maxPool2d', 'zeroPadding2d', 'conv2d', 'relu', 'dropout', 'globalAvgPool2d', 'dense', 'dense',
    ]);
    expect(reshape.name).toBe('keras2_reshape');
    const rescaling = await importModelFiles(filesOf('keras3_rescaling.keras'), EXPECT);
    expect(rescaling.spec.layers.slice(0, 2).map((l) => l.type)).toEqual(['rescaling', 'random']);
    const multi = await importModelFiles(filesOf('tfjs_multi_output'), EXPECT);
    expect(english(multi.notes[0])).toBe('The model lists 4 outputs, as models saved for visualisers do; Convscope reads the classifier "classifier" and shows every layer on its way.');
  });

  it('writes each one back as .keras, .h5 and TensorFlow.js files that open with identical predictions', async () => {
    for (const name of Object.keys(expected.models)) {
      const model = await importModelFiles(filesOf(name), EXPECT);
      const built = buildModel(model.spec);
      writeWeights(built, model.weights!);
      for (const format of ['keras', 'h5', 'tfjs'] as const) {
        const files = await exportModelFiles(built, model.spec, 'back', format);
        const back = await importModelFiles(files, EXPECT);
        // TensorFlow.js has no SpatialDropout2D or random layers: its files hold what they are at inference.
        const expectedSpec = format !== 'tfjs' ? model.spec : {
          ...model.spec,
          layers: model.spec.layers.map((l) => (l.type === 'spatialDropout2d' ? { type: 'dropout' as const, rate: l.rate, ...(l.name ? { name: l.name } : {}) } : l.type === 'random' ? { type: 'activation' as const, activation: 'linear' as const, ...(l.name ? { name: l.name } : {}) } : l)),
        };
        expect(back.spec, `${name} as ${format}`).toEqual(expectedSpec);
        expect(back.weights, `${name} as ${format}`).toEqual(model.weights);
      }
      built.model.dispose();
    }
  });

  it('names the cause of each bad file', async () => {
    expect(await importError('bad_truncated.h5')).toMatch(/^bad_truncated\.h5 is truncated or damaged/);
    expect(await importError('bad_not_keras.h5')).toBe('bad_not_keras.h5 is an HDF5 file but not a Keras model: it has no "model_config" (Keras writes one with model.save(\'model.h5\'))');
    expect(await importError('bad_no_config.keras')).toMatch(/^bad_no_config\.keras has no config\.json, which a Keras \.keras file keeps its layers in \(it holds "metadata\.json", "model\.weights\.h5"\)/);
    expect(await importError('bad_shape.h5')).toBe('The weight "conv2d/kernel" has shape 5×5×1×8, but layer "conv2d" needs its kernel to be 3×3×1×8');
    expect(await importError('bad_missing_weight.h5')).toMatch(/^bad_missing_weight\.h5: layer "dense" lists a weight "dense\/bias:0" that the file does not hold/);
    expect(await importError('bad_lambda.h5')).toMatch(/\(Lambda\): a Lambda layer \(Python code, which cannot run in a browser\) is not supported/);
    expect(await importError('bad_lstm.h5')).toMatch(/\(LSTM\): an LSTM \(a recurrent layer, for sequences\) is not supported/);
    expect(await importError('bad_two_inputs.h5')).toMatch(/^The model has 2 inputs \(".+", ".+"\); Convscope reads models with one image input$/);
    expect(await importError('bad_text_input.h5')).toMatch(/^The model's input is int32 numbers \(word or token numbers, or labels\), not an image/);
  });
});
