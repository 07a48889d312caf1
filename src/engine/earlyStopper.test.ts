import { describe, expect, it } from 'vitest';
import type { EarlyStoppingConfig } from '../model/types';
import { EarlyStopper } from './earlyStopper';

const cfg = (c: Partial<EarlyStoppingConfig>): EarlyStoppingConfig => ({ monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true, ...c });

/** Runs a sequence of monitored values; returns the epoch it stopped at (or null) and the best epoch. */
function run(config: EarlyStoppingConfig, values: number[]): { stoppedAt: number | null; best: number } {
  const s = new EarlyStopper(config);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const d = s.update(i + 1, { valLoss: v, valAccuracy: v });
    if (d.stop) return { stoppedAt: i + 1, best: s.bestEpoch };
  }
  return { stoppedAt: null, best: s.bestEpoch };
}

describe('EarlyStopper', () => {
  it('stops after `patience` epochs without a lower val_loss and remembers the best', () => {
    expect(run(cfg({ patience: 3 }), [0.5, 0.4, 0.45, 0.41, 0.42, 0.3])).toEqual({ stoppedAt: 5, best: 2 });
  });

  it('resets its patience on every improvement', () => {
    expect(run(cfg({ patience: 2 }), [0.5, 0.6, 0.4, 0.5, 0.3, 0.35, 0.36])).toEqual({ stoppedAt: 7, best: 5 });
  });

  it('counts an improvement only beyond min_delta', () => {
    // 0.495 is lower than 0.5 but not by more than 0.01.
    expect(run(cfg({ patience: 1, minDelta: 0.01 }), [0.5, 0.495, 0.3])).toEqual({ stoppedAt: 2, best: 1 });
  });

  it('maximises val_accuracy', () => {
    expect(run(cfg({ monitor: 'val_accuracy', patience: 2 }), [0.8, 0.85, 0.84, 0.85, 0.9])).toEqual({ stoppedAt: 4, best: 2 });
  });

  it('with patience 0 stops at the first epoch that does not improve, never the first epoch', () => {
    expect(run(cfg({ patience: 0 }), [0.5, 0.4, 0.4])).toEqual({ stoppedAt: 3, best: 2 });
    expect(run(cfg({ patience: 0 }), [NaN, 0.4])).toEqual({ stoppedAt: null, best: 2 });
  });

  it('never counts a NaN as the best', () => {
    const s = new EarlyStopper(cfg({ patience: 5 }));
    s.update(1, { valLoss: NaN, valAccuracy: NaN });
    expect(s.bestEpoch).toBe(0);
    expect(s.update(2, { valLoss: 0.7, valAccuracy: 0.1 }).improved).toBe(true);
    expect(s.bestValue).toBe(0.7);
  });
});
