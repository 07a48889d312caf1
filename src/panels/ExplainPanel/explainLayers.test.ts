import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../model/presets';
import { explainLayers } from './explainLayers';

describe('explainLayers', () => {
  it('lists the conv and pooling layers of a network with their output shapes', () => {
    const lenet = PRESETS.find((p) => p.id === 'lenet-5')!.spec;
    const layers = explainLayers(lenet, ['conv2d', 'maxPool2d', 'avgPool2d']);
    expect(layers.length).toBeGreaterThanOrEqual(2);
    expect(layers[0]).toMatchObject({ index: 0 });
    expect(layers[0].title).toMatch(/^1 · Conv2D/);
    expect(layers.every((l) => l.shape.length === 3)).toBe(true);
  });
});
