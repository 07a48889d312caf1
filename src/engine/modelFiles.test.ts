import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { specToTopology } from '../model/keras/layersTopology';
import type { LayerSpec, ModelSpec } from '../model/types';
import { buildModel, type BuiltModel } from './buildModel';
import { exportModelFiles, importModelFiles, ModelFileError } from './modelFiles';
import { readWeights, writeWeights } from './modelWeights';
import { randomValues } from './testing/randomValues';
import { TINY_SPEC } from '../model/testing/tinySpec';
import { EVERY_LAYER_SPEC } from '../model/testing/everyLayerSpec';
import { useTestBackend } from './testing/useTestBackend';
import { english } from '../i18n/testing/words';

const EXPECT = { inputShape: [28, 28, 1] as const, classes: 10 };

const BN_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'batchNorm' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.25 },
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'batchNorm' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
/** What the fixtures (a Keras Sequential with a linear Conv2D and an Activation layer) read as. */
const FIXTURE_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [...BN_SPEC.layers.slice(0, 3), { ...BN_SPEC.layers[3], activation: 'linear' } as LayerSpec, { type: 'activation', activation: 'relu' }, ...BN_SPEC.layers.slice(4, 7), BN_SPEC.layers[8]],
};

type Weight = { name: string; shape: number[]; dtype: string; quantization?: Record<string, unknown> };
type ModelJson = { modelTopology: Record<string, unknown>; weightsManifest: { paths: string[]; weights: Weight[] }[] };
const fixture = (name: string): ModelJson => JSON.parse(readFileSync(new URL(`./testing/fixtures/${name}`, import.meta.url), 'utf8'));
const file = (name: string, data: ArrayBuffer | string | object) => ({
  name,
  data: data instanceof ArrayBuffer ? data : new TextEncoder().encode(typeof data === 'string' ? data : JSON.stringify(data)).buffer,
});
const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const join = (parts: readonly Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((o, p) => (out.set(p, o), o + p.length), 0);
  return out;
};
const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

/** Reproducible values for a weight, chosen by its layer and leaf (so a prefix or an order does not change them); variances positive. */
function valuesFor(name: string, shape: readonly number[]): Float32Array {
  const key = name.replace(/:\d+$/, '').split('/').slice(-2).join('/');
  const seed = [...key].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const v = randomValues(size(shape), seed);
  return key.endsWith('moving_variance') ? v.map((x) => Math.abs(x) + 0.5) : v.map((x) => x * 0.3);
}
/** The weights file for a manifest group, float32 in manifest order. */
const weightsFile = (weights: readonly Weight[]) => join(weights.map((w) => valuesFor(w.name, w.shape))).buffer;

function randomize(built: BuiltModel, spec: ModelSpec): void {
  const names = specToTopology(spec).weightSpecs.map((w) => w.name);
  writeWeights(built, built.model.getWeights().map((w, i) => valuesFor(names[i], w.shape)));
}
async function predict(model: tf.LayersModel, seed = 9): Promise<Float32Array> {
  const x = tf.tensor4d(randomValues(3 * 28 * 28, seed).map((v) => v * 0.5 + 0.5), [3, 28, 28, 1]);
  const y = model.predict(x) as tf.Tensor;
  const values = (await y.data()) as Float32Array;
  tf.dispose([x, y]);
  return values;
}
async function importError(files: { name: string; data: ArrayBuffer }[], expect = EXPECT): Promise<string> {
  try {
    await importModelFiles(files, expect);
  } catch (e) {
    if (e instanceof ModelFileError) return english(e.detail);
    throw e;
  }
  throw new Error('importModelFiles did not throw');
}

describe('exportModelFiles', () => {
  useTestBackend('cpu');

  for (const [label, spec] of [['a tiny convnet', TINY_SPEC], ['one with BatchNormalization and Dropout', BN_SPEC]] as const) {
    it(`writes ${label} so that tf.loadLayersModel loads it and predicts the same, and importModelFiles reads it back`, async () => {
      const built = buildModel(spec, 3);
      randomize(built, spec);
      const tensors = tf.memory().numTensors;
      const [jsonFile, weightsFile] = await exportModelFiles(built, spec, 'model', 'tfjs');
      expect(tf.memory().numTensors).toBe(tensors);
      const json = JSON.parse(new TextDecoder().decode(jsonFile.data));
      expect(jsonFile.name).toBe('model.json');
      expect(json).toMatchObject({ format: 'layers-model', convertedBy: null, weightsManifest: [{ paths: [weightsFile.name] }] });
      expect(json.generatedBy).toMatch(/^Convscope with TensorFlow\.js tfjs-layers v4\./);
      expect(weightsFile.name).toBe('model.weights.bin');
      const params = built.model.getWeights().reduce((n, w) => n + w.size, 0);
      expect(weightsFile.data.byteLength).toBe(4 * params);

      const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: weightsFile.data }));
      expect(loaded.layers.at(-1)?.getConfig()).toMatchObject({ units: 10, activation: 'softmax' });
      expect(maxAbsDiff(await predict(loaded), await predict(built.model))).toBeLessThanOrEqual(1e-6);

      const back = await importModelFiles([jsonFile, weightsFile], EXPECT);
      expect(back.spec).toEqual(spec);
      expect(back.studyOnly).toBeNull();
      expect(back.weights).toEqual(await readWeights(built));
      loaded.dispose();
      built.model.dispose();
    });
  }
});

describe('exportModelFiles for TensorFlow.js, every layer type', () => {
  useTestBackend('cpu');

  it('writes files tf.loadLayersModel loads, SpatialDropout2D and the random layers as what they are at inference, predicting the same', async () => {
    const built = buildModel(EVERY_LAYER_SPEC, 3);
    const [jsonFile, weightsFile] = await exportModelFiles(built, EVERY_LAYER_SPEC, 'model', 'tfjs');
    const json = JSON.parse(new TextDecoder().decode(jsonFile.data));
    const classes = json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name);
    expect(classes).not.toContain('SpatialDropout2D');
    expect(classes).not.toContain('RandomRotation');
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: weightsFile.data }));
    // tfjs reads the declared (28, 28) input: feed it so; Convscope's own model scales 0–1 pixels to 0–255 before its Rescaling.
    const pixels = randomValues(3 * 28 * 28, 4).map((v) => v * 0.5 + 0.5);
    const raw = tf.tensor3d(pixels.map((v) => v * 255), [3, 28, 28]);
    const mine = tf.tensor4d(pixels, [3, 28, 28, 1]);
    const a = loaded.predict(raw) as tf.Tensor;
    const b = built.model.predict(mine) as tf.Tensor;
    expect(maxAbsDiff(await a.data(), await b.data())).toBeLessThanOrEqual(1e-5);
    tf.dispose([raw, mine, a, b]);
    loaded.dispose();
    built.model.dispose();
  });
});

describe('importModelFiles', () => {
  useTestBackend('cpu');
  const keras2 = fixture('kerasConverted.model.json');
  const keras2Files = (json: ModelJson = keras2) => [file('model.json', json), file('group1-shard1of1.bin', weightsFile(json.weightsManifest[0].weights))];
  /** The Keras 2 fixture with its manifest weights changed. */
  const withWeights = (edit: (weights: Weight[]) => Weight[]): ModelJson => ({ ...keras2, weightsManifest: [{ ...keras2.weightsManifest[0], weights: edit(keras2.weightsManifest[0].weights) }] });

  it('reads what tensorflowjs_converter writes from a Keras 2 h5, weights found by name in its alphabetical order', async () => {
    const { spec, weights, studyOnly } = await importModelFiles(keras2Files(), EXPECT);
    expect(spec).toEqual(FIXTURE_SPEC);
    expect(studyOnly).toBeNull();
    expect(weights?.[0]).toEqual(valuesFor('conv2d/kernel', [3, 3, 1, 4]));
    expect(weights?.[2]).toEqual(valuesFor('batch_normalization/gamma', [4]));
    expect(weights?.at(-1)).toEqual(valuesFor('batch_normalization/moving_variance', [4]));

    const built = buildModel(spec);
    writeWeights(built, weights!);
    const manifest = keras2.weightsManifest[0];
    const reference = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: keras2.modelTopology, weightSpecs: manifest.weights as tf.io.WeightsManifestEntry[], weightData: weightsFile(manifest.weights) }));
    expect(maxAbsDiff(await predict(built.model), await predict(reference))).toBeLessThanOrEqual(1e-6);
    reference.dispose();
    built.model.dispose();
  });

  it('reads what tfjs model.save writes: tfjs layer names, a Softmax layer after the last Dense, "./" paths', async () => {
    const built = buildModel(BN_SPEC, 4);
    randomize(built, BN_SPEC);
    let saved: tf.io.ModelArtifacts | undefined;
    await built.model.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }));
    if (!saved || !(saved.weightData instanceof ArrayBuffer)) throw new Error('model.save gave no single weights buffer');
    const { modelTopology, format, generatedBy, convertedBy, weightSpecs } = saved;
    expect(JSON.stringify(modelTopology)).toContain('"class_name":"Softmax"');
    const json = { modelTopology, format, generatedBy, convertedBy, weightsManifest: [{ paths: ['./model.weights.bin'], weights: weightSpecs }] };
    const r = await importModelFiles([file('model.json', json), file('model.weights.bin', saved.weightData)], EXPECT);
    // tfjs saved the softmax buildModel splits off as a layer of its own: it reads back as one, as Keras's summary would list it.
    expect({ ...r.spec, layers: r.spec.layers.map(({ name: _, ...l }) => l) }).toEqual({ ...BN_SPEC, layers: [...BN_SPEC.layers.slice(0, -1), { ...BN_SPEC.layers.at(-1), activation: 'linear' }, { type: 'activation', activation: 'softmax' }] });
    expect(r.weights).toEqual(await readWeights(built));
    built.model.dispose();
  });

  it('reads a Keras 3 conversion (batch_shape, module and registered_name, dtype policies, prefixed weight names) the same', async () => {
    const keras3 = fixture('keras3Converted.model.json');
    const fromKeras3 = await importModelFiles(keras2Files(keras3), EXPECT);
    expect(fromKeras3).toEqual(await importModelFiles(keras2Files(), EXPECT));
  });

  it('joins shards and groups in manifest order, and finds :0-suffixed and Keras 3 numbered names', async () => {
    const all = keras2.weightsManifest[0].weights;
    const renamed = all.map((w, i) => ({ ...w, name: i % 2 ? `${w.name}:0` : w.name.replace(/\/(kernel|gamma)$/, '/0') }));
    const [first, second] = [renamed.slice(0, 5), renamed.slice(5)];
    const bytes = new Uint8Array(weightsFile(all));
    const cut = 4 * first.reduce((n, w) => n + size(w.shape), 0);
    const secondBytes = bytes.slice(cut);
    const json = { ...keras2, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: first }, { paths: ['group2-shard1of2.bin', 'group2-shard2of2.bin'], weights: second }] };
    const files = [
      file('model.json', json), file('group1-shard1of1.bin', bytes.slice(0, cut).buffer),
      file('group2-shard2of2.bin', secondBytes.slice(1000).buffer), file('group2-shard1of2.bin', secondBytes.slice(0, 1000).buffer),
    ];
    expect(await importModelFiles(files, EXPECT)).toEqual(await importModelFiles(keras2Files(), EXPECT));
  });

  it('dequantizes uint8 and uint16 weights and widens float16 ones exactly as tfjs does', async () => {
    const weights = keras2.weightsManifest[0].weights;
    const kinds = ['uint8', 'uint16', 'float16'] as const;
    const stored = weights.map((w, i) => {
      const kind = kinds[i % 3];
      const r = randomValues(size(w.shape), 100 + i).map((v) => (v + 1) / 2);
      if (kind === 'uint8') return { entry: { ...w, quantization: { dtype: kind, scale: 0.01, min: -1.2, original_dtype: 'float32' } }, data: Uint8Array.from(r, (v) => v * 255) };
      if (kind === 'uint16') return { entry: { ...w, quantization: { dtype: kind, scale: 2e-5, min: 0.1, original_dtype: 'float32' } }, data: Uint16Array.from(r, (v) => v * 65535) };
      // Random half-precision bits with a finite exponent.
      const halves = Uint16Array.from(r, (v) => { const bits = Math.floor(v * 65536); return ((bits >> 10) & 0x1f) === 0x1f ? bits ^ 0x4000 : bits; });
      return { entry: { ...w, quantization: { dtype: kind } }, data: halves };
    });
    const bytes = new Uint8Array(stored.reduce((n, s) => n + s.data.byteLength, 0));
    stored.reduce((o, s) => (bytes.set(new Uint8Array(s.data.buffer), o), o + s.data.byteLength), 0);
    const json = withWeights(() => stored.map((s) => s.entry));
    const { weights: got } = await importModelFiles([file('model.json', json), file('group1-shard1of1.bin', bytes.buffer)], EXPECT);
    const tfjs = tf.io.decodeWeights(bytes.buffer, json.weightsManifest[0].weights as tf.io.WeightsManifestEntry[]);
    const byName = Object.fromEntries(Object.entries(tfjs).map(([name, t]) => [name, t.dataSync() as Float32Array]));
    const order = specToTopology(FIXTURE_SPEC).weightSpecs.map((w) => w.name);
    expect(got).toEqual(order.map((name) => byName[name]));
    tf.dispose(Object.values(tfjs));
  });

  it('returns a model for another input or class count for study, without its weights', async () => {
    const layers = (keras2.modelTopology.model_config as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } }).config.layers;
    const resized = layers.map((l, i) => {
      if (i === 0) return { ...l, config: { ...l.config, batch_input_shape: [null, 32, 32, 3] } };
      return l.config.name === 'dense_1' ? { ...l, config: { ...l.config, units: 100 } } : l;
    });
    const json = { ...keras2, modelTopology: { ...keras2.modelTopology, model_config: { class_name: 'Sequential', config: { name: 'sequential', layers: resized } } } };
    const r = await importModelFiles([file('model.json', json)], EXPECT);
    expect(r.spec.inputShape).toEqual([32, 32, 3]);
    expect(r.weights).toBeNull();
    expect(english(r.studyOnly)).toBe("This model takes 32×32×3 images and has 100 classes; Convscope's datasets are 28×28×1 with 10 classes: it is shown for study only, as the classic networks are.");
  });

  it('says which file is missing or not a model', async () => {
    const select = 'select model.json together with its weight files (group1-shard1of1.bin, or group1-shard1of1 without an extension)';
    const open = 'open a Keras .h5 or .keras file, or a TensorFlow.js model.json with its weight files';
    expect(await importError([])).toBe(`No files were selected: ${open}`);
    expect(await importError([file('weights.bin', new ArrayBuffer(8)), file('notes.txt', 'hi')])).toBe(`"weights.bin", "notes.txt": no model file among them; ${open}`);
    expect(await importError([file('a.json', '{}'), file('notes.txt', 'hi'), file('b.JSON', '{}')])).toBe(`No model.json among the selected files ("a.json", "notes.txt", "b.JSON"): ${select}`);
    expect(await importError([file('model.json', '{"format": "layers-model",')])).toMatch(/^model\.json is not valid JSON \(/);
    expect(await importError([file('model.json', { format: 'graph-model', modelTopology: { node: [] }, weightsManifest: [] })])).toMatch(/^This is a graph model; Convscope reads Layers models/);
    expect(await importError([file('model.json', keras2)])).toBe(`The weights file "group1-shard1of1.bin" named in model.json was not selected: ${select}`);
    const sharded = { ...keras2, weightsManifest: [{ ...keras2.weightsManifest[0], paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'] }] };
    expect(await importError([file('model.json', sharded)])).toBe(`The weights files "group1-shard1of2.bin", "group1-shard2of2.bin" named in model.json were not selected: ${select}`);
    const { modelTopology } = keras2;
    expect(await importError([file('model.json', { modelTopology })])).toBe('model.json has no "weightsManifest" list, so it holds no weights');
  });

  it('names an unsupported layer from the topology', async () => {
    const config = keras2.modelTopology.model_config as { config: { layers: unknown[] } };
    const layers = config.config.layers.map((l, i) => (i === 2 ? { class_name: 'LSTM', config: { name: 'lstm' } } : l));
    const json = { ...keras2, modelTopology: { ...keras2.modelTopology, model_config: { ...config, config: { ...config.config, layers } } } };
    expect(await importError([file('model.json', json)])).toMatch(/^Layer 3 "lstm" \(LSTM\): an LSTM \(a recurrent layer, for sequences\) is not supported; Convscope reads InputLayer, Conv2D, /);
  });

  it('says when a weights file is truncated or too long', async () => {
    const [json, bin] = keras2Files();
    expect(await importError([json, file(bin.name, bin.data.slice(0, -4))])).toBe(
      'The weights in "group1-shard1of1.bin" are 88,676 bytes, but model.json describes 88,680: the file is truncated, or belongs to another model',
    );
    const longer = new Uint8Array(bin.data.byteLength + 4);
    longer.set(new Uint8Array(bin.data));
    expect(await importError([json, file(bin.name, longer.buffer)])).toBe('The weights in "group1-shard1of1.bin" are 88,684 bytes, but model.json describes 88,680: the file is from another model');
  });

  it('says which weight is missing, of the wrong shape or stored in a way it cannot read', async () => {
    expect(await importError(keras2Files(withWeights((ws) => ws.filter((w) => w.name !== 'dense/bias'))))).toBe('model.json holds no weight for layer "dense" (its bias, shape 16)');
    expect(await importError(keras2Files(withWeights((ws) => ws.map((w) => (w.name === 'dense_1/bias' ? { ...w, shape: [11] } : w)))))).toBe(
      'The weight "dense_1/bias" has shape 11, but layer "dense_1" needs its bias to be 10',
    );
    expect(await importError(keras2Files(withWeights((ws) => ws.map((w) => (w.name === 'conv2d/bias' ? { ...w, dtype: 'int32' } : w)))))).toBe(
      'The weight "conv2d/bias" has dtype int32; Convscope reads float32 weights, plain or quantized to uint8, uint16 or float16',
    );
    expect(await importError(keras2Files(withWeights((ws) => [{ name: 'vocabulary', shape: [2], dtype: 'string' }, ...ws])))).toBe(
      'The weight "vocabulary" is stored as string; Convscope reads float32 weights, plain or quantized to uint8, uint16 or float16',
    );
    const unscaled = withWeights((ws) => ws.map((w) => (w.name === 'conv2d/kernel' ? { ...w, quantization: { dtype: 'uint8' } } : w)));
    expect(await importError([file('model.json', unscaled), file('group1-shard1of1.bin', new ArrayBuffer(88_680 - 36 * 3))])).toBe(
      'The weight "conv2d/kernel" is quantized to uint8 without a numeric "scale" and "min"',
    );
  });
});
