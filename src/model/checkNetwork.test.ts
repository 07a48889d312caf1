import { describe, expect, it } from 'vitest';
import { wordMessage } from '../i18n/i18n';
import type { Message } from './message';
import { checkNetwork, type DatasetShape } from './checkNetwork';
import { PRESETS, SEED_002_SPEC } from './presets';
import type { ModelSpec } from './types';

const MNIST: DatasetShape = { label: 'MNIST digits', inputShape: [28, 28, 1], numClasses: 10 };
const worded = (m: Message | undefined) => m && wordMessage(m);
const preset = (id: string) => PRESETS.find((p) => p.id === id)!.spec;

describe('checkNetwork', () => {
  it('lets every tutorial preset train and no classic one', () => {
    for (const p of PRESETS) {
      const c = checkNetwork(p.spec, MNIST);
      expect(c.cannotTrain === undefined, p.id).toBe(p.kind !== 'classic');
      expect(c.studyOnly, p.id).toBe(p.kind === 'classic');
      expect(c.info.error, p.id).toBeUndefined();
    }
  });

  it('gives the classic nets their published totals', () => {
    expect(checkNetwork(preset('lenet-5-32'), MNIST).info.totalParams).toBe(61_706);
    expect(checkNetwork(preset('alexnet'), MNIST).info.totalParams).toBe(62_378_344);
    expect(checkNetwork(preset('vgg-16'), MNIST).info.totalParams).toBe(138_357_544);
  });

  it('says why a classic net cannot train', () => {
    expect(worded(checkNetwork(preset('alexnet'), MNIST).cannotTrain)).toMatch(/takes 227×227×3 images and MNIST digits are 28×28×1/);
  });

  it('flags an output of the wrong size at the last layer', () => {
    const spec: ModelSpec = { ...SEED_002_SPEC, layers: [...SEED_002_SPEC.layers.slice(0, -1), { type: 'dense', units: 5, activation: 'softmax' }] };
    const c = checkNetwork(spec, MNIST);
    expect(worded(c.cannotTrain)).toBe('Layer 7 (Dense 5): the output layer must be Dense 10 with softmax (one unit per class)');
    expect(worded(c.info.layers[6].error)).toMatch(/must be Dense 10/);
  });

  it('refuses a network too large for a tab', () => {
    const spec: ModelSpec = { ...SEED_002_SPEC, layers: [{ type: 'flatten' }, { type: 'dense', units: 30_000, activation: 'relu' }, { type: 'dense', units: 10, activation: 'softmax' }] };
    expect(worded(checkNetwork(spec, MNIST).cannotTrain)).toMatch(/23,850,010 parameters are too many/);
  });
});
