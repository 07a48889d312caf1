import { AUGMENT_DEFAULT } from '../../model/augmentConfig';
import { describe, expect, it } from 'vitest';
import { wordMessage } from '../../i18n/i18n';
import { encodeArch, toSearch } from '../../model/archParam';
import type { TrainForm } from '../../model/parseTrainForm';
import { PRESETS, SEED_002_SPEC } from '../../model/presets';
import { switchOptimizer } from '../../model/switchOptimizer';
import { DEFAULT_SETUP } from '../setup/defaultSetup';
import type { UrlState } from '../appState';
import { parseUrlConfig, setupToParams, URL_PARAMS } from './urlConfig';
import { withPreset } from '../setup/withPreset';
import { DEFAULT_VIEW } from '../view/views';
import { useAppStore } from '../useAppStore';

describe('parseUrlConfig', () => {
  it('reads dataset, size and form fields', () => {
    expect(parseUrlConfig('?dataset=fashion-mnist&n=2048&epochs=1&batch=64&lr=1e-3&val=10')).toEqual({
      patch: { dataset: 'fashion-mnist', trainSize: 2048, form: { epochs: '1', batchSize: '64', learningRate: '1e-3', validationPercent: '10' } },
      errors: [],
    });
    expect(parseUrlConfig('?n=all').patch.trainSize).toBe('all');
  });

  it('reads the optimizer, early stopping, the seed and a preset', () => {
    expect(parseUrlConfig('?net=seed-001&opt=sgd&momentum=0.9&nesterov=1&es=val_accuracy&patience=2&restore=0&seed=7').patch).toEqual({
      presetId: 'seed-001',
      optimizer: 'sgd',
      nesterov: true,
      earlyStopping: { enabled: true, monitor: 'val_accuracy', restoreBestWeights: false },
      form: { momentum: '0.9', patience: '2', seed: '7' },
    });
  });

  it('reads an architecture', () => {
    const arch = encodeArch(SEED_002_SPEC);
    expect(parseUrlConfig(`?arch=${arch}`).patch.spec).toEqual(SEED_002_SPEC);
  });

  it('ignores what does not validate and names each problem', () => {
    const r = parseUrlConfig('?dataset=cifar&n=-5&lr=abc&epochs=2.5&batch=x&val=90&opt=lion&x=1');
    expect(r.patch).toEqual({});
    expect(r.errors.map((m) => wordMessage(m))).toEqual([
      'Link parameter dataset="cifar" ignored: expected mnist or fashion-mnist or own.',
      'Link parameter n="-5" ignored: expected a whole number of images or "all".',
      'Link parameter epochs="2.5" ignored: must be a whole number.',
      'Link parameter batch="x" ignored: enter a whole number.',
      'Link parameter lr="abc" ignored: enter a number, e.g. 0.001 or 1e-3.',
      'Link parameter val="90" ignored: between 0 and 50 %.',
      'Link parameter opt="lion" ignored: expected one of sgd, adam, rmsprop, adadelta.',
    ]);
  });

  it('keeps the network when the link\'s architecture is broken, and says where', () => {
    const r = parseUrlConfig('?arch=conv(32,3)-dense(abc,relu)');
    expect(r.patch.spec).toBeUndefined();
    expect(wordMessage(r.errors[0])).toMatch(/^The link's architecture was not loaded: Layer 2 "dense\(abc,relu\)": units "abc" is not a number/);
  });
});

describe('setupToParams', () => {
  it('writes nothing for the default setup', () => {
    expect(setupToParams(DEFAULT_SETUP, DEFAULT_SETUP)).toEqual({});
  });

  it('writes a preset by name and an edited network in full; both read back', () => {
    const vggPreset = PRESETS.find((p) => p.id === 'vgg-16')!;
    const vgg = vggPreset.spec;
    expect(setupToParams(withPreset(DEFAULT_SETUP, vggPreset), DEFAULT_SETUP)).toEqual({ net: 'vgg-16' });
    const edited = { ...vgg, layers: vgg.layers.slice(1) };
    const p = setupToParams({ ...DEFAULT_SETUP, spec: edited, form: { ...DEFAULT_SETUP.form, learningRate: '0.01' } }, DEFAULT_SETUP);
    expect(p.input).toBe('224x224x3');
    expect(p.lr).toBe('0.01');
    expect(parseUrlConfig(`?${new URLSearchParams(p)}`).patch.spec).toEqual(edited);
  });

  it('round-trips optimizer and early-stopping choices', () => {
    const s = { ...DEFAULT_SETUP, optimizer: 'sgd' as const, nesterov: true, earlyStopping: { enabled: true, monitor: 'val_accuracy' as const, restoreBestWeights: false } };
    const p = setupToParams(s, DEFAULT_SETUP);
    expect(p).toEqual({ opt: 'sgd', nesterov: '1', es: 'val_accuracy', restore: '0' });
    expect(parseUrlConfig(`?${new URLSearchParams(p)}`).patch).toEqual({
      optimizer: 'sgd', nesterov: true, earlyStopping: { enabled: true, monitor: 'val_accuracy', restoreBestWeights: false },
    });
  });
});

describe('the parameter table', () => {
  const tableKeys = Object.values(URL_PARAMS).flatMap((g) => g.map((p) => p.key));
  // Every field differs from the defaults and from what the preset below loads (and from an adadelta switch).
  const form: TrainForm = {
    epochs: '7', batchSize: '16', learningRate: '0.05', validationPercent: '15', seed: '9', momentum: '0.8',
    beta1: '0.85', beta2: '0.95', epsilon: '1e-5', rho: '0.7', patience: '4', minDelta: '0.01',
  };
  const choices = {
    dataset: 'fashion-mnist', trainSize: 5000, form, optimizer: 'adadelta', nesterov: true,
    earlyStopping: { enabled: true, monitor: 'val_accuracy', restoreBestWeights: false },
    augment: { ...AUGMENT_DEFAULT, rotate: { on: true, degrees: 10 } },
    view: 'results',
  } as const;
  const seed004 = PRESETS.find((p) => p.id === 'seed-004')!;
  const byArch: UrlState = { ...DEFAULT_SETUP, ...choices, spec: { ...DEFAULT_SETUP.spec, inputShape: [32, 32, 1] }, presetId: null };
  const byName: UrlState = { ...withPreset(DEFAULT_SETUP, seed004), ...choices };

  const SETUP_KEYS = ['dataset', 'trainSize', 'form', 'spec', 'optimizer', 'nesterov', 'earlyStopping', 'augment'] as const;
  // With the view a link opens (a setup that names none opens the default one).
  const setupOf = (s: UrlState) => ({ ...Object.fromEntries(SETUP_KEYS.map((k) => [k, s[k]])), view: s.view ?? DEFAULT_VIEW });
  /** What a fresh page rebuilds from `params`. */
  function reopen(params: Record<string, string>) {
    useAppStore.setState({ ...DEFAULT_SETUP, view: 'train', setupError: null });
    const { patch, errors } = parseUrlConfig(toSearch(params));
    expect(errors).toEqual([]);
    useAppStore.getState().applyUrl(patch, errors);
    return setupOf(useAppStore.getState());
  }

  it('writes every parameter, in the link\'s order, for a setup that differs everywhere', () => {
    const rest = ['dataset', 'n', 'opt', 'nesterov', 'epochs', 'batch', 'lr', 'val', 'seed', 'momentum', 'beta1', 'beta2', 'eps', 'rho', 'patience', 'mindelta', 'aug', 'es', 'restore', 'view'];
    expect(Object.keys(setupToParams(byArch, DEFAULT_SETUP))).toEqual(['input', 'arch', ...rest]);
    expect(Object.keys(setupToParams(byName, DEFAULT_SETUP))).toEqual(['net', ...rest]);
    const written = new Set([...Object.keys(setupToParams(byArch, DEFAULT_SETUP)), ...Object.keys(setupToParams(byName, DEFAULT_SETUP))]);
    for (const key of tableKeys) expect(written).toContain(key);
  });

  it.each([['an architecture', byArch], ['a preset by name', byName]])('reopens %s with everything changed, and needs every parameter it writes', (_name, s) => {
    const params = setupToParams(s, DEFAULT_SETUP);
    expect(reopen(params)).toEqual(setupOf(s));
    for (const key of Object.keys(params)) {
      const { [key]: _dropped, ...others } = params;
      expect(reopen(others), key).not.toEqual(setupOf(s));
    }
  });

  it('compares the fields with the defaults of the optimizer a reader switches to', () => {
    const switched = switchOptimizer(DEFAULT_SETUP, 'adadelta');
    expect(setupToParams(switched, DEFAULT_SETUP)).toEqual({ opt: 'adadelta' });
    // Adam's ρ, which Adadelta's switch (ρ = 0.95) would not give back.
    const rhoBack = { ...switched, form: { ...switched.form, rho: DEFAULT_SETUP.form.rho } };
    expect(setupToParams(rhoBack, DEFAULT_SETUP)).toEqual({ opt: 'adadelta', rho: DEFAULT_SETUP.form.rho });
    expect(reopen(setupToParams(rhoBack, DEFAULT_SETUP))).toEqual(setupOf(rhoBack));
  });

  it('reads every parameter, and names each value it cannot use', () => {
    for (const key of tableKeys) {
      const r = parseUrlConfig(`?${key}=@`);
      expect(r.patch, key).toEqual({});
      expect(r.errors.map((m) => wordMessage(m)), key).toEqual([expect.stringMatching(key === 'arch' ? /^The link's architecture was not loaded/ : `^Link parameter ${key}="@" ignored: `)]);
    }
  });
});
