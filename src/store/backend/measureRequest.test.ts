import { describe, expect, it } from 'vitest';
import type { Command } from '../../protocol';
import { MEASURE_DELAY_MS, sendBackendRequests } from './measureRequest';
import { createAppStore } from '../useAppStore';

/** A store with the backend requests on, a hand-driven timer, and the commands sent. */
function setUp() {
  const sent: Command[] = [];
  const store = createAppStore({ send: () => {} });
  const timers: { f: () => void; ms: number }[] = [];
  const stop = sendBackendRequests(store, { send: (c) => sent.push(c) }, {
    set: (f, ms) => timers.push({ f, ms }) - 1,
    clear: (id) => (timers[id as number].f = () => {}),
  });
  const fire = () => timers.splice(0).forEach((t) => t.f());
  const measures = () => sent.filter((c): c is Extract<Command, { type: 'measureBackends' }> => c.type === 'measureBackends');
  return { store, sent, timers, fire, measures, stop };
}

describe('sendBackendRequests', () => {
  it('measures the network set up at once, at its batch size', () => {
    const { store, measures } = setUp();
    expect(measures()).toHaveLength(1);
    expect(measures()[0]).toMatchObject({ spec: store.getState().spec, batchSize: 32, optimizer: { name: 'adam' } });
  });


  it('measures again a moment after the network or the batch size changes, once for a burst of edits', () => {
    const { store, measures, fire, timers } = setUp();
    store.getState().removeLayer(1);
    store.getState().removeLayer(1);
    store.getState().setField('batchSize', '64');
    expect(measures()).toHaveLength(1);
    expect(timers.at(-1)?.ms).toBe(MEASURE_DELAY_MS);
    fire();
    expect(measures()).toHaveLength(2);
    expect(measures()[1]).toMatchObject({ spec: store.getState().spec, batchSize: 64 });
  });

  it('ignores changes that do not change the cost of a step, and networks that cannot train', () => {
    const { store, measures, fire } = setUp();
    store.getState().setField('epochs', '9');
    store.getState().setField('batchSize', 'abc'); // invalid: nothing to measure at
    store.getState().setInputShape([32, 32, 1]); // cannot train on 28×28 MNIST
    fire();
    expect(measures()).toHaveLength(1);
  });
});
