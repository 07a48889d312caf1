import { describe, expect, it } from 'vitest';
import { READABLE_CLASSES } from './kerasLayerSpec';
import { specToTopology, topologyToSpec } from './layersTopology';
import { PRESETS } from '../presets';
import { kerasLayerNames } from './kerasNames';
import type { LayerSpec, ModelSpec } from '../types';
import { english, thrownWords } from '../../i18n/testing/words';

const SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'batchNorm' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'conv2d', filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' },
    { type: 'flatten' },
    { type: 'dropout', rate: 0.25 },
    { type: 'dense', units: 16, activation: 'relu' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

// Keras layers as tf.keras 2.15 serialises them, trimmed to what the reader looks at plus a few extras it must ignore.
const L = (class_name: string, config: Record<string, unknown>) => ({ class_name, config });
const input = (batch_input_shape: unknown = [null, 28, 28, 1]) =>
  L('InputLayer', { batch_input_shape, dtype: 'float32', sparse: false, ragged: false, name: 'conv2d_input' });
const conv = (name: string, extra: Record<string, unknown> = {}) => L('Conv2D', {
  name, trainable: true, dtype: 'float32', filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last',
  dilation_rate: [1, 1], groups: 1, activation: 'relu', use_bias: true, kernel_regularizer: null, ...extra,
});
const pool = (name: string) => L('MaxPooling2D', { name, pool_size: [2, 2], padding: 'valid', strides: [2, 2], data_format: 'channels_last' });
const flatten = L('Flatten', { name: 'flatten', data_format: 'channels_last' });
const dense = (name: string, units: number, activation: string, extra: Record<string, unknown> = {}) =>
  L('Dense', { name, units, activation, use_bias: true, ...extra });
const modelJson = (layers: unknown[]) => ({
  format: 'layers-model',
  generatedBy: 'keras v2.15.0',
  convertedBy: 'TensorFlow.js Converter v4.22.0',
  modelTopology: { keras_version: '2.15.0', backend: 'tensorflow', model_config: { class_name: 'Sequential', config: { name: 'sequential', layers } } },
});
const SMALL = [input(), conv('conv2d'), pool('max_pooling2d'), flatten, dense('dense', 10, 'softmax')];
const SMALL_SPEC: ModelSpec = {
  inputShape: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
const specOf = (json: unknown) => {
  const r = topologyToSpec(json);
  if ('error' in r) throw new Error(english(r.error));
  return r.spec;
};
/** A spec without the names its file gave the layers: for tests about structure. */
const unnamed = (spec: ModelSpec): ModelSpec => ({ ...spec, layers: spec.layers.map(({ name: _, ...l }) => l as LayerSpec) });
const errorOf = (json: unknown) => {
  const r = topologyToSpec(json);
  return 'error' in r ? english(r.error) : undefined;
};
/** SMALL with layer `i` replaced. */
const smallWith = (i: number, layer: unknown) => modelJson(SMALL.map((l, j) => (j === i ? layer : l)));

describe('specToTopology', () => {
  it('writes a Keras Sequential as tf.keras 2.15 does: an InputLayer first, Keras layer names, a softmax Dense at the end', () => {
    const { topology } = specToTopology(SPEC);
    expect(topology.class_name).toBe('Sequential');
    expect(topology.keras_version).toMatch(/^2\./);
    expect(topology.backend).toBe('tensorflow');
    expect(topology.config.name).toBe('convscope');
    const [inputLayer, ...layers] = topology.config.layers;
    expect(inputLayer).toEqual({ class_name: 'InputLayer', config: { batch_input_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, ragged: false, name: 'input_1' } });
    expect(layers.map((l) => [l.class_name, l.config.name])).toEqual([
      ['Conv2D', 'conv2d'], ['BatchNormalization', 'batch_normalization'], ['MaxPooling2D', 'max_pooling2d'], ['Conv2D', 'conv2d_1'],
      ['Flatten', 'flatten'], ['Dropout', 'dropout'], ['Dense', 'dense'], ['Dense', 'dense_1'],
    ]);
    expect(layers[0].config).toEqual({
      name: 'conv2d', trainable: true, dtype: 'float32',
      filters: 4, kernel_size: [3, 3], strides: [1, 1], padding: 'valid', data_format: 'channels_last', dilation_rate: [1, 1], groups: 1,
      activation: 'relu', use_bias: true,
      kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } }, bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null, bias_regularizer: null, activity_regularizer: null, kernel_constraint: null, bias_constraint: null,
    });
    expect(layers[3].config).toMatchObject({ strides: [2, 2], padding: 'same', activation: 'tanh' });
    expect(layers.some((l) => 'batch_input_shape' in l.config)).toBe(false);
    expect(layers[1].config).toMatchObject({ axis: -1, epsilon: 0.001, center: true, scale: true });
    expect(layers[2].config).toMatchObject({ pool_size: [2, 2], strides: [2, 2] });
    expect(layers[5].config).toMatchObject({ rate: 0.25 });
    expect(layers[7].config).toMatchObject({ units: 10, activation: 'softmax' });
  });

  it('lists the weights in getWeights() order: trainable ones layer by layer, then the moving statistics', () => {
    const { weightSpecs } = specToTopology(SPEC);
    expect(weightSpecs.map((w) => [w.name, w.shape])).toEqual([
      ['conv2d/kernel', [3, 3, 1, 4]], ['conv2d/bias', [4]],
      ['batch_normalization/gamma', [4]], ['batch_normalization/beta', [4]],
      ['conv2d_1/kernel', [3, 3, 4, 8]], ['conv2d_1/bias', [8]],
      ['dense/kernel', [7 * 7 * 8, 16]], ['dense/bias', [16]],
      ['dense_1/kernel', [16, 10]], ['dense_1/bias', [10]],
      ['batch_normalization/moving_mean', [4]], ['batch_normalization/moving_variance', [4]],
    ]);
    expect(weightSpecs.every((w) => w.dtype === 'float32')).toBe(true);
  });

  it('refuses a network that cannot be built', () => {
    expect(thrownWords(() => specToTopology({ ...SPEC, layers: SPEC.layers.slice(0, -1) }))).toMatch(/Cannot export this network: Layer 7/);
  });
});

describe('topologyToSpec', () => {
  it('reads back every preset, as a model.json, a bare topology or an h5-style model_config', () => {
    for (const { id, spec } of [...PRESETS, { id: 'spec', spec: SPEC }]) {
      const { topology, weightSpecs } = specToTopology(spec);
      const r = topologyToSpec({ format: 'layers-model', modelTopology: topology, weightsManifest: [] });
      expect(r, id).toEqual({ spec, weightNames: expect.any(Array), notes: [] });
      if ('spec' in r) expect(r.weightNames.map((w) => [`${w.layer}/${w.leaf}`, w.shape])).toEqual(weightSpecs.map((w) => [w.name, w.shape]));
      expect(specOf(topology), id).toEqual(spec);
      expect(specOf({ modelTopology: { model_config: topology, training_config: {} } }), id).toEqual(spec);
    }
  });

  it('numbers each weight within its layer, as Keras 3 names them', () => {
    const r = topologyToSpec(specToTopology(SPEC).topology);
    if ('error' in r) throw new Error(english(r.error));
    expect(r.weightNames.filter((w) => w.layer === 'batch_normalization').map((w) => [w.leaf, w.index]))
      .toEqual([['gamma', 0], ['beta', 1], ['moving_mean', 2], ['moving_variance', 3]]);
    expect(r.weightNames[0]).toEqual({ layer: 'conv2d', leaf: 'kernel', index: 0, shape: [3, 3, 1, 4] });
  });

  it('reads a converted Keras 2 Sequential: InputLayer, options as lists, BatchNormalization axis [3], keys it ignores', () => {
    const bn = L('BatchNormalization', { name: 'bn', axis: [3], momentum: 0.9, epsilon: 0.001, center: true, scale: true });
    const json = modelJson([input(), conv('conv2d', { kernel_initializer: { module: 'keras.initializers', class_name: 'GlorotUniform', config: { seed: null }, registered_name: null } }), bn, pool('max_pooling2d'), flatten, L('Dropout', { name: 'dropout', rate: 0.5, noise_shape: null, seed: null }), dense('dense', 10, 'softmax')]);
    const r = topologyToSpec(json);
    if ('error' in r) throw new Error(english(r.error));
    expect(r.spec.layers.map((l) => l.type)).toEqual(['conv2d', 'batchNorm', 'maxPool2d', 'flatten', 'dropout', 'dense']);
    expect(r.weightNames.map((w) => `${w.layer}/${w.leaf}`)).toEqual([
      'conv2d/kernel', 'conv2d/bias', 'bn/gamma', 'bn/beta', 'dense/kernel', 'dense/bias', 'bn/moving_mean', 'bn/moving_variance',
    ]);
    expect(r.weightNames[4].shape).toEqual([13 * 13 * 4, 10]);
  });

  it('reads old Keras, whose Sequential config is the bare list and whose first layer carries the input', () => {
    const layers = [conv('conv2d_1', { batch_input_shape: [null, 28, 28, 1] }), pool('max_pooling2d_1'), flatten, dense('dense_1', 10, 'softmax')];
    const spec = specOf({ modelTopology: { class_name: 'Sequential', config: layers } });
    expect(unnamed(spec)).toEqual(SMALL_SPEC);
    // Keras 1 numbered from 1: the names are kept, as its summary prints them.
    expect(kerasLayerNames(spec.layers)).toEqual(['conv2d_1', 'max_pooling2d_1', 'flatten', 'dense_1']);
  });

  it('keeps Activation, ReLU and Softmax as layers of their own, as the Keras summary lists them', () => {
    const json = modelJson([
      input(), conv('conv2d', { activation: 'linear' }), L('ReLU', { name: 're_lu', max_value: null, negative_slope: 0, threshold: 0 }),
      L('Activation', { name: 'activation', activation: 'tanh' }), pool('max_pooling2d'), flatten,
      dense('dense', 10, 'linear'), L('Activation', { name: 'activation_1', activation: 'softmax' }),
    ]);
    const [c, p, f] = SMALL_SPEC.layers;
    expect(unnamed(specOf(json)).layers).toEqual([
      { ...c, activation: 'linear' }, { type: 'relu' }, { type: 'activation', activation: 'tanh' }, p, f,
      { type: 'dense', units: 10, activation: 'linear' }, { type: 'activation', activation: 'softmax' },
    ]);
    const softmaxLayer = modelJson([...SMALL.slice(0, 4), dense('dense', 10, 'linear'), L('Softmax', { name: 'softmax', axis: -1 })]);
    expect(unnamed(specOf(softmaxLayer)).layers.slice(-2)).toEqual([{ type: 'dense', units: 10, activation: 'linear' }, { type: 'activation', activation: 'softmax' }]);
  });

  it('reads the layers of real MNIST models: Reshape at a 28×28 input, ZeroPadding2D, global pooling, Rescaling, no bias, noise and random layers', () => {
    const json = modelJson([
      input([null, 28, 28]),
      L('Reshape', { name: 'reshape', target_shape: [28, 28, 1] }),
      L('Rescaling', { name: 'rescaling', scale: 1 / 255, offset: 0 }),
      L('RandomRotation', { name: 'random_rotation', factor: 0.1, fill_mode: 'reflect', interpolation: 'bilinear', seed: null, fill_value: 0, trainable: true, dtype: 'float32' }),
      L('ZeroPadding2D', { name: 'zero_padding2d', padding: [[2, 2], [2, 2]], data_format: 'channels_last' }),
      conv('conv2d', { use_bias: false, activation: 'linear' }),
      L('SpatialDropout2D', { name: 'spatial_dropout2d', rate: 0.1, noise_shape: null, seed: null }),
      L('GlobalAveragePooling2D', { name: 'global_average_pooling2d', data_format: 'channels_last', keepdims: false }),
      L('GaussianNoise', { name: 'gaussian_noise', stddev: 0.2, seed: null }),
      L('GaussianDropout', { name: 'gaussian_dropout', rate: 0.1, seed: null }),
      dense('dense', 10, 'softmax', { use_bias: false }),
    ]);
    const r = topologyToSpec(json);
    if ('error' in r) throw new Error(english(r.error));
    expect(r.spec.inputShape).toEqual([28, 28, 1]);
    expect(r.spec.kerasInput).toEqual([28, 28]);
    expect(unnamed(r.spec).layers).toEqual([
      { type: 'reshape', targetShape: [28, 28, 1] },
      { type: 'rescaling', scale: 1 / 255, offset: 0 },
      { type: 'random', className: 'RandomRotation', config: { factor: 0.1, fill_mode: 'reflect', interpolation: 'bilinear', seed: null, fill_value: 0 } },
      { type: 'zeroPadding2d', padding: [2, 2, 2, 2] },
      { ...SMALL_SPEC.layers[0], activation: 'linear', useBias: false },
      { type: 'spatialDropout2d', rate: 0.1 },
      { type: 'globalAvgPool2d' },
      { type: 'gaussianNoise', stddev: 0.2 },
      { type: 'gaussianDropout', rate: 0.1 },
      { type: 'dense', units: 10, activation: 'softmax', useBias: false },
    ]);
    expect(r.weightNames.map((w) => `${w.layer}/${w.leaf}`)).toEqual(['conv2d/kernel', 'dense/kernel']);
    expect(r.weightNames[1].shape).toEqual([4, 10]);
    // The forms of ZeroPadding2D's padding Keras accepts.
    const pad = (padding: unknown) => unnamed(specOf(modelJson([input(), L('ZeroPadding2D', { name: 'z', padding }), ...SMALL.slice(1)]))).layers[0];
    expect(pad(2)).toEqual({ type: 'zeroPadding2d', padding: [2, 2, 2, 2] });
    expect(pad([1, 3])).toEqual({ type: 'zeroPadding2d', padding: [1, 1, 3, 3] });
    expect(pad([[0, 1], [2, 3]])).toEqual({ type: 'zeroPadding2d', padding: [0, 1, 2, 3] });
  });

  it('keeps the names a file gives its layers where they are not Keras\'s defaults, for the summary and the files written back', () => {
    const json = modelJson([input(), conv('conv2d'), pool('pool'), flatten, dense('classifier', 10, 'softmax')]);
    const spec = specOf(json);
    expect(spec.layers.map((l) => l.name)).toEqual([undefined, 'pool', undefined, 'classifier']);
    expect(kerasLayerNames(spec.layers)).toEqual(['conv2d', 'pool', 'flatten', 'classifier']);
    const { topology, weightSpecs } = specToTopology(spec);
    expect(topology.config.layers.map((l) => l.config.name)).toEqual(['input_1', 'conv2d', 'pool', 'flatten', 'classifier']);
    expect(weightSpecs.map((w) => w.name)).toEqual(['conv2d/kernel', 'conv2d/bias', 'classifier/kernel', 'classifier/bias']);
    expect(specOf(topology)).toEqual(spec);
  });

  it('reads a flat square input (MNIST as 784 numbers) as 28×28 images, and refuses other flat inputs', () => {
    const flat = modelJson([input([null, 784]), dense('dense', 10, 'softmax')]);
    const spec = specOf(flat);
    expect([spec.inputShape, spec.kerasInput]).toEqual([[28, 28, 1], [784]]);
    expect(errorOf(modelJson([input([null, 100 * 3]), dense('dense', 10, 'softmax')]))).toBe(
      'The model takes 300 numbers per example, which is not a square image (MNIST\'s flat input is 784 = 28×28); Convscope reads models whose input is an image',
    );
    const tokens = modelJson([{ ...input([null, 100]), config: { ...input([null, 100]).config, dtype: 'int32' } }, dense('dense', 10, 'softmax')]);
    expect(errorOf(tokens)).toBe('The model\'s input is int32 numbers (word or token numbers, or labels), not an image; Convscope reads models whose input is an image');
  });

  it('reads Keras 3: batch_shape, module and registered_name, dtype policies, and the build shape of a Sequential without InputLayer', () => {
    const policy = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' }, registered_name: null };
    const k3 = (l: { class_name: string; config: Record<string, unknown> }) => ({ module: 'keras.layers', ...l, config: { ...l.config, dtype: policy }, registered_name: null });
    const inputLayer = { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 28, 28, 1], dtype: 'float32', sparse: false, name: 'input_layer' }, registered_name: null };
    const layers = [inputLayer, ...SMALL.slice(1).map(k3)];
    const model = { module: 'keras', class_name: 'Sequential', config: { name: 'sequential', trainable: true, dtype: policy, layers }, registered_name: null };
    expect(specOf({ modelTopology: { keras_version: '3.10.0', backend: 'tensorflow', model_config: model } })).toEqual(SMALL_SPEC);
    const built = { ...model, config: { ...model.config, layers: layers.slice(1) }, build_config: { input_shape: [null, 28, 28, 1] } };
    expect(specOf({ modelTopology: built })).toEqual(SMALL_SPEC);
    expect(specOf({ modelTopology: { class_name: 'Sequential', config: { layers: layers.slice(1), build_input_shape: [null, 28, 28, 1] } } })).toEqual(SMALL_SPEC);
  });

  const functional = (layers: unknown[], extra: Record<string, unknown> = {}) =>
    ({ modelTopology: { class_name: 'Functional', config: { name: 'model', layers, input_layers: [['input_1', 0, 0]], output_layers: [['dense', 0, 0]], ...extra } } });
  const node = (l: { class_name: string; config: Record<string, unknown> }, ...from: string[]) =>
    ({ ...l, name: l.config.name, inbound_nodes: from.length ? [from.map((f) => [f, 0, 0, {}])] : [] });
  const INPUT_1 = { ...input(), config: { ...input().config, name: 'input_1' } };

  it('reads a functional model whose layers form one chain, in data-flow order (Keras 2 and Keras 3 node formats)', () => {
    const chain = [node(INPUT_1), node(dense('dense', 10, 'softmax'), 'flatten'), node(conv('conv2d'), 'input_1'), node(pool('max_pooling2d'), 'conv2d'), node(flatten, 'max_pooling2d')];
    expect(specOf(functional(chain))).toEqual(SMALL_SPEC);
    const k3 = chain.map((l) => ({
      ...l,
      inbound_nodes: l.inbound_nodes.map((call) => ({ args: call.map(([from]) => ({ class_name: '__keras_tensor__', config: { shape: [null], dtype: 'float32', keras_history: [from, 0, 0] } })), kwargs: {} })),
    }));
    expect(specOf({ modelTopology: { class_name: 'Functional', config: { layers: k3, input_layers: ['input_1', 0, 0], output_layers: ['dense', 0, 0] } } })).toEqual(SMALL_SPEC);
  });

  it('says why a functional model is not one chain', () => {
    const base = [node(INPUT_1), node(conv('conv2d'), 'input_1'), node(pool('max_pooling2d'), 'conv2d'), node(flatten, 'max_pooling2d'), node(dense('dense', 10, 'softmax'), 'flatten')];
    const add = node(L('Add', { name: 'add' }), 'conv2d', 'input_1');
    expect(errorOf(functional([...base.slice(0, 2), add, ...base.slice(2)]))).toBe(
      'Layer 3 "add" (Add) takes 2 inputs; Convscope reads models whose layers form one chain, each layer taking the output of the one before',
    );
    const stray = node(conv('conv2d_9'), 'input_1');
    expect(errorOf(functional([...base, stray]))).toMatch(/^Layer 6 "conv2d_9" \(Conv2D\) is not on the path from the input to the output; /);
    const shared = { ...base[1], inbound_nodes: [[['input_1', 0, 0, {}]], [['input_1', 0, 0, {}]]] };
    expect(errorOf(functional([base[0], shared, ...base.slice(2)]))).toMatch(/^Layer 2 "conv2d" \(Conv2D\) is applied 2 times \(a shared layer\)/);
    expect(errorOf(functional([...base, node({ ...INPUT_1, config: { ...INPUT_1.config, name: 'input_2' } })]))).toBe('The model has 2 inputs ("input_1", "input_2"); Convscope reads models with one image input');
  });

  it('reads a model that lists every layer as an output (as visualisers save them) up to its classifier, and says so', () => {
    const base = [node(INPUT_1), node(conv('conv2d'), 'input_1'), node(pool('max_pooling2d'), 'conv2d'), node(flatten, 'max_pooling2d'), node(dense('dense', 10, 'softmax'), 'flatten')];
    const outputs = [['conv2d', 0, 0], ['dense', 0, 0], ['max_pooling2d', 0, 0], ['flatten', 0, 0]];
    const r = topologyToSpec(functional(base, { output_layers: outputs }));
    if ('error' in r) throw new Error(english(r.error));
    expect(r.spec).toEqual(SMALL_SPEC);
    expect(r.notes.map(english)).toEqual(['The model lists 4 outputs, as models saved for visualisers do; Convscope reads the classifier "dense" and shows every layer on its way.']);
    // A side head that feeds only another output is left out, and named.
    const head = node(dense('aux', 3, 'relu'), 'flatten');
    const withHead = topologyToSpec(functional([...base, head], { output_layers: [['aux', 0, 0], ['dense', 0, 0]] }));
    expect('notes' in withHead && english(withHead.notes[1])).toBe('Left out: "aux", which only feed the other outputs.');
    expect(errorOf(functional(base, { output_layers: [['conv2d', 0, 0], ['flatten', 0, 0]] }))).toBe(
      'The model has 2 outputs and none of them ends in a classifier (Dense with softmax); Convscope reads models with one classifier output',
    );
  });

  it('names an unsupported layer by position, name and class, and lists what it reads', () => {
    expect(errorOf(smallWith(2, L('LSTM', { name: 'lstm', units: 8 })))).toBe(
      `Layer 3 "lstm" (LSTM): an LSTM (a recurrent layer, for sequences) is not supported; Convscope reads ${english(READABLE_CLASSES)}`,
    );
    expect(errorOf(smallWith(2, L('Lambda', { name: 'lambda', function: ['x'] })))).toMatch(/^Layer 3 "lambda" \(Lambda\): a Lambda layer \(Python code, which cannot run in a browser\) is not supported/);
    expect(errorOf(smallWith(2, L('Conv3D', { name: 'conv3d' })))).toMatch(/^Layer 3 "conv3d" \(Conv3D\): this kind of layer is not supported; Convscope reads InputLayer, Conv2D, /);
  });

  it('names each option it cannot represent', () => {
    const convWith = (extra: Record<string, unknown>) => errorOf(smallWith(1, conv('conv2d', extra)));
    expect(convWith({ dilation_rate: [2, 2] })).toBe('Layer 2 "conv2d" (Conv2D): dilation_rate [2, 2] is not supported; Convscope\'s Conv2D has dilation 1');
    expect(convWith({ kernel_size: [3, 5] })).toBe('Layer 2 "conv2d" (Conv2D): kernel_size [3, 5] is not square; Convscope needs the same size along height and width');
    expect(convWith({ strides: [1, 2] })).toBe('Layer 2 "conv2d" (Conv2D): strides [1, 2] is not square; Convscope needs the same size along height and width');
    expect(convWith({ data_format: 'channels_first' })).toBe('Layer 2 "conv2d" (Conv2D): data_format "channels_first" is not supported; Convscope reads channels_last models (height, width, channels)');
    expect(convWith({ activation: 'elu' })).toBe('Layer 2 "conv2d" (Conv2D): activation "elu" is not supported; Convscope has relu, sigmoid, tanh, softmax, linear');
    expect(convWith({ groups: 2 })).toBe('Layer 2 "conv2d" (Conv2D): groups 2 is not supported; Convscope\'s Conv2D has groups 1');
    expect(convWith({ padding: 'causal' })).toBe('Layer 2 "conv2d" (Conv2D): padding "causal" is not supported; Convscope has "valid" and "same"');
    expect(convWith({ filters: '4' })).toBe('Layer 2 "conv2d" (Conv2D): "filters" must be a number, got "4"');
    const bn = (extra: Record<string, unknown>) => errorOf(smallWith(2, L('BatchNormalization', { name: 'bn', axis: -1, ...extra })));
    expect(bn({ axis: 1 })).toBe('Layer 3 "bn" (BatchNormalization): axis 1 is not supported; Convscope works along the last axis (-1)');
    expect(bn({ scale: false })).toBe('Layer 3 "bn" (BatchNormalization): center and scale must both be true; Convscope\'s BatchNormalization learns both beta and gamma');
    expect(bn({ epsilon: 1e-5 })).toBe('Layer 3 "bn" (BatchNormalization): epsilon 0.00001 is not supported; Convscope\'s BatchNormalization uses 0.001, and another would change its predictions');
    expect(errorOf(smallWith(2, L('ReLU', { name: 're_lu', max_value: 6 })))).toMatch(/^Layer 3 "re_lu" \(ReLU\): only a plain ReLU is supported/);
  });

  it('needs the last layer to be Dense with softmax', () => {
    expect(errorOf(smallWith(4, dense('dense', 10, 'linear')))).toBe(
      'The last layer is Dense "dense" with activation linear; Convscope needs the output to be Dense with softmax (or a linear Dense then Activation("softmax")), one unit per class (a model trained with from_logits=True outputs logits: give its last Dense activation="softmax")',
    );
    expect(errorOf(modelJson(SMALL.slice(0, 4)))).toBe('The last layer is Flatten "flatten"; Convscope needs the output to be Dense with softmax (or a linear Dense then Activation("softmax")), one unit per class');
    expect(errorOf(modelJson([input()]))).toBe('The model has no layers that Convscope reads');
  });

  it('needs a fixed image input', () => {
    expect(errorOf(modelJson(SMALL.slice(1)))).toBe('The model does not say what input it takes (no InputLayer, and no batch_input_shape on its first layer)');
    expect(errorOf(smallWith(0, input([null, 784])))).toBe('Layer 2 "conv2d" (Conv2D): needs an H×W×C input but gets 784; put it before Flatten');
    expect(errorOf(smallWith(0, input([null, 1, 28, 28, 1])))).toBe('The model takes inputs of shape [null, 1, 28, 28, 1]; Convscope reads image models, whose input is [batch, height, width, channels]');
    expect(errorOf(smallWith(0, input([null, null, null, 3])))).toBe('The model\'s input [null, null, null, 3] leaves its height, width or channels open; Convscope needs them fixed');
    expect(errorOf(smallWith(0, input([null, 2048, 28, 1])))).toBe('Input height must be a whole number from 1 to 1024, got 2048');
    expect(errorOf(modelJson([...SMALL.slice(1, 2), input(), ...SMALL.slice(2)]))).toBe('Layer 2 "conv2d_input" (InputLayer) comes after other layers; Convscope reads one input, first');
  });

  it('reports a layer that does not fit its input by its Keras name', () => {
    expect(errorOf(smallWith(0, input([null, 2, 2, 1])))).toMatch(/^Layer 2 "conv2d" \(Conv2D\): kernel 3×3 is larger than its 2×2 input/);
  });

  it('tells other files from a Layers model', () => {
    expect(errorOf({ format: 'graph-model', modelTopology: { node: [] }, weightsManifest: [] })).toBe(
      'This is a graph model; Convscope reads Layers models (from tensorflowjs_converter --input_format=keras, or model.save in TensorFlow.js)',
    );
    expect(errorOf({ modelTopology: { node: [], library: {}, versions: {} } })).toMatch(/^This is a graph model; /);
    expect(errorOf([{ paths: ['group1-shard1of1.bin'], weights: [] }])).toBe('This JSON is a list (a weights manifest?), not a model.json: select the model.json file');
    expect(errorOf('hello')).toBe('A model.json holds a JSON object, got "hello"');
    expect(errorOf({ format: 'convscope-architecture', version: 1 })).toBe('This is a Convscope architecture file, not a model: import it as an architecture');
    expect(errorOf({ format: 'onnx', modelTopology: {} })).toBe('"format" is "onnx"; Convscope reads TensorFlow.js Layers models ("layers-model")');
    expect(errorOf({ foo: 1 })).toBe('No "modelTopology": this JSON is not a TensorFlow.js model.json');
    expect(errorOf({ modelTopology: null })).toBe('"modelTopology" is null (the file holds weights only); Convscope needs the layers too');
    expect(errorOf({ modelTopology: { keras_version: '2.15.0' } })).toBe('The model topology has no "class_name": it is not a Keras or TensorFlow.js Layers model');
    expect(errorOf({ modelTopology: { class_name: 'Bidirectional', config: {} } })).toBe('The model is a "Bidirectional"; Convscope reads Sequential models, and functional models whose layers form one chain');
  });
});
