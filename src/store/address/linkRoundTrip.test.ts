import { beforeEach, describe, expect, it } from 'vitest';
import { toSearch } from '../../model/archParam';
import type { UrlSetup } from '../appState';
import { parseUrlConfig, setupToParams } from './urlConfig';
import { DEFAULT_SETUP } from '../setup/defaultSetup';
import { useAppStore } from '../useAppStore';

const SETUP_KEYS = ['dataset', 'trainSize', 'form', 'spec', 'optimizer', 'nesterov', 'earlyStopping', 'augment'] as const;
const setupOf = (s: UrlSetup) => Object.fromEntries(SETUP_KEYS.map((k) => [k, s[k]]));

/** Writes the store's setup as a link, opens that link on a fresh page, and returns what it rebuilt. */
function reopen(): Record<string, unknown> {
  const search = toSearch(setupToParams(useAppStore.getState(), DEFAULT_SETUP));
  useAppStore.setState({ ...DEFAULT_SETUP, setupError: null });
  const { patch, errors } = parseUrlConfig(search);
  expect(errors).toEqual([]);
  useAppStore.getState().applyUrl(patch, errors);
  return setupOf(useAppStore.getState());
}

describe('a link reopens exactly the setup it was copied from', () => {
  beforeEach(() => useAppStore.setState({ ...DEFAULT_SETUP, setupError: null }));

  it.each([
    ['a preset with some of its settings put back to the page defaults', () => {
      const a = useAppStore.getState();
      a.applyPreset('seed-000');
      a.setDataset('mnist');
      a.setField('epochs', '5');
    }],
    ['another optimizer, keeping the learning rate', () => useAppStore.getState().setOptimizer('sgd')],
    ['the augmentation preset with rotation off and a stronger shift', () => {
      const a = useAppStore.getState();
      a.applyPreset('mnist-augmented');
      a.setAugment({ ...a.augment, rotate: { on: false, degrees: 15 }, shift: { on: true, pixels: 3 } });
    }],
    ['augmentation turned on over the default network', () => {
      const a = useAppStore.getState();
      a.setAugment({ ...a.augment, elastic: { on: true, alpha: 20, sigma: 4 } });
    }],
    ['a preset with another optimizer and early stopping changed', () => {
      const a = useAppStore.getState();
      a.applyPreset('alexnet-28');
      a.setOptimizer('rmsprop');
      a.setField('rho', '0.8');
      a.setEarlyStopping({ enabled: true, monitor: 'val_accuracy' });
      a.setField('patience', '5');
    }],
    ['an edited network with SGD Nesterov momentum', () => {
      const a = useAppStore.getState();
      a.applyPreset('seed-001');
      a.removeLayer(1);
      a.setOptimizer('sgd');
      a.setNesterov(true);
      a.setField('momentum', '0.9');
      a.setEarlyStopping({ restoreBestWeights: false });
      a.setTrainSize(5000);
      a.setField('seed', '7');
    }],
    ['a classic net for study', () => useAppStore.getState().applyPreset('vgg-16')],
  ])('%s', (_name, change) => {
    change();
    const before = setupOf(useAppStore.getState());
    expect(reopen()).toEqual(before);
  });
});
