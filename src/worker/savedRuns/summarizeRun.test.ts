import { describe, expect, it } from 'vitest';
import { summarizeRun } from './summarizeRun';
import { sampleRun } from '../../protocol/testing/sampleRun';

describe('summarizeRun', () => {
  it('drops the histories and adds the last epoch, its validation accuracy and the test accuracy', () => {
    const run = sampleRun({}, 3);
    const summary = summarizeRun(run);
    expect(summary).not.toHaveProperty('batches');
    expect(summary).not.toHaveProperty('epochs');
    expect(summary).not.toHaveProperty('learningRateChanges');
    expect(summary).not.toHaveProperty('test');
    expect(summary.epochsCompleted).toBe(3);
    expect(summary.valAccuracy).toBe(run.epochs[2].valAccuracy);
    expect(summary.testAccuracy).toBe(0.91);
    expect(summary.name).toBe(run.name);
    expect(summary.weights).toEqual(run.weights);
  });

  it('counts epochs by the last row, so a continued run counts all its epochs', () => {
    const run = sampleRun({}, 2);
    run.epochs = run.epochs.map((row) => ({ ...row, epoch: row.epoch + 5 }));
    expect(summarizeRun(run).epochsCompleted).toBe(7);
  });

  it('gives 0 epochs and NaN accuracies to a run with no epochs and no test', () => {
    const summary = summarizeRun(sampleRun({ epochs: [], test: null }));
    expect(summary.epochsCompleted).toBe(0);
    expect(summary.valAccuracy).toBeNaN();
    expect(summary.testAccuracy).toBeNaN();
  });
});
