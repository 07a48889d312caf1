import { describe, expect, it } from 'vitest';
import type { Command, InspectRequest } from '../../protocol';
import { createBridge } from '../channel/bridge';
import { sendInspectRequests } from './inspectRequest';
import { createAppStore } from '../useAppStore';

/** A store with the request subscription on, and the inspect requests it sent. */
function setUp() {
  const sent: Command[] = [];
  const store = createAppStore({ send: (c) => sent.push(c) });
  sendInspectRequests(store, { send: (c) => sent.push(c) });
  const requests = () => sent.filter((c): c is Extract<Command, { type: 'inspect' }> => c.type === 'inspect').map((c) => c.request);
  return { store, sent, requests };
}

const last = (r: InspectRequest[]) => r[r.length - 1];

describe('sendInspectRequests', () => {
  it('asks once at start, for the untrained preview of the network set up, and nothing for panels until they are on screen', () => {
    const { store, requests } = setUp();
    expect(requests()).toHaveLength(1);
    expect(requests()[0]).toMatchObject({ input: null, spec: store.getState().spec, want: { activations: false, filters: false } });
  });

  it.each([
    ['switching dataset', (s: ReturnType<typeof setUp>['store']) => s.getState().setDataset('fashion-mnist')],
    ['loading another network', (s: ReturnType<typeof setUp>['store']) => s.getState().applyPreset('lenet-5')],
    ['editing a layer', (s: ReturnType<typeof setUp>['store']) => s.getState().removeLayer(1)],
    ['drawing an input', (s: ReturnType<typeof setUp>['store']) => s.getState().setInput(new Float32Array(784))],
    ['picking a test image', (s: ReturnType<typeof setUp>['store']) => s.getState().showTestSample(3)],
    ['a panel coming on screen', (s: ReturnType<typeof setUp>['store']) => s.getState().setPanelVisible('filters', true)],
  ])('re-sends exactly one request after %s', (_, change) => {
    const { store, requests } = setUp();
    change(store);
    expect(requests()).toHaveLength(2);
  });

  it('sends nothing for changes the request does not depend on', () => {
    const { store, requests } = setUp();
    store.getState().setField('epochs', '7');
    store.getState().setOptimizer('sgd');
    store.getState().setPanelVisible('featureMaps', false); // not on screen already
    const apply = createBridge(store, (flush) => flush());
    apply({ type: 'status', status: 'training' });
    expect(requests()).toHaveLength(1);
  });

  it('names a test image instead of sending its pixels, and sends the wrapped index', () => {
    const { store, requests } = setUp();
    store.getState().showTestSample(-1);
    expect(last(requests()).input).toEqual({ kind: 'testImage', dataset: 'mnist', index: 9999 });
    expect(last(requests()).requestId).toBe(store.getState().inspect.requestId);
  });

  it('sends the drawn pixels with a new request id, and no network that cannot be previewed', () => {
    const { store, requests } = setUp();
    const pixels = new Float32Array(784).fill(0.5);
    store.getState().setInput(pixels);
    expect(last(requests())).toMatchObject({ requestId: 1, input: { kind: 'pixels', pixels } });
    store.getState().applyPreset('alexnet'); // 227×227×3: for study only
    expect(last(requests()).spec).toBeNull();
  });
});
