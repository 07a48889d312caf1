import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openView, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

/** The ten bars' probabilities, as the page holds them (full float precision). */
const barProbs = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=prediction-bars] li')].map((li) => Number((li as HTMLElement).dataset.prob)));

/** Waits until the bars come from a trained model (not the untrained preview) and returns them: in the Train view. */
async function trainedProbs(page: Page): Promise<number[]> {
  await openView(page, 'train');
  await page.waitForFunction(() => /^live model/.test(document.querySelector('[data-testid=prediction-model-state]')?.textContent ?? ''), null, { timeout: 60_000 });
  return barProbs(page);
}

/**
 * Waits for the backends' measurement after a run to end: while it runs, an
 * answer may come from another backend, whose last digits differ.
 */
async function measured(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=backend-rates]');
    return el && el.querySelectorAll('[data-backend]').length === 3 && !/measuring/i.test(document.body.textContent ?? '');
  }, null, { timeout: 120_000 });
}

/** Makes test image `index` the input through the store (`?debug` exposes it), as a gallery click does. */
const showTestImage = (page: Page, index: number) =>
  page.evaluate((i) => (window as unknown as { convscope: { store: { getState(): { showTestSample(i: number): void } } } }).convscope.store.getState().showTestSample(i), index);

/** Trains the setup once, to its test result, watched in the Train view. */
async function trainOnce(page: Page): Promise<void> {
  await openView(page, 'train');
  await page.getByTestId('train-button').click();
  await waitForStatus(page, ['done']);
  await page.waitForFunction(() => document.querySelector('[data-testid=test-accuracy]')?.textContent !== '—', null, { timeout: 120_000 });
  await measured(page);
}

/** Waits until the run list (in the Results view) shows `n` runs, the newest matching `newest` (by default: saved with its test result). */
async function runsListed(page: Page, n: number, newest = 'test \\d'): Promise<void> {
  await openView(page, 'results');
  await page.waitForFunction(
    ([count, pattern]) => {
      const rows = document.querySelectorAll('[data-testid=run-list] [data-run-id]');
      return rows.length === count && new RegExp(pattern).test(rows[0].textContent ?? '');
    },
    [n, newest] as const,
    { timeout: 60_000 },
  );
}

describe('saved runs and model files', () => {
  it('a reload keeps the runs and the model: the same test image gets identical probabilities', async () => {
    const page = await openApp(browser(), '?n=1000&epochs=1');
    await trainOnce(page);
    await runsListed(page, 1);
    await openView(page, 'train');
    await page.getByTestId('next-test-image').click();
    const before = await trainedProbs(page);
    const testAccuracy = await text(page, 'test-accuracy');
    const lossPoints = await page.getByTestId('loss-chart').getAttribute('data-points');

    await page.reload();
    await runsListed(page, 1);
    await openView(page, 'train');
    expect(await page.getByTestId('run-notice').textContent({ timeout: 60_000 })).toMatch(/^Opened ".+" with its epoch 1 weights/);
    // The run's history and results come back with it.
    expect(await text(page, 'test-accuracy')).toBe(testAccuracy);
    expect(await page.getByTestId('loss-chart').getAttribute('data-points')).toBe(lossPoints);
    expect(await text(page, 'training-status')).toBe('done');
    await measured(page);
    await page.getByTestId('next-test-image').click();
    expect(await trainedProbs(page)).toEqual(before);

    // One more epoch from the saved weights and optimizer state: the same run grows.
    await openView(page, 'results');
    await page.getByTestId('continue-epochs').fill('1');
    await page.getByTestId('continue-training').click();
    await waitForStatus(page, ['done']);
    await openView(page, 'train');
    expect(await text(page, 'run-notice')).toMatch(/^Continuing ".+" from epoch 1, with its optimizer state/);
    expect(await text(page, 'epoch-counter')).toBe('2 / 2');
    await openView(page, 'results');
    await page.waitForFunction(() => /2\/2 epochs · test \d/.test(document.querySelector('[data-testid=run-list] [data-run-id]')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await page.getByTestId('run-list').locator('[data-run-id]').count()).toBe(1);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('download then upload: the uploaded model predicts identically, and becomes a saved run', async () => {
    const page = await openApp(browser(), '?n=1000&epochs=1&debug');
    await trainOnce(page);
    await runsListed(page, 1);
    await showTestImage(page, 0);
    const before = await trainedProbs(page);

    const dir = mkdtempSync(join(tmpdir(), 'convscope-model-'));
    const downloads: string[] = [];
    page.on('download', (d) => void d.saveAs(join(dir, d.suggestedFilename())).then(() => downloads.push(d.suggestedFilename())));
    await openView(page, 'results');
    await page.getByTestId('model-format-select').selectOption('tfjs');
    await page.getByTestId('download-model').click();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
    // Named after the run and the time, so that a second download never collides with the first.
    const [jsonName, binName] = downloads.sort();
    expect(jsonName).toMatch(/^convscope-MNIST-1-epoch-adam-0\.001-\d{8}-\d{6}\.json$/);
    expect(binName).toBe(jsonName.replace(/\.json$/, '.weights.bin'));

    // Only model.json: refused with the reason, nothing changed.
    await page.getByTestId('upload-model').setInputFiles(join(dir, jsonName));
    expect(await page.getByTestId('error-banner').textContent({ timeout: 30_000 })).toContain(binName);
    await openView(page, 'train');
    expect(await barProbs(page)).toEqual(before);

    // A model for other images (32×32×1) opens in the editor for study; the model and its run stay.
    const json = JSON.parse(readFileSync(join(dir, jsonName), 'utf8'));
    json.modelTopology.config.layers[0].config.batch_input_shape = [null, 32, 32, 1];
    writeFileSync(join(dir, 'other-size.json'), JSON.stringify(json));
    await openView(page, 'results');
    await page.getByTestId('upload-model').setInputFiles(join(dir, 'other-size.json'));
    await openView(page, 'train');
    expect(await page.getByTestId('run-notice').textContent({ timeout: 30_000 })).toMatch(/takes 32×32×1 images.*study only/);
    expect(await page.getByTestId('train-button').textContent()).toBe('Study only');
    expect(await barProbs(page)).toEqual(before);
    await openView(page, 'design');
    await page.getByTestId('undo-architecture').click();
    expect(await page.getByTestId('train-button').textContent()).not.toBe('Study only');

    await openView(page, 'results');
    await page.getByTestId('upload-model').setInputFiles(downloads.map((f) => join(dir, f)));
    await openView(page, 'train');
    await expect.poll(() => text(page, 'run-notice'), { timeout: 60_000 }).toMatch(/^Opened convscope-MNIST/);
    await runsListed(page, 2, 'from a file');
    // The same test image, now answered by the uploaded model (it has trained no epoch here).
    await openView(page, 'train');
    await page.waitForFunction(() => document.querySelector('[data-testid=prediction-model-state]')?.textContent === 'live model, epoch 0.00', null, { timeout: 60_000 });
    await measured(page);
    // Asked again (another image, then this one), so that the answer is certainly the uploaded model's, on the chosen backend.
    await showTestImage(page, 1);
    await expect.poll(() => barProbs(page), { timeout: 30_000 }).not.toEqual(before);
    await showTestImage(page, 0);
    await expect.poll(() => barProbs(page), { timeout: 30_000 }).toEqual(before);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('a confusion cell shows exactly its images; a gallery image becomes the input', async () => {
    const page = await openApp(browser(), '?n=1000&epochs=1');
    await trainOnce(page);
    await openView(page, 'results');
    const matrix = page.getByTestId('confusion-matrix');
    await matrix.scrollIntoViewIfNeeded();
    // The fullest off-diagonal cell that fits in one gallery.
    const cell = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('[data-testid=confusion-matrix] [data-true][data-pred]')] as HTMLElement[];
      const off = cells
        .map((c) => ({ t: c.dataset.true!, p: c.dataset.pred!, n: Number(c.dataset.count) }))
        .filter((c) => c.t !== c.p && c.n > 0 && c.n <= 100);
      return off.sort((a, b) => b.n - a.n)[0];
    });
    expect(cell.n).toBeGreaterThan(0);
    await matrix.locator(`[data-true="${cell.t}"][data-pred="${cell.p}"]`).click();
    const gallery = page.getByTestId('confusion-gallery');
    await gallery.waitFor({ timeout: 60_000 });
    expect(await gallery.locator('canvas').count()).toBe(cell.n);
    expect(await gallery.locator('button').first().getAttribute('aria-label')).toMatch(new RegExp(`^${cell.t} → ${cell.p} · `));
    const accuracy = Number((await text(page, 'test-accuracy'))!.replace('%', '')) / 100;
    // A gallery image opens in the Train view, with what the model makes of it; Back returns to the gallery.
    await gallery.locator('button').first().click();
    expect(await page.locator('[data-view=train]').isVisible()).toBe(true);
    expect(await page.getByTestId('true-label').textContent({ timeout: 30_000 })).toContain(cell.t);
    await page.goBack();
    await gallery.waitFor();
    expect(await gallery.locator('button[aria-pressed=true]').count()).toBe(1);

    await page.getByTestId('show-wrong').click();
    const wrong = page.getByTestId('wrong-gallery');
    await wrong.waitFor({ timeout: 60_000 });
    expect(await wrong.locator('canvas').count()).toBe(Math.min(100, Math.round((1 - accuracy) * 10_000)));
    expect(await page.getByTestId('classification-report').locator('tbody tr[data-class-index]').count()).toBe(10);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('comparing two runs overlays two curves and marks the setting that differs; a rename shows at once', async () => {
    const page = await openApp(browser(), '?n=1000&epochs=1');
    await trainOnce(page);
    await page.getByTestId('learning-rate-input').fill('0.01');
    await trainOnce(page);
    await runsListed(page, 2);
    const rows = page.getByTestId('run-list').locator('[data-run-id]');
    await rows.nth(0).getByRole('button', { name: 'Rename' }).click();
    await rows.nth(0).getByRole('textbox', { name: 'Run name' }).fill('higher rate');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.nth(0).locator('.saved-run-name').textContent(), { timeout: 30_000 }).toBe('higher rate');

    await rows.nth(0).getByTestId('compare-toggle').check();
    await rows.nth(1).getByTestId('compare-toggle').check();
    const compare = page.getByTestId('compare-runs');
    await compare.waitFor();
    await expect.poll(() => compare.getByTestId('compare-loss-chart').locator('[data-series]').count(), { timeout: 60_000 }).toBe(2);
    expect(await compare.getByTestId('compare-accuracy-chart').locator('[data-series]').count()).toBe(2);
    const differing = await compare.getByTestId('compare-setups').locator('tbody tr[data-differs] th').allTextContents();
    expect(differing).toContain('learning rate');
    expect(differing).not.toContain('batch size');
    expect(await compare.locator('thead').textContent()).toContain('higher rate');

    // Opening the older run makes it the model, and its settings the editor's.
    await rows.nth(1).locator('.saved-run-name').click();
    await openView(page, 'train');
    expect(await page.getByTestId('run-notice').textContent({ timeout: 60_000 })).toMatch(/^Opened ".+" with its epoch 1 weights/);
    await expect.poll(() => page.getByTestId('learning-rate-input').inputValue(), { timeout: 30_000 }).toBe('0.001');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('a worker that dies mid-run is replaced, and the last saved epoch comes back', async () => {
    // A 1 s heartbeat: the crash is noticed after 6 s of silence, not 30. Shorter is
    // not safe: on a loaded machine, one WebGL step of the new worker's backend
    // measurement (SwiftShader compiling shaders) blocks it for seconds, and a
    // 300 ms heartbeat (1.8 s of silence) replaced that healthy worker three times.
    const page = await openApp(browser(), '?n=1000&epochs=30&debug&heartbeat=1000');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    // The run is saved with its first epoch's weights.
    await openView(page, 'results');
    await page.waitForFunction(() => /training · [1-9]\d*\/30/.test(document.querySelector('[data-testid=run-list] [data-run-id]')?.textContent ?? ''), null, { timeout: 120_000 });
    await page.evaluate(() => (window as unknown as { convscope: { injectFault(f: string): void } }).convscope.injectFault('crashWorker'));
    expect(await page.getByTestId('error-banner').textContent({ timeout: 30_000 })).toMatch(/stopped answering/);
    await openView(page, 'train');
    expect(await page.getByTestId('run-notice').textContent({ timeout: 60_000 })).toMatch(/^Opened ".+" with its epoch \d+ weights/);
    await waitForStatus(page, ['stopped'], 30_000);
    await openView(page, 'results');
    await expect.poll(() => page.getByTestId('run-list').locator('[data-run-id]').first().textContent(), { timeout: 30_000 }).toMatch(/interrupted/);
    // The new worker trains too.
    await page.getByTestId('epochs-input').fill('1');
    await trainOnce(page);
    await page.close();
  });
});
