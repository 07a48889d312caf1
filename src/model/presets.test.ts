import { describe, expect, it } from 'vitest';
import { inferShapes } from './inferShapes';
import { PRESETS } from './presets';

const total = (id: string) => inferShapes(PRESETS.find((p) => p.id === id)!.spec, 10);

describe('presets', () => {
  it('are all trainable on 28×28×1 with 10 classes, except the classic nets at full size', () => {
    for (const p of PRESETS.filter((x) => x.kind !== 'classic')) expect(inferShapes(p.spec, 10).error, p.id).toBeUndefined();
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('have the parameter counts of the networks they copy', () => {
    expect(total('seed-002').totalParams).toBe(243_786);
    expect(total('seed-000').totalParams).toBe(197_210);
    expect(total('seed-001').totalParams).toBe(3_219_402);
    expect(total('seed-001').nonTrainableParams).toBe(1_088);
    expect(total('lenet-5').totalParams).toBe(61_706);
    // TF1's 1,378,698 weights plus Keras's biases (32 + 64 + 128 + 625 + 10).
    expect(total('seed-004').totalParams).toBe(1_378_698 + 859);
    expect(total('alexnet-28').totalParams).toBe(1_361_770);
    expect(total('vgg-28').totalParams).toBe(584_170);
  });
});
