import 'fake-indexeddb/auto'; // idb checks requests against the global IDB classes
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { optimizerConfig } from '../../model/optimizerDefaults';
import type { WorkerEvent } from '../../protocol';
import { RunStore } from './runStore';
import { SavedRuns } from './savedRuns';

const setup = {
  dataset: 'mnist' as const, trainSize: 1000, spec: TINY_SPEC,
  config: { epochs: 4, batchSize: 32, optimizer: optimizerConfig('adam', {}), validationSplit: 0.1, seed: 1, earlyStopping: null },
};
const weightsOf = (epoch: number) => [Float32Array.of(epoch, epoch), Float32Array.of(-epoch)];

describe('SavedRuns', () => {
  it('keeps the best epoch\'s weights apart only while a worse epoch is the latest', async () => {
    const store = await RunStore.open({ indexedDB: new IDBFactory() });
    const events: WorkerEvent[] = [];
    const saved = new SavedRuns((e) => events.push(e), async () => store);
    await saved.whenReady();
    const id = saved.begin(1, setup);
    const best = async () => (await store.getWeights(id, 'best'))?.epoch ?? null;
    const settle = () => saved.load([]); // waits for the queued writes
    const epoch = async (n: number, valAccuracy: number) => {
      saved.observe({ type: 'epochEnd', runId: 1, epoch: n, trainLoss: 1, trainAccuracy: 0.5, valLoss: 1, valAccuracy, numTensors: 1 });
      saved.saveEpoch(n, weightsOf(n), null);
      await settle();
    };
    await epoch(1, 0.5);
    expect(await best()).toBeNull(); // the best is the latest
    await epoch(2, 0.4);
    expect(await best()).toBe(1);
    expect(Array.from((await store.getWeights(id, 'best'))!.weights[0])).toEqual([1, 1]);
    await epoch(3, 0.45);
    expect(await best()).toBe(1);
    await epoch(4, 0.9);
    expect(await best()).toBeNull(); // epoch 4 is both
    expect((await store.getWeights(id, 'latest'))?.epoch).toBe(4);
    const run = await store.get(id);
    expect(run.weights).toMatchObject({ latest: 4, best: null });
  });
});
