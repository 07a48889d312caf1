import { beforeEach, describe, expect, it } from 'vitest';
import { SEED_002_SPEC } from '../../model/presets';
import type { LayerSpec } from '../../model/types';
import { DEFAULT_SETUP } from './defaultSetup';
import { useAppStore } from '../useAppStore';

const store = () => useAppStore.getState();

describe('undoSetup', () => {
  beforeEach(() => useAppStore.setState({ ...DEFAULT_SETUP, setupError: null, undo: [] }));

  it('puts back a custom network replaced by a preset, with its training settings', () => {
    store().removeLayer(1);
    store().setField('epochs', '9');
    const custom = store().spec;
    store().applyPreset('vgg-16');
    expect(store().spec).not.toBe(custom);
    store().undoSetup();
    expect(store().spec).toBe(custom);
    expect(store().presetId).toBeNull();
    expect(store().form.epochs).toBe('9');
    store().undoSetup();
    expect(store().spec).toEqual(SEED_002_SPEC);
    expect(store().presetId).toBe('seed-002');
    expect(store().undo).toEqual([]);
  });

  it('takes the keystrokes of one field as one step', () => {
    const conv = SEED_002_SPEC.layers[0] as Extract<LayerSpec, { type: 'conv2d' }>;
    for (const filters of [1, 12, 128]) store().updateLayer(0, { ...conv, filters });
    store().updateLayer(5, { type: 'dense', units: 64, activation: 'relu' });
    expect(store().undo).toHaveLength(2);
    store().undoSetup();
    expect((store().spec.layers[0] as typeof conv).filters).toBe(128);
    store().undoSetup();
    expect(store().spec).toEqual(SEED_002_SPEC);
  });

  it('is refused while a run uses the network', () => {
    store().removeLayer(1);
    useAppStore.setState((s) => ({ run: { ...s.run, status: 'training' } }));
    store().undoSetup();
    expect(store().spec.layers).toHaveLength(6);
    useAppStore.setState((s) => ({ run: { ...s.run, status: 'idle' } }));
  });
});
