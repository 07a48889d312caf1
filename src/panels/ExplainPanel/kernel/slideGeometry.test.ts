import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../model/presets';
import { slideGeometry } from './slideGeometry';

describe('slideGeometry', () => {
  it('gives a layer\'s real sizes, at 28×28 and at a classic net\'s full size', () => {
    const alexnet = PRESETS.find((p) => p.id === 'alexnet')!.spec;
    const first = slideGeometry(alexnet, 0)!;
    expect(first).toMatchObject({ inHeight: 227, inWidth: 227, size: 11, stride: 4, op: 'conv', channels: 3, outHeight: 55, outWidth: 55 });
    const pool = alexnet.layers.findIndex((l) => l.type === 'maxPool2d');
    expect(slideGeometry(alexnet, pool)).toMatchObject({ op: 'max', size: 3, stride: 2 });
    const flatten = alexnet.layers.findIndex((l) => l.type === 'flatten');
    expect(slideGeometry(alexnet, flatten)).toBeNull();
  });
});
