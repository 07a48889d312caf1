import { describe, expect, it } from 'vitest';
import type { Command } from '../../protocol';
import { createAppStore } from '../useAppStore';

/** A store whose commands are collected instead of sent to a worker. */
function setUp() {
  const sent: Command[] = [];
  const store = createAppStore({ send: (c) => sent.push(c) });
  store.getState().setTrainSize(1000);
  return { store, sent, a: () => store.getState() };
}

describe("the store's commands to the worker", () => {
  it('Train sends the validated setup once, as the next run, and clears the old snapshots', () => {
    const { store, sent, a } = setUp();
    store.setState((s) => ({ inspect: { ...s.inspect, probs: Float32Array.of(1), trained: true } }));
    a().setField('epochs', '2');
    a().train();
    expect(sent).toHaveLength(1);
    const cmd = sent[0] as Extract<Command, { type: 'train' }>;
    expect(cmd.type).toBe('train');
    expect(cmd.request).toMatchObject({ runId: 1, dataset: 'mnist', trainSize: 1000, spec: a().spec });
    expect(cmd.request.config).toMatchObject({ epochs: 2, batchSize: 32, validationSplit: 0.2, optimizer: { name: 'adam', learningRate: 0.001 } });
    expect(a().run).toMatchObject({ status: 'loading', runId: 1, dataset: 'mnist', learningRate: 0.001 });
    expect(a().inspect).toMatchObject({ probs: null, trained: false });

    a().train(); // a run is loading: refused
    expect(sent).toHaveLength(1);
  });

  it('Train sends nothing while a field is invalid or the network cannot train', () => {
    const { sent, a } = setUp();
    a().setField('batchSize', '0');
    a().train();
    a().setField('batchSize', '32');
    a().applyPreset('vgg-16');
    a().train();
    expect(sent).toEqual([]);
    expect(a().run.status).toBe('idle');
  });

  it('sends a new learning rate only to a run that is training or paused, and only a valid one', () => {
    const { store, sent, a } = setUp();
    a().setField('learningRate', '0.01');
    a().applyLearningRate(); // idle: nothing to change
    store.setState((s) => ({ run: { ...s.run, status: 'training', runId: 4 } }));
    a().setField('learningRate', 'fast');
    a().applyLearningRate();
    expect(sent).toEqual([]);
    a().setField('learningRate', '0.01');
    a().applyLearningRate();
    expect(sent).toEqual([{ type: 'setLearningRate', runId: 4, learningRate: 0.01 }]);
    expect(a().run.pendingLearningRate).toBe(0.01);
  });

  it('pause, resume, stop and evaluate each send their command; evaluate counts the test images', () => {
    const { sent, a } = setUp();
    a().pause();
    a().resume();
    a().stop();
    a().evaluate();
    expect(sent.map((c) => c.type)).toEqual(['pause', 'resume', 'stop', 'evaluate']);
    expect(a().run.evaluation).toEqual({ done: 0, total: 10_000 });
  });
});
