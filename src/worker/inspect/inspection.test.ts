import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/buildModel';
import { ModelInspector } from '../../engine/inspectModel';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { Inspection, SNAPSHOT_INTERVAL_MS, type SnapshotRequest } from './inspection';
import type { WorkerEvent } from '../../protocol';


const request = (requestId: number, want = { activations: true, filters: true }): SnapshotRequest => ({
  requestId, input: new Float32Array(784).fill(0.5), spec: TINY_SPEC, want,
});

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Inspection', () => {
  it('answers with an untrained preview model before any run, and leaks nothing', async () => {
    const events: WorkerEvent[] = [];
    const inspection = new Inspection((e) => events.push(e), async () => null);
    inspection.request(request(1));
    await inspection.idle();
    const answers = events.filter((e): e is Extract<WorkerEvent, { type: 'inspection' }> => e.type === 'inspection');
    // A new input is answered twice: the class scores at once, then the snapshots.
    expect(answers).toHaveLength(2);
    expect(answers[0].probs).toHaveLength(10);
    expect(answers[0].activations).toBeNull();
    const answer = answers[1];
    expect(answer.trained).toBe(false);
    expect(answer.requestId).toBe(1);
    expect(Array.from(answer.probs!)).toEqual(Array.from(answers[0].probs!).map((p) => expect.closeTo(p, 6)));
    expect(answer.probs!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(answer.activations!.map((a) => a.shape)).toEqual([[26, 26, 2], [1352], [10]]);
    expect(answer.kernels![0].shape).toEqual([3, 3, 1, 2]);
    const tensors = tf.memory().numTensors;
    inspection.disposePreview();
    expect(tf.memory().numTensors).toBeLessThan(tensors);
  });

  it('throttles snapshots during training, answers the newest request, and skips hidden panels', async () => {
    const built = buildModel(TINY_SPEC, 3);
    const live = { inspector: new ModelInspector(built), spec: TINY_SPEC, trained: true, at: 0.5, runId: 4 };
    const events: WorkerEvent[] = [];
    const inspection = new Inspection((e) => events.push(e), async () => live);
    inspection.request(request(1));
    inspection.request(request(2, { activations: false, filters: false })); // arrives while 1 is in flight
    await inspection.idle();
    const answers = events.filter((e): e is Extract<WorkerEvent, { type: 'inspection' }> => e.type === 'inspection');
    expect(answers.map((a) => a.requestId)).toEqual([1, 1, 2]); // 2 wants no snapshots: one answer
    expect(answers[2].activations).toBeNull();
    expect(answers[2].kernels).toBeNull();
    expect(answers[2].probs).toHaveLength(10);

    const now = performance.now();
    inspection.tick(now); // within the interval of the last snapshot: nothing
    await inspection.idle();
    expect(events.filter((e) => e.type === 'inspection')).toHaveLength(3);
    inspection.tick(now + SNAPSHOT_INTERVAL_MS + 1);
    await inspection.idle();
    expect(events.filter((e) => e.type === 'inspection')).toHaveLength(4);
    const histograms = events.filter((e) => e.type === 'histograms');
    expect(histograms.length).toBeGreaterThan(0);
    built.model.dispose();
  });
});
