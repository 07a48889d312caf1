import { describe, expect, it } from 'vitest';
import { emptyDrawingSet, type DrawingSet } from '../../drawings/drawingSet';
import { serializeDrawings } from '../../drawings/drawingsFile';
import type { DrawingsStorage } from '../../drawings/drawingsStorage';
import { wordMessage } from '../../i18n/i18n';
import { isMessage, message, MessageError, type Message } from '../../model/message';
import type { Command, RunSummary } from '../../protocol';
import { HELD_OUT_SEED, fineTuneBlockerOf } from './drawingsSlice';
import { applyDrawingsEvents, INITIAL_DRAWINGS_STATE, type DrawingsState } from './drawingsState';
import { trainBlocker } from '../selectors';
import { createAppStore } from '../useAppStore';

/** A message as the page words it in English (its default language); text as it is. */
const en = (m: Message | string | null | undefined): string | null | undefined => (isMessage(m) ? wordMessage(m) : m);

/** 784 pixels with a stroke of ink (or none). */
const ink = (on = true) => Float32Array.from({ length: 784 }, (_, i) => (on && i % 28 === 14 && i > 100 && i < 700 ? 1 : 0));

/** A storage that keeps what is saved, or fails every save with `failure`. */
function memoryStorage(failure: Error | null = null, stored: { digits?: DrawingSet; classes?: DrawingSet } = {}) {
  const saved: DrawingSet[] = [];
  const storage: DrawingsStorage = {
    load: async () => ({ digits: stored.digits ?? emptyDrawingSet('digits'), classes: stored.classes ?? emptyDrawingSet('classes') }),
    save: async (set) => {
      if (failure) throw failure;
      saved.push(set);
    },
  };
  return { storage, saved };
}

/** A store over a fake worker and `memoryStorage`, its stored drawings loaded. */
async function setUp(failure: Error | null = null) {
  const sent: Command[] = [];
  const { storage, saved } = memoryStorage(failure);
  const store = createAppStore({ send: (c) => sent.push(c) }, storage);
  const draw = (on = true) => store.getState().setInput(on ? ink() : null);
  await store.getState().loadDrawings();
  return { store, sent, saved, a: () => store.getState(), draw };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('your drawings in the store', () => {
  it('refuses every change until the stored drawings are loaded, so that none is saved over them', async () => {
    const stored = { ...emptyDrawingSet('digits'), drawings: [{ id: 'old', label: 4, pixels: new Uint8Array(784).fill(200), createdAt: 1 }] };
    const { storage, saved } = memoryStorage(null, { digits: stored });
    const store = createAppStore({ send: () => {} }, storage);
    const a = () => store.getState();
    a().setInput(ink());
    a().addDrawing('digits', 3);
    expect(en(a().drawings.addError)).toMatch(/still loading/);
    await a().loadDrawings();
    expect(a().drawings.digits.drawings.map((d) => d.id)).toEqual(['old']);
    a().addDrawing('digits', 3);
    await flush();
    expect(saved.at(-1)?.drawings.map((d) => d.label)).toEqual([4, 3]);
  });

  it('adds the drawing on the pad to a class and saves it; an empty pad or a test image is refused with the reason', async () => {
    const { a, draw, saved } = await setUp();
    a().addDrawing('digits', 3);
    expect(en(a().drawings.addError)).toBe('The pad is empty: draw something first');
    draw();
    a().addDrawing('digits', 3);
    expect(a().drawings.digits.drawings.map((d) => d.label)).toEqual([3]);
    expect(a().drawings.added).toBe(1);
    expect(en(a().drawings.addError)).toBeNull();
    await flush();
    expect(saved.at(-1)?.drawings).toHaveLength(1);
    a().showTestSample(4);
    a().addDrawing('digits', 3);
    expect(en(a().drawings.addError)).toMatch(/test image is not one of your drawings/);
    expect(a().drawings.digits.drawings).toHaveLength(1);
  });

  it('keeps a drawing that could not be saved, and says so', async () => {
    const { a, draw } = await setUp(new MessageError(message('drawings:storage.full', { what: message('drawings:storage.whatDigits') }), 'full'));
    draw();
    a().addDrawing('digits', 1);
    await flush();
    expect(a().drawings.digits.drawings).toHaveLength(1);
    expect({ ...a().drawings.message, text: en(a().drawings.message?.text) }).toEqual({ kind: 'error', text: expect.stringMatching(/storage is full.*stay in this tab: export them/) });
  });

  it('imports a drawings file, and leaves everything as it was for one that is not', async () => {
    const { a, draw } = await setUp();
    draw();
    a().addDrawing('digits', 2);
    const before = a().drawings.digits;
    a().importDrawings('{"hello": 1}', 'notes.json');
    expect(a().drawings.message?.kind).toBe('error');
    expect(en(a().drawings.message?.text)).toMatch(/^notes\.json: .*Your drawings are unchanged\.$/);
    expect(a().drawings.digits).toBe(before);
    const other = { ...emptyDrawingSet('classes'), classNames: ['cat', 'dog'], drawings: [{ id: 'x', label: 1, pixels: new Uint8Array(784).fill(9), createdAt: 1 }] };
    a().importDrawings(serializeDrawings(other), 'pets.json');
    expect(a().drawings.classes.classNames).toEqual(['cat', 'dog']);
    expect({ ...a().drawings.message, text: en(a().drawings.message?.text) }).toEqual({ kind: 'info', text: 'Imported 1 drawings of 2 classes from pets.json.' });
  });

  it('on your classes, sizes the network\'s output to the classes and blocks Train until each has ten drawings', async () => {
    const { a, draw, sent } = await setUp();
    a().setDataset('own');
    const out = () => a().spec.layers.at(-1);
    expect(out()).toMatchObject({ type: 'dense', units: 2 });
    expect(a().augment.shift.on).toBe(true);
    a().addClass();
    expect(out()).toMatchObject({ units: 3 });
    a().removeClass(2);
    expect(en(trainBlocker(a()) as Message | string | null)).toBe('Your classes: Draw at least 10 examples of "Class 1" (it has 0)');
    for (let i = 0; i < 20; i++) {
      draw();
      a().addDrawing('classes', i % 2);
    }
    expect(en(trainBlocker(a()) as Message | string | null)).toBeNull();
    // On MNIST the output is ten digits again; back on your classes, two.
    a().setDataset('mnist');
    expect(out()).toMatchObject({ units: 10 });
    a().setDataset('own');
    expect(out()).toMatchObject({ units: 2 });
    a().train();
    const cmd = sent.find((c) => c.type === 'train');
    expect(cmd?.type === 'train' && cmd.request).toMatchObject({ dataset: 'own', own: { classNames: ['Class 1', 'Class 2'], count: 20 } });
    expect(cmd?.type === 'train' && cmd.request.config.augment?.shift.on).toBe(true);
  });

  it('adds uploads to the class they were chosen for, even when a class above was removed while they were read', async () => {
    const { a } = await setUp();
    a().addClass(); // Class 1, Class 2, Class 3
    const upload = [{ name: 'a.png', pixels: ink() }, { name: 'b.png', pixels: null, problem: 'no ink was found' }];
    // Chosen for Class 3 (index 2); Class 1 is removed before the files are read.
    a().removeClass(0);
    a().addImages('classes', 2, 'Class 3', upload);
    expect(a().drawings.classes.drawings.map((d) => d.label)).toEqual([1]);
    expect({ ...a().drawings.message, text: en(a().drawings.message?.text) }).toEqual({ kind: 'info', text: 'Added 1 image to “Class 3”. Not added: b.png: no ink was found.' });
    // Its class renamed meanwhile (or gone): nothing is added, and the message says why.
    a().renameClass(1, 'cross');
    a().addImages('classes', 1, 'Class 3', upload);
    expect(a().drawings.classes.drawings).toHaveLength(1);
    expect(en(a().drawings.message?.text)).toMatch(/“Class 3” was removed or renamed while its files were read: nothing was added/);
    // Moved, and its name now taken twice: which class is meant cannot be told, so nothing is added either.
    a().renameClass(0, 'cross');
    a().addImages('classes', 5, 'cross', upload);
    expect(a().drawings.classes.drawings).toHaveLength(1);
    expect(en(a().drawings.message?.text)).toBe('Two classes are now named “cross”: nothing was added. Rename one, then upload again.');
  });

  it('keeps the output sized to your classes after a run ends and after Undo, and gives MNIST its batch and epochs back', async () => {
    const { a, store } = await setUp();
    a().setDataset('own');
    expect(a().form).toMatchObject({ batchSize: '8', epochs: '30' });
    store.setState((s) => ({ run: { ...s.run, status: 'training' } }));
    a().addClass();
    expect(a().spec.layers.at(-1)).toMatchObject({ units: 2 }); // a run holds the network
    store.setState((s) => ({ run: { ...s.run, status: 'done' } }));
    expect(a().spec.layers.at(-1)).toMatchObject({ units: 3 });
    a().undoSetup(); // back to before the switch: MNIST, ten outputs
    expect(a().dataset).toBe('mnist');
    expect(a().spec.layers.at(-1)).toMatchObject({ units: 10 });
    a().setDataset('own');
    a().setDataset('mnist');
    expect(a().form).toMatchObject({ batchSize: '32', epochs: '5' });
  });

  it('refuses to continue a run on your classes once they are other classes, and says why', async () => {
    const { a, sent, store } = await setUp();
    const summary = { id: 'r1', name: 'shapes', setup: { dataset: 'own', classNames: ['circle', 'cross'], trainSize: 'all', spec: a().spec, config: { epochs: 1, batchSize: 8, validationSplit: 0.2, seed: 1, earlyStopping: null, optimizer: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } } } } as unknown as RunSummary;
    store.setState((s) => ({ runs: { ...s.runs, list: [summary] } }));
    a().renameClass(0, 'Circle ');
    a().renameClass(1, 'square');
    a().continueRun('r1', 1);
    expect(sent.filter((c) => c.type === 'train')).toEqual([]);
    expect(en(a().run.error)).toMatch(/Your classes changed since "shapes" was trained/);
    a().renameClass(1, 'cross');
    a().continueRun('r1', 1);
    const cmd = sent.find((c) => c.type === 'train');
    expect(cmd?.type === 'train' && cmd.request.own?.classNames).toEqual(['Circle ', 'cross']);
  });

  it('fine-tunes the current MNIST run: continues it with the handwriting mixed in and the held-out drawings apart', async () => {
    const { a, draw, sent, store } = await setUp();
    expect(en(fineTuneBlockerOf(a()))).toMatch(/^Draw 10 more digits/);
    for (let i = 0; i < 20; i++) {
      draw();
      a().addDrawing('digits', i % 10);
    }
    expect(en(fineTuneBlockerOf(a()))).toMatch(/Train a network on MNIST digits first/);
    const summary = { id: 'r1', setup: { dataset: 'mnist', trainSize: 1000, spec: a().spec, config: { epochs: 1, batchSize: 32, validationSplit: 0.1, seed: 1, earlyStopping: null, optimizer: { name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } } } } as unknown as RunSummary;
    store.setState((s) => ({ run: { ...s.run, status: 'done', dataset: 'mnist', savedId: 'r1', runId: 1 }, runs: { ...s.runs, list: [summary] } }));
    expect(en(fineTuneBlockerOf(a()))).toBeNull();
    a().fineTune();
    const cmd = sent.find((c) => c.type === 'train');
    if (cmd?.type !== 'train') throw new Error('no train command');
    expect(cmd.request).toMatchObject({ runId: 2, continueFrom: 'r1', config: { epochs: 1 } });
    expect(cmd.request.mix).toMatchObject({ share: 0.5, train: { count: 10 }, heldOut: { count: 10 } });
    expect(a().drawings.fineTune).toMatchObject({ runId: 2, before: null, after: null });
    expect(a().drawings.fineTune?.heldOutIds).toHaveLength(10);
    expect(HELD_OUT_SEED).toBe(42);
  });
});

describe('applyDrawingsEvents', () => {
  const score = (epoch: number, correct: number) => ({ type: 'heldOutAccuracy' as const, runId: 2, when: epoch === 1 ? ('before' as const) : ('after' as const), epoch, correct, count: 10, predicted: new Uint8Array(10) });

  it('keeps the held-out score before fine-tuning and the latest after it, for the fine-tuning run only', () => {
    let s: DrawingsState = { ...INITIAL_DRAWINGS_STATE, fineTune: { runId: 2, heldOutIds: [], before: null, after: null } };
    s = applyDrawingsEvents(s, [score(1, 6), { ...score(1, 0), runId: 9 }, score(2, 9), score(3, 10)], 2);
    expect(s.fineTune?.before?.correct).toBe(6);
    expect(s.fineTune?.after).toMatchObject({ epoch: 3, correct: 10 });
  });

  it('shows a preview only for the latest request, and a run\'s sample only for the current run', () => {
    const sample = { type: 'augmentSample' as const, originals: null, perOriginal: 0, images: new Uint8Array(784), labels: new Uint8Array(1), count: 1 };
    const s = { ...INITIAL_DRAWINGS_STATE, previewRequestId: 3 };
    expect(applyDrawingsEvents(s, [{ ...sample, requestId: 2, runId: null }], 1).sample).toBeNull();
    expect(applyDrawingsEvents(s, [{ ...sample, requestId: 3, runId: null }], 1).sample?.source).toBe('preview');
    expect(applyDrawingsEvents(s, [{ ...sample, requestId: null, runId: 4 }], 1).sample).toBeNull();
    expect(applyDrawingsEvents(s, [{ ...sample, requestId: null, runId: 1 }], 1).sample?.source).toBe('training');
  });
});
