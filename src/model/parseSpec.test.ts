import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import { parseSpec } from './parseSpec';
import { PRESETS } from './presets';

const dense10 = { type: 'dense', units: 10, activation: 'softmax' };
const withLayers = (...layers: unknown[]) => ({ inputShape: [28, 28, 1], layers });
const errorOf = (raw: unknown) => {
  const r = parseSpec(raw);
  return 'error' in r ? wordMessage(r.error) : undefined;
};

describe('parseSpec', () => {
  it('accepts every preset unchanged, bare or wrapped', () => {
    for (const p of PRESETS) {
      expect(parseSpec(p.spec), p.id).toEqual({ spec: p.spec });
      expect(parseSpec({ format: 'convscope-architecture', version: 1, ...p.spec }), p.id).toEqual({ spec: p.spec });
    }
  });

  it('fills omitted fields with Keras defaults, in the type field order', () => {
    const r = parseSpec(withLayers(
      { kernelSize: 3, type: 'conv2d', filters: 8 },
      { type: 'maxPool2d' },
      { type: 'avgPool2d', poolSize: 3 },
      { type: 'flatten' },
      { type: 'dense', units: 10 },
      { type: 'dropout', rate: 0.5 },
      { type: 'batchNorm' },
    ));
    expect(r).toEqual({
      spec: {
        inputShape: [28, 28, 1],
        layers: [
          { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'linear' },
          { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
          { type: 'avgPool2d', poolSize: 3, strides: 3, padding: 'valid' },
          { type: 'flatten' },
          { type: 'dense', units: 10, activation: 'linear' },
          { type: 'dropout', rate: 0.5 },
          { type: 'batchNorm' },
        ],
      },
    });
    if ('spec' in r) expect(Object.keys(r.spec.layers[0])).toEqual(['type', 'filters', 'kernelSize', 'strides', 'padding', 'activation']);
  });

  it('returns fresh objects', () => {
    const layer = { type: 'dense', units: 10, activation: 'softmax' };
    const shape = [28, 28, 1];
    const r = parseSpec({ inputShape: shape, layers: [layer] });
    if (!('spec' in r)) throw new Error(wordMessage(r.error));
    expect(r.spec.layers[0]).not.toBe(layer);
    expect(r.spec.inputShape).not.toBe(shape);
  });

  it('lets impossible but well-formed layers through for the editor to flag', () => {
    const r = parseSpec(withLayers({ type: 'conv2d', filters: 0, kernelSize: 99 }, { type: 'dropout', rate: 2 }));
    expect('spec' in r).toBe(true);
  });

  it('checks the wrapper', () => {
    expect(errorOf({ format: 'keras', version: 1, ...withLayers() })).toBe('"format" must be "convscope-architecture", got "keras"');
    expect(errorOf({ format: 'convscope-architecture', ...withLayers() })).toBe('"version" must be 1, got nothing');
    expect(errorOf({ format: 'convscope-architecture', version: 2, ...withLayers() })).toBe('"version" must be 1, got 2');
    expect(errorOf({ version: '1', ...withLayers() })).toBe('"version" must be 1, got "1"');
    expect(errorOf([1, 2])).toBe('An architecture must be an object with "inputShape" and "layers", got a list');
    expect(errorOf(null)).toBe('An architecture must be an object with "inputShape" and "layers", got null');
  });

  it('checks the input shape', () => {
    expect(errorOf({ layers: [] })).toBe('Missing "inputShape" (e.g. [28, 28, 1])');
    expect(errorOf({ inputShape: [28, 28], layers: [] })).toBe('"inputShape" must be [height, width, channels], got a list');
    expect(errorOf({ inputShape: '28x28x1', layers: [] })).toBe('"inputShape" must be [height, width, channels], got "28x28x1"');
    expect(errorOf({ inputShape: [0, 28, 1], layers: [] })).toBe('Input height must be a whole number from 1 to 1024, got 0');
    expect(errorOf({ inputShape: [28, 1025, 1], layers: [] })).toBe('Input width must be a whole number from 1 to 1024, got 1025');
    expect(errorOf({ inputShape: [28, 28, 1.5], layers: [] })).toBe('Input channels must be a whole number from 1 to 64, got 1.5');
    expect(errorOf({ inputShape: [28, 28, 65], layers: [] })).toBe('Input channels must be a whole number from 1 to 64, got 65');
    expect(errorOf({ inputShape: [28, '28', 1], layers: [] })).toBe('Input width must be a whole number from 1 to 1024, got "28"');
    expect(errorOf({ inputShape: [1024, 1024, 64], layers: [] })).toBeUndefined();
  });

  it('checks the layer list', () => {
    expect(errorOf({ inputShape: [28, 28, 1] })).toBe('"layers" must be a list of layers');
    expect(errorOf({ inputShape: [28, 28, 1], layers: { 0: dense10 } })).toBe('"layers" must be a list of layers');
    expect(errorOf(withLayers(...Array(101).fill({ type: 'flatten' })))).toBe('The network has 101 layers; at most 100 are allowed');
    expect(errorOf(withLayers(...Array(100).fill({ type: 'flatten' })))).toBeUndefined();
    expect(errorOf(withLayers())).toBeUndefined();
  });

  it('names the layer, the field and the value', () => {
    expect(errorOf(withLayers(dense10, dense10, { type: 'conv3d' }))).toBe(
      'Layer 3: unknown layer type "conv3d" (expected one of conv2d, maxPool2d, avgPool2d, flatten, dense, dropout, batchNorm, reshape, '
        + 'zeroPadding2d, activation, relu, globalAvgPool2d, globalMaxPool2d, rescaling, spatialDropout2d, gaussianNoise, gaussianDropout, random)',
    );
    expect(errorOf(withLayers({ units: 10 }))).toBe(
      'Layer 1: missing "type" (expected one of conv2d, maxPool2d, avgPool2d, flatten, dense, dropout, batchNorm, reshape, '
        + 'zeroPadding2d, activation, relu, globalAvgPool2d, globalMaxPool2d, rescaling, spatialDropout2d, gaussianNoise, gaussianDropout, random)',
    );
    expect(errorOf(withLayers('dense'))).toBe('Layer 1: must be an object with a "type", got "dense"');
    expect(errorOf(withLayers(dense10, { type: 'conv2d', filters: '64', kernelSize: 3 }))).toBe(
      'Layer 2 (conv2d): "filters" must be a number, got "64"',
    );
    expect(errorOf(withLayers({ type: 'conv2d', filters: 64 }))).toBe('Layer 1 (conv2d): missing "kernelSize"');
    expect(errorOf(withLayers({ type: 'dense', unit: 10 }))).toBe('Layer 1 (dense): unknown field "unit"');
    expect(errorOf(withLayers({ type: 'conv2d', filters: 8, kernel: 3 }))).toBe('Layer 1 (conv2d): unknown field "kernel"');
    expect(errorOf(withLayers({ type: 'flatten', units: 3 }))).toBe('Layer 1 (flatten): unknown field "units"');
    expect(errorOf(withLayers({ type: 'maxPool2d', padding: 'SAME' }))).toBe(
      'Layer 1 (maxPool2d): "padding" must be "valid" or "same", got "SAME"',
    );
    expect(errorOf(withLayers({ type: 'dense', units: 10, activation: 'gelu' }))).toBe(
      'Layer 1 (dense): "activation" must be one of relu, sigmoid, tanh, softmax, linear, got "gelu"',
    );
    expect(errorOf(withLayers({ type: 'dropout', rate: Number.NaN }))).toBe('Layer 1 (dropout): "rate" must be a number, got NaN');
    expect(errorOf(withLayers({ type: 'dropout', rate: null }))).toBe('Layer 1 (dropout): "rate" must be a number, got null');
    expect(errorOf(withLayers({ type: 'dense', units: [10] }))).toBe('Layer 1 (dense): "units" must be a number, got a list');
  });

  it('rejects a __proto__ key from JSON as an unknown field', () => {
    expect(errorOf(JSON.parse('{"inputShape":[28,28,1],"layers":[{"type":"flatten","__proto__":{"x":1}}]}'))).toBe(
      'Layer 1 (flatten): unknown field "__proto__"',
    );
  });
});
