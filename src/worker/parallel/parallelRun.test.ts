import { describe, expect, it } from 'vitest';
import { LocalHelper } from '../testing/localHelper';
import { backends, is, LONG, Recorder, train } from '../testing/sessionRecorder';
import { english } from '../../i18n/testing/words';

/** A session on wasm whose machine has `cores` cores, its helpers in this thread. */
function session(cores: number, initialCores = 0) {
  const helpers: LocalHelper[] = [];
  const rec = new Recorder({
    backends: { ...backends(['wasm']), cores },
    cores: initialCores,
    spawnHelper: () => {
      const h = new LocalHelper();
      helpers.push(h);
      return h;
    },
  });
  return { rec, helpers };
}

async function epochOf(cores: number, initialCores = 0) {
  const { rec, helpers } = session(cores, initialCores);
  rec.send(train(1, { epochs: 2, seed: 5 }));
  await rec.waitFor(is('runEnded'), 0, 60_000);
  const backend = rec.all(is('backend')).at(-1);
  return { epochs: rec.all(is('epochEnd')), backend, shares: helpers.reduce((a, h) => a + h.shares, 0), helpers };
}

describe('training on several cores (wasm, helpers in this thread)', () => {
  it('gives the same run, within float rounding, on 1, 2 and 3 cores, and says how many train', async () => {
    const one = await epochOf(1);
    expect(english(one.backend?.detail)).toMatch(/, 1 thread$/);
    expect(one.backend).toMatchObject({ threads: 1, availableCores: 1 });
    expect(one.shares).toBe(0);
    for (const cores of [2, 3]) {
      const many = await epochOf(cores);
      expect(english(many.backend?.detail)).toMatch(new RegExp(`, ${cores} threads$`));
      expect(many.backend).toMatchObject({ threads: cores });
      expect(many.helpers).toHaveLength(cores - 1);
      expect(many.shares).toBeGreaterThan(0);
      many.epochs.forEach((e, i) => {
        expect(e.trainLoss).toBeCloseTo(one.epochs[i].trainLoss, 4);
        expect(e.valLoss).toBeCloseTo(one.epochs[i].valLoss, 4);
        expect(e.valAccuracy).toBeCloseTo(one.epochs[i].valAccuracy, 4);
      });
    }
  }, 120_000);

  it('trains on the cores the page remembered, and on fewer from the next step when lowered', async () => {
    const lowered = await epochOf(4, 1);
    expect(lowered.backend).toMatchObject({ threads: 1, cores: 1, availableCores: 4 });
    expect(lowered.shares).toBe(0);

    const { rec, helpers } = session(2);
    rec.send(train(1, LONG));
    await rec.waitFor(is('batchMetrics'), 0, 30_000);
    rec.send({ type: 'setCores', cores: 1 });
    const at = helpers[0].shares;
    await rec.waitFor(is('epochEnd'), 0, 60_000);
    expect(helpers[0].shares).toBeLessThanOrEqual(at + 1); // the step in flight, then none
    expect(english(rec.all(is('backend')).at(-1)!.detail)).toMatch(/, 1 thread$/);
    expect(rec.all(is('backend')).at(-1)).toMatchObject({ threads: 1, cores: 1 });
    rec.send({ type: 'stop' });
    await rec.waitFor(is('runEnded'), 0, 30_000);
  }, 120_000);

  it('a run begun on one core takes the others from the next steps when they are allowed', async () => {
    const { rec, helpers } = session(2, 1);
    rec.send(train(1, LONG));
    await rec.waitFor(is('batchMetrics'), 0, 30_000);
    expect(helpers).toHaveLength(0);
    rec.send({ type: 'setCores', cores: 0 });
    const at = rec.events.length;
    await rec.waitFor(is('epochEnd'), at, 60_000);
    expect(helpers).toHaveLength(1);
    expect(helpers[0].shares).toBeGreaterThan(0);
    expect(rec.all(is('backend')).at(-1)).toMatchObject({ threads: 2, cores: 0 });
    rec.send({ type: 'stop' });
    await rec.waitFor(is('runEnded'), 0, 30_000);
  }, 120_000);

  it('goes on when a helper dies mid-run, computing its share here, and says so beside the backend', async () => {
    const one = await epochOf(1);
    const { rec, helpers } = session(2);
    rec.send(train(1, { epochs: 2, seed: 5 }));
    await rec.waitFor(is('batchMetrics'), 0, 30_000);
    helpers[0].crash('out of memory');
    const ended = await rec.waitFor(is('runEnded'), 0, 60_000);
    expect(ended.outcome).toBe('done');
    expect(english(rec.all(is('backend')).at(-1)!.reason)).toMatch(/training helper stopped: out of memory: training goes on on 1 thread/);
    expect(rec.all(is('backend')).at(-1)).toMatchObject({ threads: 1 });
    // Nothing was lost: the run is the one-core run.
    rec.all(is('epochEnd')).forEach((e, i) => expect(e.trainLoss).toBeCloseTo(one.epochs[i].trainLoss, 4));
    expect(rec.all(is('error'))).toEqual([]);

    // The next run starts a new helper for the lost one.
    rec.send(train(2, { epochs: 1 }));
    await rec.waitFor(is('runEnded', (e) => e.runId === 2), 0, 60_000);
    expect(helpers).toHaveLength(2);
    expect(helpers[1].shares).toBeGreaterThan(0);
    expect(rec.all(is('backend')).at(-1)).toMatchObject({ threads: 2 });
  }, 120_000);
});
