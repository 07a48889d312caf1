import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import { decodeArch, encodeArch, encodeInput, encodeInputShape, toSearch } from './archParam';
import { PRESETS, SEED_002_SPEC } from './presets';
import { EVERY_LAYER_SPEC } from './testing/everyLayerSpec';
import type { ModelSpec } from './types';

const errorOf = (text: string, input?: string | null) => {
  const r = decodeArch(text, input);
  return 'error' in r ? wordMessage(r.error) : undefined;
};

describe('encodeArch', () => {
  it('writes every argument of every layer', () => {
    expect(encodeArch(SEED_002_SPEC)).toBe(
      'conv(64,3,1,valid,relu)-maxpool(2,2,valid)-conv(64,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(128,relu)-dense(10,softmax)',
    );
    const spec: ModelSpec = {
      inputShape: [28, 28, 1],
      layers: [{ type: 'avgPool2d', poolSize: 3, strides: 2, padding: 'same' }, { type: 'batchNorm' }, { type: 'dropout', rate: 0.25 }],
    };
    expect(encodeArch(spec)).toBe('avgpool(3,2,same)-batchnorm-dropout(0.25)');
    expect(encodeInputShape([227, 227, 3])).toBe('227x227x3');
  });
});

describe('decodeArch', () => {
  it('round-trips every preset', () => {
    for (const p of PRESETS) {
      expect(decodeArch(encodeArch(p.spec), encodeInputShape(p.spec.inputShape)), p.id).toEqual({ spec: p.spec });
    }
  });

  it('fills omitted trailing arguments with Keras defaults and defaults the input to 28x28x1', () => {
    expect(decodeArch('conv(8,5)-maxpool-avgpool(3)-flatten()-dense(10)-dropout(0.5)-batchnorm')).toEqual({
      spec: {
        inputShape: [28, 28, 1],
        layers: [
          { type: 'conv2d', filters: 8, kernelSize: 5, strides: 1, padding: 'valid', activation: 'linear' },
          { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
          { type: 'avgPool2d', poolSize: 3, strides: 3, padding: 'valid' },
          { type: 'flatten' },
          { type: 'dense', units: 10, activation: 'linear' },
          { type: 'dropout', rate: 0.5 },
          { type: 'batchNorm' },
        ],
      },
    });
  });

  it('reads the input shape and keeps a minus inside an argument', () => {
    expect(decodeArch('dropout(1e-7)-flatten', '32×32x3')).toEqual({
      spec: { inputShape: [32, 32, 3], layers: [{ type: 'dropout', rate: 1e-7 }, { type: 'flatten' }] },
    });
    expect(decodeArch('', null)).toEqual({ spec: { inputShape: [28, 28, 1], layers: [] } });
  });

  it('names the layer and the token', () => {
    expect(errorOf('flatten-dense(10)-dense(abc,relu)')).toBe('Layer 3 "dense(abc,relu)": units "abc" is not a number');
    expect(errorOf('flatten-conv3d(1)')).toBe('Layer 2 "conv3d(1)": unknown layer "conv3d"');
    expect(errorOf('conv(64')).toBe('Layer 1 "conv(64": expected a layer like dense(128,relu)');
    expect(errorOf('flatten--flatten')).toBe('Layer 2 "": expected a layer like dense(128,relu)');
    expect(errorOf('conv(64)')).toBe('Layer 1 "conv(64)": missing kernel size');
    expect(errorOf('dense()')).toBe('Layer 1 "dense()": missing units');
    expect(errorOf('flatten(1)')).toBe('Layer 1 "flatten(1)": flatten takes no arguments');
    expect(errorOf('dense(10,relu,1)')).toBe('Layer 1 "dense(10,relu,1)": dense takes at most 2 arguments (units, activation)');
    expect(errorOf('conv(64,3,1,full)')).toBe('Layer 1 "conv(64,3,1,full)": padding "full" is not valid or same');
    expect(errorOf('dense(10,gelu)')).toBe('Layer 1 "dense(10,gelu)": activation "gelu" is not one of relu, sigmoid, tanh, softmax, linear');
    expect(errorOf('conv(0x10,3)')).toBe('Layer 1 "conv(0x10,3)": filters "0x10" is not a number');
    expect(errorOf('constructor')).toBe('Layer 1 "constructor": unknown layer "constructor"');
  });

  it('checks the input shape, with parseSpec setting the limits', () => {
    expect(errorOf('flatten', '28x28')).toBe('Input "28x28": expected height×width×channels like 28x28x1');
    expect(errorOf('flatten', '')).toBe('Input "": expected height×width×channels like 28x28x1');
    expect(errorOf('flatten', '28x28x99')).toBe('Input channels must be a whole number from 1 to 64, got 99');
    expect(errorOf(Array(101).fill('flatten').join('-'))).toBe('The network has 101 layers; at most 100 are allowed');
  });

  it('lets impossible but well-formed layers through, as parseSpec does', () => {
    expect(errorOf('conv(0,99)-dropout(2)')).toBeUndefined();
  });
});

describe('toSearch', () => {
  it('leaves architecture text readable', () => {
    expect(toSearch({ arch: encodeArch(SEED_002_SPEC), input: '28x28x1' })).toBe(
      '?arch=conv(64,3,1,valid,relu)-maxpool(2,2,valid)-conv(64,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(128,relu)-dense(10,softmax)&input=28x28x1',
    );
    expect(toSearch({})).toBe('');
  });

  it('encodes everything else so URLSearchParams reads back the same values', () => {
    const params = { 'a&b=c': 'x y+z', q: '100%?#/\\', 'ünï': '日本 🎉', e: '', s: "it's!*\n" };
    const search = toSearch(params);
    expect(search).toBe(
      '?a%26b%3Dc=x%20y%2Bz&q=100%25%3F%23%2F%5C&%C3%BCn%C3%AF=%E6%97%A5%E6%9C%AC%20%F0%9F%8E%89&e=&s=it%27s%21%2A%0A',
    );
    expect(Object.fromEntries(new URLSearchParams(search))).toEqual(params);
  });

  it('turns a lone surrogate into U+FFFD as URLSearchParams would', () => {
    expect(toSearch({ x: 'a\uD800b' })).toBe('?x=a%EF%BF%BDb');
    expect(new URLSearchParams(toSearch({ x: 'a\uD800b' })).get('x')).toBe('a\uFFFDb');
  });
});

describe('every layer type in a link', () => {
  it('round-trips every layer type, a random layer with its Keras arguments, the names from a file, and the declared input', () => {
    const spec: ModelSpec = { ...EVERY_LAYER_SPEC, layers: EVERY_LAYER_SPEC.layers.map((l, i) => (i === 4 ? { ...l, name: 'conv-a b' } : l)) };
    const text = encodeArch(spec);
    expect(text).toContain('reshape(28x28x1)-rescale(0.00392156862745098,0)-random(RandomRotation,{"factor":0.05,"fill_mode":"constant"})-zeropad(2,2,2,2)-conv(4,5,1,valid,linear,nobias)@conv%2Da%20b');
    expect(encodeInput(spec)).toBe('28x28x1:28x28');
    const back = decodeArch(new URLSearchParams(toSearch({ arch: text })).get('arch')!, encodeInput(spec));
    expect(back).toEqual({ spec });
  });

  it('reads zeropad with one size or four, and says so otherwise', () => {
    const layerOf = (t: string) => {
      const r = decodeArch(`${t}-flatten-dense(10,softmax)`);
      if ('error' in r) throw new Error(wordMessage(r.error));
      return r.spec.layers[0];
    };
    expect(layerOf('zeropad(3)')).toEqual({ type: 'zeroPadding2d', padding: [3, 3, 3, 3] });
    expect(layerOf('zeropad(0,1,2,3)')).toEqual({ type: 'zeroPadding2d', padding: [0, 1, 2, 3] });
    expect(errorOf('zeropad(1,2)')).toBe('Layer 1 "zeropad(1,2)": zeropad takes one size for every side, or four (top, bottom, left, right)');
  });
});
