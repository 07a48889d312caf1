import type { EarlyStoppingConfig } from '../model/types';

/** What the stopper concluded about one epoch. */
export interface EarlyStopDecision {
  /** This epoch is the new best. */
  improved: boolean;
  /** Patience has run out: stop training. */
  stop: boolean;
}

/**
 * Keras's EarlyStopping rule, without the weights (the training loop keeps
 * those): an epoch improves when it beats the best by more than `minDelta`
 * (lower val_loss, higher val_accuracy); after `patience` epochs in a row
 * without improvement, stop. A missing (NaN) value never improves. Plain
 * state, no tfjs.
 */
export class EarlyStopper {
  private best: number;
  private wait = 0;
  /** 1-based epoch of the best value so far; 0 before any. */
  bestEpoch = 0;

  constructor(private readonly config: EarlyStoppingConfig) {
    this.best = config.monitor === 'val_loss' ? Infinity : -Infinity;
  }

  /** The monitored value of the best epoch (±Infinity before any). */
  get bestValue(): number {
    return this.best;
  }

  /** Feeds the end of epoch `epoch` (1-based). */
  update(epoch: number, metrics: { valLoss: number; valAccuracy: number }): EarlyStopDecision {
    const { monitor, minDelta, patience } = this.config;
    const value = monitor === 'val_loss' ? metrics.valLoss : metrics.valAccuracy;
    const delta = Math.abs(minDelta);
    const improved = Number.isFinite(value) && (monitor === 'val_loss' ? value < this.best - delta : value > this.best + delta);
    if (improved) {
      this.best = value;
      this.bestEpoch = epoch;
      this.wait = 0;
      return { improved, stop: false };
    }
    this.wait++;
    // Like Keras, never stop on the first epoch.
    return { improved, stop: this.wait >= patience && epoch > 1 };
  }
}
