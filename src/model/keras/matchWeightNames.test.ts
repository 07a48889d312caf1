import { describe, expect, it } from 'vitest';
import type { WeightName } from './layersTopology';
import { matchWeightNames } from './matchWeightNames';
import { english } from '../../i18n/testing/words';

const EXPECTED: WeightName[] = [
  { layer: 'conv2d', leaf: 'kernel', index: 0, shape: [3, 3, 1, 4] },
  { layer: 'conv2d', leaf: 'bias', index: 1, shape: [4] },
  { layer: 'batch_normalization', leaf: 'gamma', index: 0, shape: [4] },
  { layer: 'batch_normalization', leaf: 'moving_variance', index: 3, shape: [4] },
];
const SHAPES = EXPECTED.map((w) => w.shape);
const listed = (...names: string[]) => names.map((name, i) => ({ name, shape: SHAPES[i] }));

/** matchWeightNames, its error in English. */
const wordedMatch = (...args: Parameters<typeof matchWeightNames>) => {
  const r = matchWeightNames(...args);
  return 'error' in r ? { error: english(r.error) } : r;
};

describe('matchWeightNames', () => {
  it('matches plain names', () => {
    expect(wordedMatch(EXPECTED, listed('conv2d/kernel', 'conv2d/bias', 'batch_normalization/gamma', 'batch_normalization/moving_variance')))
      .toEqual({ indices: [0, 1, 2, 3] });
  });

  it('matches by name, not by order, past prefixes, :0 suffixes and Keras 3 numbering', () => {
    const names = ['batch_normalization/moving_variance:0', 'sequential/conv2d/bias', 'layers/batch_normalization/vars/0', '_layer_checkpoint_dependencies/conv2d/vars/0'];
    const shapes = [[4], [4], [4], [3, 3, 1, 4]];
    expect(matchWeightNames(EXPECTED, names.map((name, i) => ({ name, shape: shapes[i] })))).toEqual({ indices: [3, 1, 2, 0] });
  });

  it('ignores weights it does not need, and prefers an exact name', () => {
    const names = ['sequential/conv2d/kernel', 'conv2d/kernel', 'conv2d/bias', 'batch_normalization/gamma', 'batch_normalization/moving_variance', 'Adam/conv2d/kernel/m'];
    const shapes = [[3, 3, 1, 4], [3, 3, 1, 4], [4], [4], [4], [3, 3, 1, 4]];
    expect(matchWeightNames(EXPECTED, names.map((name, i) => ({ name, shape: shapes[i] })))).toEqual({ indices: [1, 2, 3, 4] });
  });

  it('says which weight is missing, ambiguous or of the wrong shape', () => {
    expect(wordedMatch(EXPECTED, listed('conv2d/kernel', 'conv2d/bias', 'batch_normalization/gamma'))).toEqual({
      error: 'model.json holds no weight for layer "batch_normalization" (its moving_variance, shape 4)',
    });
    expect(wordedMatch(EXPECTED.slice(0, 1), [{ name: 'a/conv2d/kernel', shape: [3, 3, 1, 4] }, { name: 'b/conv2d/kernel', shape: [3, 3, 1, 4] }])).toEqual({
      error: 'Several weights in model.json could be layer "conv2d" (its kernel, shape 3×3×1×4): "a/conv2d/kernel", "b/conv2d/kernel"',
    });
    expect(wordedMatch(EXPECTED.slice(0, 1), [{ name: 'conv2d/kernel', shape: [3, 3, 1, 8] }])).toEqual({
      error: 'The weight "conv2d/kernel" has shape 3×3×1×8, but layer "conv2d" needs its kernel to be 3×3×1×4',
    });
    expect(wordedMatch(EXPECTED.slice(1, 2), [{ name: 'conv2d/bias', shape: [] }])).toEqual({
      error: 'The weight "conv2d/bias" has shape [] (a scalar), but layer "conv2d" needs its bias to be 4',
    });
  });
});
