import { TINY_SPEC } from '../../model/testing/tinySpec';
import { DEFAULT_TRAIN_CONFIG } from '../../model/presets';
import type { EpochRow } from '../engineResults';
import type { SavedRun } from '../savedRun';

function epochRow(epoch: number): EpochRow {
  return {
    epoch,
    trainLoss: 1 / epoch,
    trainAccuracy: 0.8 + epoch / 100,
    valLoss: 1.1 / epoch,
    valAccuracy: 0.75 + epoch / 100,
    numTensors: 42,
    valConfusion: Int32Array.from({ length: 4 }, (_, i) => i + epoch),
  };
}

/**
 * A finished, plausible saved run for storage tests: `epochs` epochs of 3
 * batches each, a test result, no weights. Overrides replace whole fields.
 */
export function sampleRun(overrides: Partial<SavedRun> = {}, epochs = 2): SavedRun {
  const batches = epochs * 3;
  return {
    id: 'run-1',
    name: 'Run 1',
    pinned: false,
    createdAt: 1_000,
    updatedAt: 2_000,
    setup: { dataset: 'mnist', trainSize: 1000, spec: TINY_SPEC, config: { ...DEFAULT_TRAIN_CONFIG, epochs } },
    status: 'done',
    message: `Finished ${epochs} epochs.`,
    epochsPlanned: epochs,
    info: { trainCount: 900, valCount: 100, batchesPerEpoch: 3 },
    batches: {
      x: Float32Array.from({ length: batches }, (_, i) => (i + 1) / 3),
      loss: Float32Array.from({ length: batches }, (_, i) => 2 / (i + 1)),
      accuracy: Float32Array.from({ length: batches }, (_, i) => i / batches),
    },
    epochs: Array.from({ length: epochs }, (_, i) => epochRow(i + 1)),
    learningRateChanges: [{ x: 0, learningRate: 0.001 }],
    restoredEpoch: null,
    test: { loss: 0.3, accuracy: 0.91, count: 100, confusion: Int32Array.from({ length: 100 }, (_, i) => i) },
    weights: { latest: null, best: null, optimizer: false, bytes: 0 },
    continuations: [],
    ...overrides,
  };
}
