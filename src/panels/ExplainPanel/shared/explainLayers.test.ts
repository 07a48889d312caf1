import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../model/presets';
import { explainLayers, pixelOnLayer } from './explainLayers';

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

describe('pixelOnLayer', () => {
  it('keeps the pixel\'s place in the image and its channel as far as the new map allows', () => {
    const to = { index: 2, title: '3 · Conv2D', shape: [13, 13, 4] };
    expect(pixelOnLayer({ layer: 0, channel: 7, y: 25, x: 0 }, [26, 26, 32], to)).toEqual({ layer: 2, channel: 3, y: 12, x: 0 });
    expect(pixelOnLayer({ layer: 0, channel: 1, y: 13, x: 13 }, [26, 26, 32], to)).toEqual({ layer: 2, channel: 1, y: 6, x: 6 });
  });
});
