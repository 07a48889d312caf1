import { describe, expect, it } from 'vitest';
import { childAt, type H5Dataset, type H5Group } from './hdf5Tree';

const kernel: H5Dataset = { kind: 'dataset', dtype: 'float32', shape: [2], value: Float32Array.of(1, 2), attrs: {} };
const layer: H5Group = { kind: 'group', attrs: {}, children: new Map([['kernel:0', kernel]]) };
const tree: H5Group = {
  kind: 'group',
  attrs: {},
  children: new Map([['model_weights', { kind: 'group', attrs: {}, children: new Map([['conv2d', layer]]) }]]),
};

describe('childAt', () => {
  it('follows "/" between names and keeps ":" inside them', () => {
    expect(childAt(tree, 'model_weights/conv2d/kernel:0')).toBe(kernel);
    expect(childAt(tree, 'model_weights/conv2d')).toBe(layer);
  });

  it('takes a leading or doubled "/" and gives the tree itself for ""', () => {
    expect(childAt(tree, '/model_weights//conv2d/kernel:0')).toBe(kernel);
    expect(childAt(tree, '')).toBe(tree);
  });

  it('is undefined for a missing name or a path through a dataset', () => {
    expect(childAt(tree, 'model_weights/dense')).toBeUndefined();
    expect(childAt(tree, 'model_weights/conv2d/kernel')).toBeUndefined();
    expect(childAt(tree, 'model_weights/conv2d/kernel:0/more')).toBeUndefined();
  });
});
