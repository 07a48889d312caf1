import { describe, expect, it } from 'vitest';
import { defaultRunName } from './defaultRunName';
import { i18n } from './i18n';

describe('defaultRunName', () => {
  const parts = { dataset: 'mnist' as const, classNames: null, epochs: 5, optimizer: 'adam', learningRate: 0.001 };
  it('names a run as the worker used to, in English', () => {
    const en = i18n.getFixedT('en');
    expect(defaultRunName(parts, en)).toBe('MNIST, 5 epochs, adam 0.001');
    expect(defaultRunName({ ...parts, dataset: 'fashion-mnist', epochs: 1 }, en)).toBe('Fashion-MNIST, 1 epoch, adam 0.001');
    expect(defaultRunName({ ...parts, dataset: 'own', classNames: ['cat', 'dog'] }, en)).toBe('Your cat/dog, 5 epochs, adam 0.001');
  });

  it('and in Korean', () => {
    expect(defaultRunName(parts, i18n.getFixedT('ko'))).toBe('MNIST, 에포크 5, adam 0.001');
  });
});
