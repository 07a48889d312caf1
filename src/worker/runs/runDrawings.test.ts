import { describe, expect, it } from 'vitest';
import { AUGMENT_DEFAULT } from '../../model/augmentConfig';
import type { PackedImages, SavedRun, TrainRequest } from '../../protocol';
import { handwritingMix, ownClasses } from './runDrawings';
import { thrownWords } from '../../i18n/testing/words';

const packed = (labels: number[]): PackedImages => ({ pixels: new Uint8Array(labels.length * 784), labels: Uint8Array.from(labels), count: labels.length });
const request = (extra: Partial<TrainRequest>): TrainRequest => ({ runId: 1, dataset: 'own', trainSize: 'all', spec: { inputShape: [28, 28, 1], layers: [] }, config: {} as TrainRequest['config'], ...extra });
const savedWith = (classNames: string[]) => ({ name: 'shapes', setup: { classNames } }) as unknown as SavedRun;

describe('ownClasses', () => {
  const own = { classNames: ['circle', 'cross'], ...packed([0, 1, 1]) };

  it('makes the drawings a training set with an empty test set', () => {
    const r = ownClasses(request({ own }), null);
    expect(r.classNames).toEqual(['circle', 'cross']);
    expect(r.train.count).toBe(3);
    expect(r.test.count).toBe(0);
  });

  it('continues a run only on the classes it was trained on, in its order (case and spaces aside)', () => {
    expect(ownClasses(request({ own: { ...own, classNames: [' Circle', 'CROSS '] } }), savedWith(['circle', 'cross'])).train.count).toBe(3);
    expect(thrownWords(() => ownClasses(request({ own }), savedWith(['cross', 'circle'])))).toMatch(/Your classes changed since "shapes" was trained: it knows cross, circle; you now have circle, cross/);
    expect(thrownWords(() => ownClasses(request({ own }), savedWith(['circle', 'square'])))).toMatch(/changed/);
  });

  it('refuses a request without classes', () => {
    expect(thrownWords(() => ownClasses(request({}), null))).toMatch(/no classes to train on/);
    expect(thrownWords(() => ownClasses(request({ own: { ...own, classNames: ['one'] } }), null))).toMatch(/at least 2/);
  });
});

describe('handwritingMix', () => {
  const mix = { train: packed([3, 4]), heldOut: packed([5]), share: 0.25, augment: AUGMENT_DEFAULT };

  it('is nothing without a mix, and the drawings with their share and augmentation with one', () => {
    expect(handwritingMix(request({ dataset: 'mnist' }))).toEqual({ mix: null, heldOut: null });
    const r = handwritingMix(request({ dataset: 'mnist', mix }));
    expect(r.mix).toMatchObject({ share: 0.25, augment: AUGMENT_DEFAULT, images: { count: 2 } });
    expect(r.heldOut?.count).toBe(1);
  });

  it('refuses another dataset, a share outside (0, 1), bad augmentation and no drawings', () => {
    expect(thrownWords(() => handwritingMix(request({ dataset: 'fashion-mnist', mix })))).toMatch(/needs a network trained on MNIST digits, not Fashion-MNIST clothing/);
    expect(thrownWords(() => handwritingMix(request({ dataset: 'mnist', mix: { ...mix, share: 1 } })))).toMatch(/between 0 and 1, not 1/);
    expect(thrownWords(() => handwritingMix(request({ dataset: 'mnist', mix: { ...mix, augment: { ...AUGMENT_DEFAULT, scale: { on: true, amount: 2 } } } })))).toMatch(/Augmentation of your drawings: Scale/);
    expect(thrownWords(() => handwritingMix(request({ dataset: 'mnist', mix: { ...mix, train: packed([]) } })))).toMatch(/no drawings to fine-tune on/);
  });
});
