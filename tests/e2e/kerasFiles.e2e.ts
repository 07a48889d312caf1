import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openView, percent, reveal, text, uncaughtErrors, useBrowser } from './browser';

const browser = useBrowser();
const FIXTURES = fileURLToPath(new URL('../fixtures/keras/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

/** The ten bars' probabilities, as the page holds them. */
const barProbs = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=prediction-bars] li')].map((li) => Number((li as HTMLElement).dataset.prob)));

/** Makes test image `index` the input through the store (`?debug` exposes it). */
const showTestImage = (page: Page, index: number) =>
  page.evaluate((i) => (window as unknown as { convscope: { store: { getState(): { showTestSample(i: number): void } } } }).convscope.store.getState().showTestSample(i), index);

/** Opens model files as a person does, with Open model file…, and waits for the page to say what it opened. */
async function openModel(page: Page, paths: string[], notice: RegExp): Promise<void> {
  await openView(page, 'results');
  await page.getByTestId('upload-model').setInputFiles(paths);
  await openView(page, 'train');
  await expect.poll(() => text(page, 'run-notice'), { timeout: 60_000 }).toMatch(notice);
}

/** The model's answer to the current input, once it has come (not an earlier input's, or the model before's): as the store holds it. */
async function answer(page: Page): Promise<number[]> {
  const handle = await page.waitForFunction(() => {
    const s = (window as unknown as { convscope: { store: { getState(): { inspect: { answered: number; requestId: number; probs: Float32Array | null } } } } }).convscope.store.getState().inspect;
    return s.answered === s.requestId && s.probs ? Array.from(s.probs) : null;
  }, null, { timeout: 60_000 });
  return (await handle.jsonValue()) as number[];
}

/** The opened model's answer for test image `index`, asked after another image so that it is certainly this model's. */
async function probsFor(page: Page, index: number): Promise<number[]> {
  await showTestImage(page, index + 1);
  await page.waitForFunction(() => /^live model/.test(document.querySelector('[data-testid=prediction-model-state]')?.textContent ?? ''), null, { timeout: 60_000 });
  const other = await answer(page);
  await showTestImage(page, index);
  const probs = await answer(page);
  expect(probs).not.toEqual(other);
  // The bars show it.
  await expect.poll(() => barProbs(page), { timeout: 30_000 }).toEqual(probs);
  return probs;
}

/** Probabilities equal but for the last float digits (the backend the answer came from may have changed after its measurement). */
const close = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 1e-6);

/** Evaluates the current model on the whole test set; its accuracy. */
async function evaluate(page: Page): Promise<number> {
  const button = await reveal(page, 'evaluate-button', 'train');
  await button.click();
  await page.waitForFunction(() => /%$/.test(document.querySelector('[data-testid=test-accuracy]')?.textContent ?? ''), null, { timeout: 120_000 });
  return percent(await text(page, 'test-accuracy'));
}

describe('real Keras files in and out', () => {
  it('opens a .h5, a .keras and an extension-less, multi-output TensorFlow.js folder: each predicts and evaluates; a .keras download opens again with identical predictions', async () => {
    const page = await openApp(browser(), '?debug');

    await openModel(page, [fixture('keras2_reshape.h5')], /^Opened keras2_reshape: 12 layers with their weights/);
    const reshape = await probsFor(page, 0);
    expect(reshape.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(await evaluate(page)).toBeGreaterThanOrEqual(0);
    await openView(page, 'design');
    expect(await page.getByTestId('layer-row').first().getAttribute('data-layer-type')).toBe('reshape');
    // The summary as Keras prints it, with the file's layer types.
    const summary = await text(page, 'model-summary');
    for (const row of ['reshape (Reshape)(None, 28, 28, 1)', 're_lu (ReLU)', 'global_average_pooling2d (GlobalAveragePooling2D)(None, 8)', 'zero_padding2d (ZeroPadding2D)(None, 15, 15, 8)']) {
      expect(summary).toContain(row);
    }
    expect(await text(page, 'total-params')).toBe('1,002');

    await openModel(page, [fixture('keras3_rescaling.keras')], /^Opened keras3_rescaling: 12 layers/);
    const rescaling = await probsFor(page, 0);
    expect(rescaling).not.toEqual(reshape);
    expect(await evaluate(page)).toBeGreaterThanOrEqual(0);

    const folder = fixture('tfjs_multi_output');
    await openModel(page, readdirSync(folder).map((f) => join(folder, f)), /Convscope reads the classifier "classifier"/);
    const multi = await probsFor(page, 0);
    expect(await evaluate(page)).toBeGreaterThanOrEqual(0);

    // Download as .keras (the default format), then open that file: the same answers.
    const dir = mkdtempSync(join(tmpdir(), 'convscope-keras-'));
    const saved: string[] = [];
    page.on('download', (d) => void d.saveAs(join(dir, d.suggestedFilename())).then(() => saved.push(d.suggestedFilename())));
    await openView(page, 'results');
    expect(await page.getByTestId('model-format-select').inputValue()).toBe('keras');
    await page.getByTestId('download-model').click();
    await expect.poll(() => saved.length, { timeout: 30_000 }).toBe(1);
    expect(saved[0]).toMatch(/\.keras$/);
    await openModel(page, [join(dir, saved[0])], /^Opened convscope-/);
    const reopened = await probsFor(page, 0);
    expect(close(reopened, multi), `${reopened} vs ${multi}`).toBe(true);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('names the cause of each bad file, and changes nothing on the page', async () => {
    const page = await openApp(browser(), '?debug');
    await openModel(page, [fixture('keras3_lenet.h5')], /^Opened keras3_lenet/);
    const before = await probsFor(page, 3);
    const bad: [string, RegExp][] = [
      ['bad_truncated.h5', /^bad_truncated\.h5 is truncated or damaged/],
      ['bad_not_keras.h5', /is an HDF5 file but not a Keras model/],
      ['bad_no_config.keras', /has no config\.json/],
      ['bad_shape.h5', /has shape 5×5×1×8, but layer "conv2d" needs its kernel to be 3×3×1×8/],
      ['bad_missing_weight.h5', /lists a weight "dense\/bias:0" that the file does not hold/],
      ['bad_lambda.h5', /a Lambda layer \(Python code, which cannot run in a browser\)/],
      ['bad_lstm.h5', /an LSTM \(a recurrent layer, for sequences\)/],
      ['bad_two_inputs.h5', /The model has 2 inputs/],
      ['bad_text_input.h5', /The model's input is int32 numbers/],
    ];
    for (const [name, message] of bad) {
      await openView(page, 'results');
      await page.getByTestId('upload-model').setInputFiles(fixture(name));
      await expect.poll(() => text(page, 'error-banner'), { timeout: 30_000 }).toMatch(message);
    }
    // Too large: refused before it is read.
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid=upload-model]') as HTMLInputElement;
      const big = new File([new Uint8Array(1)], 'huge.h5');
      Object.defineProperty(big, 'size', { value: 2 ** 31 });
      const list = new DataTransfer();
      list.items.add(big);
      input.files = list.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => text(page, 'error-banner'), { timeout: 30_000 }).toMatch(/^huge\.h5 is 2048 MB: larger than any model Convscope can train/);
    await openView(page, 'train');
    const after = await barProbs(page);
    expect(close(after, before), `${after} vs ${before}`).toBe(true);
    await openView(page, 'design');
    expect(await page.getByTestId('layer-row').first().getAttribute('data-layer-type')).toBe('zeroPadding2d');
    // The editor adds the new types too, where they fit: a SpatialDropout2D among the image layers, and the network stays trainable.
    await page.getByTestId('add-layer-type').selectOption('spatialDropout2d');
    await page.getByTestId('add-layer').click();
    const types = await page.getByTestId('layer-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-layer-type')));
    expect(types.indexOf('spatialDropout2d')).toBeLessThan(types.indexOf('flatten'));
    expect(await page.getByTestId('train-button').isEnabled()).toBe(true);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });
});
