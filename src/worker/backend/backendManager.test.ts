import { describe, expect, it } from 'vitest';
import { TINY_SPEC } from '../../model/testing/tinySpec';
import type { BackendName } from '../../model/backends';
import { optimizerConfig } from '../../model/optimizerDefaults';
import type { ModelSpec } from '../../model/types';
import { BackendManager } from './backendManager';
import type { WorkerEvent } from '../../protocol';
import { english, rejectedWords } from '../../i18n/testing/words';
import type { Message } from '../../model/message';

/** An event with its detail and reason worded in English, as the page shows them. */
const inEnglish = <T extends object>(e: T | undefined) =>
  e && { ...e, ...('detail' in e ? { detail: english(e.detail as Message) } : {}), ...('reason' in e ? { reason: english(e.reason as Message) } : {}) };

/** Fake backends: `speeds` in images/s; `broken` ones throw when started. */
function setup(speeds: Partial<Record<BackendName, number>>, broken: BackendName[] = []) {
  const events: WorkerEvent[] = [];
  let inUse: BackendName | null = null;
  const started: BackendName[] = [];
  const measured: BackendName[] = [];
  const manager = new BackendManager((e) => events.push(e), {
    names: ['wasm', 'webgl', 'cpu'],
    async start(name) {
      started.push(name);
      if (broken.includes(name)) throw new Error(`${name} is broken`);
      inUse = name;
      return { name, detail: `${name} detail`, slow: name === 'cpu' };
    },
    async measure() {
      measured.push(inUse as BackendName);
      return speeds[inUse as BackendName] ?? 1;
    },
  });
  const last = <T extends WorkerEvent['type']>(type: T) => events.filter((e) => e.type === type).at(-1) as Extract<WorkerEvent, { type: T }> | undefined;
  return { manager, events, started, measured, last, inUse: () => inUse, broken };
}

const ADAM = optimizerConfig('adam');
const WIDER: ModelSpec = { ...TINY_SPEC, layers: [{ type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' }, ...TINY_SPEC.layers.slice(1)] };

describe('BackendManager', () => {
  it('starts the first backend that works, then trains on the fastest measured', async () => {
    const t = setup({ wasm: 350, webgl: 14, cpu: 2 });
    await t.manager.start();
    expect(t.last('backend')).toMatchObject({ name: 'wasm', choice: 'auto' });
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    expect(t.measured).toEqual(['wasm', 'webgl', 'cpu']);
    const rates = t.last('backendRates');
    expect(rates).toMatchObject({ measuring: false, batchSize: 32 });
    expect(rates?.rates.map((r) => [r.name, r.imagesPerSec])).toEqual([['wasm', 350], ['webgl', 14], ['cpu', 2]]);
    expect(t.inUse()).toBe('wasm');
    expect(inEnglish(t.last('backend'))).toMatchObject({ name: 'wasm', reason: 'the fastest measured' });
    // Rates arrive one backend at a time while measuring.
    expect(t.events.filter((e) => e.type === 'backendRates' && e.measuring).length).toBeGreaterThanOrEqual(3);
  });

  it('switches to a real GPU when it measures faster', async () => {
    const t = setup({ wasm: 350, webgl: 4000, cpu: 2 });
    await t.manager.start();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    expect(t.inUse()).toBe('webgl');
    expect((await t.manager.settled()).name).toBe('webgl');
  });

  it('measures again only when the network changes size or the batch size changes', async () => {
    const t = setup({ wasm: 350 });
    await t.manager.start();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    await t.manager.measure({ ...TINY_SPEC }, 32, ADAM);
    expect(t.measured.length).toBe(3);
    await t.manager.measure(WIDER, 32, ADAM); // four times the convolution
    expect(t.measured.length).toBe(6);
    await t.manager.measure(WIDER, 64, ADAM);
    expect(t.measured.length).toBe(9);
  });

  it('reports a backend that cannot start, and never offers it', async () => {
    const t = setup({ wasm: 350, cpu: 2 }, ['webgl']);
    await t.manager.start();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    const webgl = t.last('backendRates')?.rates.find((r) => r.name === 'webgl');
    expect(webgl).toEqual({ name: 'webgl', imagesPerSec: null, error: 'webgl is broken' });
    const refused = t.manager.choose('webgl');
    await expect(refused).rejects.toMatchObject({ code: 'backend-choice' });
    expect(await rejectedWords(refused)).toBe('webgl cannot run here (webgl is broken); still training on wasm');
    expect(t.inUse()).toBe('wasm');
  });

  it('keeps the previous backend when the chosen one fails to start', async () => {
    const t = setup({ wasm: 350, webgl: 14, cpu: 2 });
    await t.manager.start();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    t.broken.push('webgl');
    await expect(t.manager.choose('webgl')).rejects.toMatchObject({ code: 'backend-choice' });
    expect(t.inUse()).toBe('wasm');
    expect((await t.manager.settled()).name).toBe('wasm');
    // The page hears the choice in force again, so its menu goes back to it.
    expect(t.last('backend')).toMatchObject({ name: 'wasm', choice: 'auto' });
  });

  it('follows the user choice, and back to the fastest on auto', async () => {
    const t = setup({ wasm: 350, webgl: 14, cpu: 2 });
    await t.manager.start();
    await t.manager.choose('cpu');
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    expect(t.inUse()).toBe('cpu');
    expect(inEnglish(t.last('backend'))).toMatchObject({ name: 'cpu', choice: 'cpu', reason: 'your choice' });
    await t.manager.choose('auto');
    expect(t.inUse()).toBe('wasm');
    expect(t.last('backend')).toMatchObject({ name: 'wasm', choice: 'auto' });
  });

  it('starts the remembered choice first', async () => {
    const events: WorkerEvent[] = [];
    const manager = new BackendManager((e) => events.push(e), {
      names: ['wasm', 'webgl', 'cpu'],
      start: async (name) => ({ name, detail: name, slow: false }),
      measure: async () => 1,
    }, 'cpu');
    expect((await manager.start()).name).toBe('cpu');
    expect(events.map(inEnglish)).toEqual([{ type: 'backend', name: 'cpu', detail: 'plain JavaScript', slow: false, choice: 'cpu', reason: 'your choice', threads: 1, cores: 0, availableCores: 1 }]);
  });

  it('trains wasm on every core allowed, says how many, and takes a lower count at once', async () => {
    const events: WorkerEvent[] = [];
    const manager = new BackendManager((e) => events.push(e), {
      names: ['wasm', 'cpu'],
      start: async (name) => ({ name, detail: name === 'wasm' ? 'WebAssembly SIMD' : name, slow: false }),
      measure: async () => 1,
      cores: 4,
    });
    await manager.start();
    expect(manager.threads).toBe(4);
    expect(inEnglish(events.at(-1))).toMatchObject({ detail: 'WebAssembly SIMD, 4 threads', threads: 4, cores: 0, availableCores: 4 });
    manager.setCores(1);
    expect(manager.threads).toBe(1);
    expect(english((events.at(-1) as { detail: Message }).detail)).toBe('WebAssembly SIMD, 1 thread');
    expect(events.at(-1)).toMatchObject({ threads: 1, cores: 1 });
    manager.setCores(9);
    expect(manager.threads).toBe(4);
    manager.working({ count: 3, why: { key: 'common:text', values: { text: 'a training helper stopped' } } });
    expect(english((events.at(-1) as { detail: Message }).detail)).toBe('WebAssembly SIMD, 3 threads');
    expect(english((events.at(-1) as { reason: Message }).reason)).toBe('a training helper stopped');
    // The next run trains on every core allowed again, for the backend's own reason.
    manager.working(null);
    expect(inEnglish(events.at(-1))).toMatchObject({ detail: 'WebAssembly SIMD, 4 threads', reason: 'the first to start' });
    await manager.choose('cpu');
    expect(manager.threads).toBe(1);
    expect(inEnglish(events.at(-1))).toMatchObject({ name: 'cpu', detail: 'plain JavaScript', threads: 1 });
  });

  it('falls back to the next fastest when the backend in use fails', async () => {
    const t = setup({ wasm: 350, webgl: 4000, cpu: 2 });
    await t.manager.start();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    const info = await t.manager.fallback('the WebGL context was lost');
    expect(info.name).toBe('wasm');
    expect(english(t.last('backend')?.reason)).toBe('webgl failed: the WebGL context was lost');
    expect(t.last('backendRates')?.rates.find((r) => r.name === 'webgl')?.imagesPerSec).toBeNull();
  });

  it('takes the rate a run really trained at, for the measured network and batch size only', async () => {
    const t = setup({ wasm: 300, webgl: 14, cpu: 2 });
    await t.manager.start();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    t.manager.observe(TINY_SPEC, 32, 420);
    expect(t.last('backendRates')?.rates.find((r) => r.name === 'wasm')?.imagesPerSec).toBe(420);
    const before = t.events.length;
    t.manager.observe(WIDER, 32, 100); // another network
    t.manager.observe(TINY_SPEC, 64, 500); // another batch size
    expect(t.events.length).toBe(before);
  });

  it('rejects with every reason when no backend works', async () => {
    const t = setup({}, ['wasm', 'webgl', 'cpu']);
    const failed = t.manager.start();
    await expect(failed).rejects.toMatchObject({ code: 'backend' });
    expect(await rejectedWords(failed)).toMatch(/wasm: wasm is broken; webgl: webgl is broken; cpu: cpu is broken/);
    await expect(t.manager.settled()).rejects.toMatchObject({ code: 'backend' });
  });
});

describe('BackendManager interrupted by a run', () => {
  it('stops measuring after the backend being timed, trains on the best so far, and finishes later', async () => {
    const events: WorkerEvent[] = [];
    let inUse: BackendName = 'wasm';
    let release!: () => void;
    const measured: BackendName[] = [];
    const manager = new BackendManager((e) => events.push(e), {
      names: ['wasm', 'webgl', 'cpu'],
      async start(name) {
        inUse = name;
        return { name, detail: name, slow: false };
      },
      async measure() {
        measured.push(inUse);
        // The first backend's measurement holds until the test lets it go.
        if (measured.length === 1) await new Promise<void>((r) => (release = r));
        return { wasm: 350, webgl: 14, cpu: 2 }[inUse];
      },
    });
    await manager.start();
    const measuring = manager.measure(TINY_SPEC, 32, ADAM);
    await new Promise((r) => setTimeout(r, 0));
    manager.interrupt();
    release();
    await measuring;
    expect(measured).toEqual(['wasm']);
    expect((await manager.settled()).name).toBe('wasm');
    const cut = events.filter((e) => e.type === 'backendRates').at(-1);
    expect(cut).toMatchObject({ measuring: false, rates: [{ name: 'wasm', imagesPerSec: 350 }] });
    await manager.finishMeasuring();
    expect(measured).toEqual(['wasm', 'wasm', 'webgl', 'cpu']);
  });

  it('an interrupt while not measuring cuts nothing short later', async () => {
    const t = setup({ wasm: 350, webgl: 14, cpu: 2 });
    await t.manager.start();
    t.manager.interrupt();
    await t.manager.measure(TINY_SPEC, 32, ADAM);
    expect(t.measured).toEqual(['wasm', 'webgl', 'cpu']);
  });
});
