import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../../engine/buildModel';
import { wordMessage } from '../../i18n/i18n';
import { ModelInspector } from '../../engine/inspectModel';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import { Inspection, type LiveModel } from '../inspect/inspection';
import type { WorkerEvent } from '../../protocol';
import { ExplainError } from './ExplainError';
import { NO_MODEL } from './explainer';
import { FilterImages } from './filterImages';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Images = Extract<WorkerEvent, { type: 'filterImages' }>;

function setUp(live: () => LiveModel | null) {
  const events: WorkerEvent[] = [];
  const inspection = new Inspection((e) => events.push(e), async () => live());
  const images = new FilterImages((e) => events.push(e), inspection);
  const answers = () => events.filter((e): e is Images => e.type === 'filterImages');
  const progress = () => events.filter((e) => e.type === 'filterImagesProgress');
  return { events, inspection, images, answers, progress };
}

const liveOf = (built: ReturnType<typeof buildModel>, at = 0.5): LiveModel => ({ inspector: new ModelInspector(built), spec: TINY_SPEC, trained: true, at, runId: 2 });

describe('FilterImages', () => {
  it('answers with one image per filter, then from its cache for the same weights, and leaks nothing', async () => {
    const built = buildModel(TINY_SPEC, 4);
    const live = liveOf(built);
    const { images, answers, progress } = setUp(() => live);
    const before = tf.memory().numTensors;
    await images.start(1, 0);
    expect(answers()).toHaveLength(1);
    expect(answers()[0]).toMatchObject({ requestId: 1, layer: 0, filters: 2, height: 28, width: 28, cancelled: false, at: 0.5 });
    expect(answers()[0].images).toHaveLength(2 * 784);
    expect(progress().length).toBeGreaterThan(0);
    const steps = progress().length;
    await images.start(2, 0);
    expect(answers()[1]).toMatchObject({ requestId: 2, cancelled: false });
    expect(progress()).toHaveLength(steps); // no step computed again
    live.at = 0.75; // the weights moved on: computed again
    await images.start(3, 0);
    expect(progress().length).toBeGreaterThan(steps);
    expect(tf.memory().numTensors).toBe(before);
    built.model.dispose();
  });

  it('stops after the step in flight when cancelled, or when the model is replaced, and answers without images', async () => {
    const built = buildModel(TINY_SPEC, 4);
    let live = liveOf(built);
    const { images, answers, progress } = setUp(() => live);
    const job = images.start(1, 0);
    await new Promise((r) => setTimeout(r, 0));
    images.cancel(1);
    await job;
    expect(answers()).toEqual([expect.objectContaining({ requestId: 1, cancelled: true, filters: 0 })]);

    const other = buildModel(TINY_SPEC, 5);
    const second = images.start(2, 0);
    await new Promise((r) => setTimeout(r, 0));
    live = liveOf(other); // a new run's model
    await second;
    expect(answers()[1]).toMatchObject({ requestId: 2, cancelled: true });
    expect(progress().length).toBeLessThan(10);
    built.model.dispose();
    other.model.dispose();
  });

  it('says so when there is no model or the layer has no maps', async () => {
    const { images } = setUp(() => null);
    await expect(images.start(1, 0)).rejects.toThrow(new ExplainError(NO_MODEL));
    const built = buildModel(TINY_SPEC, 4);
    const { images: withModel } = setUp(() => liveOf(built));
    const failure = await withModel.start(1, 2).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(ExplainError);
    expect(wordMessage((failure as ExplainError).detail)).toMatch(/conv or pooling layer/);
    built.model.dispose();
  });
});
