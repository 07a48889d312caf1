import { describe, expect, it } from 'vitest';
import { message } from '../../model/message';
import type { Command, ExplainRequest, WorkerEvent } from '../../protocol';
import { explainRequestOf, sendExplainRequests } from './explainRequest';
import { applyExplainEvents } from './explainState';
import { createAppStore } from '../useAppStore';

function setUp() {
  const sent: Command[] = [];
  const store = createAppStore({ send: (c) => sent.push(c) });
  sendExplainRequests(store, { send: (c) => sent.push(c) });
  const requests = () => sent.filter((c): c is Extract<Command, { type: 'explain' }> => c.type === 'explain').map((c) => c.request);
  return { store, sent, requests };
}

const last = (r: ExplainRequest[]) => r[r.length - 1];

describe('explainer requests', () => {
  it('ask for nothing while the panel is out of view', () => {
    const { requests } = setUp();
    expect(requests()).toHaveLength(1);
    expect(requests()[0]).toMatchObject({ pixel: null, im2col: null, handFilters: null, dense: null, saliency: null });
  });

  it('ask only for the open tab, by default the middle of the first conv layer\'s first map', () => {
    const { store, requests } = setUp();
    store.getState().setExplainVisible(true);
    const first = store.getState().spec.layers.findIndex((l) => l.type === 'conv2d');
    expect(last(requests())).toMatchObject({ pixel: { layer: first, channel: 0 }, im2col: null, saliency: null });
    store.getState().setExplainTab('saliency');
    expect(last(requests())).toMatchObject({ pixel: null, saliency: { classIndex: null } });
    store.getState().setExplainTab('maximize');
    expect(last(requests())).toMatchObject({ pixel: null, im2col: null, handFilters: null, dense: null, saliency: null });
  });

  it('follow a picked pixel, opening the pixel view unless im2col or the sliding kernel shows it', () => {
    const { store, requests } = setUp();
    store.getState().setExplainVisible(true);
    store.getState().setExplainTab('im2col');
    const pixel = { layer: 0, channel: 3, y: 4, x: 5 };
    store.getState().pickPixel(pixel);
    expect(store.getState().explain.tab).toBe('im2col');
    expect(last(requests()).im2col).toEqual(pixel);
    store.getState().setExplainTab('dense');
    store.getState().pickPixel({ ...pixel, y: 1 });
    expect(store.getState().explain.tab).toBe('pixel');
    expect(explainRequestOf(store.getState()).pixel).toEqual({ ...pixel, y: 1 });
  });

  it('drop answers to an older request, and start and cancel filter maximisation', () => {
    const { store, sent } = setUp();
    const s0 = store.getState().explain;
    const answer = (requestId: number): WorkerEvent => ({
      type: 'explanation', requestId, runId: 1, at: 0.5, trained: true,
      explanation: { kind: 'dense', layer: 3, unit: 0, weights: new Float32Array(2), bias: 0, contributions: null, value: NaN, positive: [], negative: [], maps: null },
    });
    expect(applyExplainEvents(s0, [answer(s0.requestId + 1)]).answers.dense).toBeUndefined();
    const s1 = applyExplainEvents(s0, [answer(s0.requestId)]);
    expect(s1.answers.dense?.at).toBe(0.5);
    const s2 = applyExplainEvents(s1, [{ type: 'explainError', requestId: s0.requestId, kind: 'dense', message: message('explain:errors.pickDense') }]);
    expect(s2.answers.dense).toBeUndefined();
    expect(s2.errors.dense).toEqual(message('explain:errors.pickDense'));

    store.getState().maximizeFilters(0);
    const { requestId } = store.getState().explain.maximize;
    expect(sent).toContainEqual({ type: 'maximizeFilters', requestId, layer: 0 });
    store.getState().cancelMaximize();
    expect(sent).toContainEqual({ type: 'cancelMaximize', requestId });
    let m = applyExplainEvents(store.getState().explain, [{ type: 'filterImagesProgress', requestId, layer: 0, step: 3, steps: 48 }]);
    expect(m.maximize.progress).toEqual({ step: 3, steps: 48 });
    const images = { type: 'filterImages', requestId, runId: 1, at: 0.5, layer: 0, filters: 1, height: 1, width: 1, images: new Float32Array(1), activations: new Float32Array(1) } as const;
    m = applyExplainEvents(m, [{ ...images, cancelled: true }]);
    expect(m.maximize).toMatchObject({ progress: null, result: null });
    m = applyExplainEvents(m, [{ ...images, cancelled: false }]);
    expect(m.maximize.result?.images).toHaveLength(1);
  });
});

describe('the default pixel', () => {
  it('is the one of the first conv layer that sees the most ink of the input', () => {
    const { store } = setUp();
    const image = new Float32Array(784);
    for (let r = 2; r < 6; r++) for (let c = 20; c < 24; c++) image[r * 28 + c] = 1;
    store.getState().setInput(image);
    const pixel = explainRequestOf({ ...store.getState(), explain: { ...store.getState().explain, visible: true } }).pixel!;
    expect(pixel.channel).toBe(0);
    expect(pixel.y).toBeGreaterThanOrEqual(1);
    expect(pixel.y).toBeLessThanOrEqual(5);
    expect(pixel.x).toBeGreaterThanOrEqual(19);
    expect(pixel.x).toBeLessThanOrEqual(23);
  });
});

describe('another network', () => {
  it('drops the picks and answers of the old one, but a run of the same network keeps them', () => {
    const { store, requests } = setUp();
    store.getState().setExplainVisible(true);
    store.getState().pickPixel({ layer: 0, channel: 5, y: 3, x: 3 });
    const id = store.getState().explain.requestId;
    store.setState((s) => ({ run: { ...s.run, spec: structuredClone(s.spec) } })); // Train: the run holds a copy
    expect(store.getState().explain.pixel).toEqual({ layer: 0, channel: 5, y: 3, x: 3 });
    store.getState().applyPreset('lenet-5');
    store.setState((s) => ({ run: { ...s.run, spec: null } }));
    expect(store.getState().explain.pixel).toBeNull();
    expect(store.getState().explain.requestId).toBeGreaterThan(id);
    expect(last(requests()).requestId).toBe(store.getState().explain.requestId);
  });
});
