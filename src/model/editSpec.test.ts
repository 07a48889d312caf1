import { describe, expect, it } from 'vitest';
import { defaultLayer, insertionIndex, insertLayer, moveLayer, removeLayer, replaceLayer, sameSpec } from './editSpec';
import { inferShapes } from './inferShapes';
import { SEED_002_SPEC } from './presets';
import type { AddableLayerType } from './types';

const TYPES: AddableLayerType[] = [
  'conv2d', 'maxPool2d', 'avgPool2d', 'flatten', 'dense', 'dropout', 'batchNorm', 'zeroPadding2d', 'activation', 'relu',
  'spatialDropout2d', 'gaussianNoise', 'gaussianDropout', 'globalAvgPool2d', 'globalMaxPool2d', 'rescaling', 'reshape',
];

describe('editSpec', () => {
  it('inserts image layers before Flatten and the rest before the output layer', () => {
    expect(insertionIndex(SEED_002_SPEC, 'conv2d')).toBe(4);
    expect(insertionIndex(SEED_002_SPEC, 'dense')).toBe(6);
    expect(insertionIndex({ ...SEED_002_SPEC, layers: [] }, 'dense')).toBe(0);
  });

  it('keeps seed 002 trainable whatever default layer is added where it goes, except a second Flatten or a global pool', () => {
    for (const type of TYPES) {
      const spec = insertLayer(SEED_002_SPEC, insertionIndex(SEED_002_SPEC, type), defaultLayer(type));
      expect(spec.layers).toHaveLength(8);
      // A global pool before Flatten leaves it nothing to flatten, as a second Flatten would.
      expect(inferShapes(spec, 10).error === undefined, type).toBe(!['flatten', 'globalAvgPool2d', 'globalMaxPool2d'].includes(type));
    }
  });

  it('replaces, removes and moves without touching the original', () => {
    const dense = defaultLayer('dense');
    expect(replaceLayer(SEED_002_SPEC, 5, dense).layers[5]).toBe(dense);
    expect(removeLayer(SEED_002_SPEC, 0).layers[0]).toBe(SEED_002_SPEC.layers[1]);
    const moved = moveLayer(SEED_002_SPEC, 1, 0);
    expect(moved.layers.slice(0, 2)).toEqual([SEED_002_SPEC.layers[1], SEED_002_SPEC.layers[0]]);
    expect(moveLayer(SEED_002_SPEC, 6, 99).layers[6]).toBe(SEED_002_SPEC.layers[6]);
    expect(SEED_002_SPEC.layers[0].type).toBe('conv2d');
    expect(sameSpec(moveLayer(moved, 0, 1), SEED_002_SPEC)).toBe(true);
  });
});
