import { describe, expect, it } from 'vitest';
import { kerasBytes, kerasClass, kerasLayerNames, kerasShape, snakeCase } from './kerasNames';
import { PRESETS, SEED_002_SPEC } from '../presets';

describe('Keras summary names', () => {
  it('numbers repeated layer types as a fresh Keras session does', () => {
    expect(kerasLayerNames(SEED_002_SPEC.layers)).toEqual(['conv2d', 'max_pooling2d', 'conv2d_1', 'max_pooling2d_1', 'flatten', 'dense', 'dense_1']);
    const seed001 = PRESETS.find((p) => p.id === 'seed-001')!.spec.layers;
    expect(kerasLayerNames(seed001)).toContain('batch_normalization_1');
    expect(kerasClass(seed001[1])).toBe('BatchNormalization');
  });

  it('prints shapes and sizes like Keras 3', () => {
    expect(kerasShape([26, 26, 64])).toBe('(None, 26, 26, 64)');
    expect(kerasBytes(243_786)).toBe('952.29 KB'); // seed 002: "Total params: 243,786 (952.29 KB)"
    expect(kerasBytes(138_357_544)).toBe('527.79 MB'); // VGG-16
    expect(kerasBytes(0)).toBe('0.00 B');
  });
});

describe('snakeCase', () => {
  it('names each class as Keras does', () => {
    const names = ['Conv2D', 'MaxPooling2D', 'ReLU', 'GlobalAveragePooling2D', 'ZeroPadding2D', 'SpatialDropout2D', 'RandomRotation', 'BatchNormalization', 'GaussianNoise'].map(snakeCase);
    expect(names).toEqual(['conv2d', 'max_pooling2d', 're_lu', 'global_average_pooling2d', 'zero_padding2d', 'spatial_dropout2d', 'random_rotation', 'batch_normalization', 'gaussian_noise']);
  });

  it('numbers a second Activation and a second ReLU', () => {
    expect(kerasLayerNames([{ type: 'relu' }, { type: 'activation', activation: 'relu' }, { type: 'relu' }])).toEqual(['re_lu', 'activation', 're_lu_1']);
  });
});
