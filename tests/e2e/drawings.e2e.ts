import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openView, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';
import { circle, cross, digit, drawStrokes, type Stroke } from './drawOnPad';

const browser = useBrowser();

/** Draws `strokes` in the pad and adds the drawing to class `label` (the pad then clears itself). */
async function addDrawing(page: Page, strokes: Stroke[], label: number): Promise<void> {
  await openView(page, 'train'); // the pad, with the buttons that add to your drawings under it
  const count = Number(await page.getByTestId(`add-count-${label}`).textContent());
  await drawStrokes(page, strokes);
  await page.getByTestId(`add-drawing-${label}`).click();
  await page.waitForFunction(([l, n]) => document.querySelector(`[data-testid=add-count-${l}]`)?.textContent === String(n), [label, count + 1] as const);
}

/** Draws `strokes` on a cleared pad and waits for the live model to name `className` on top. */
async function predicts(page: Page, strokes: Stroke[], className: string): Promise<void> {
  await openView(page, 'train');
  await page.getByTestId('clear-drawing').click();
  await drawStrokes(page, strokes);
  await page.waitForFunction((name) => document.querySelector('[data-testid=prediction-top]')?.textContent?.startsWith(name), className, { timeout: 60_000 });
}

describe('learning from your own drawings', () => {
  it('two invented classes: ten drawings each, trained from scratch with augmentation; the pad then tells a new one of each apart, and they survive a reload, an export and an import', async () => {
    const page = await openApp(browser());
    await page.getByTestId('dataset-select').selectOption('own');
    await openView(page, 'data');
    await page.getByTestId('class-name-0').fill('circle');
    await page.getByTestId('class-name-1').fill('cross');
    // An empty pad is refused with the reason, and a class short of ten keeps Train disabled with it.
    await openView(page, 'train');
    await page.getByTestId('add-drawing-0').click();
    expect(await text(page, 'add-drawing-error')).toBe('The pad is empty: draw something first');
    for (let v = 0; v < 10; v++) {
      await addDrawing(page, circle(v), 0);
      if (v < 9) await addDrawing(page, cross(v), 1);
    }
    expect(await page.getByTestId('train-button').isDisabled()).toBe(true);
    expect(await text(page, 'train-disabled-reason')).toMatch(/Draw at least 10 examples of "cross" \(it has 9\)/);
    await addDrawing(page, cross(9), 1);
    await openView(page, 'data');
    expect(await text(page, 'class-count-1')).toBe('10 / 10');
    await openView(page, 'design');
    expect(await page.getByTestId('augment-shift').isChecked()).toBe(true);
    // The grid shows augmented variants before training…
    await page.waitForFunction(() => document.querySelector('[data-testid=augment-grid-source]')?.getAttribute('data-source') === 'preview', null, { timeout: 60_000 });
    // …and a sample of the batches being trained while it trains.
    const live = page.waitForFunction(() => document.querySelector('[data-testid=augment-grid-source]')?.getAttribute('data-source') === 'training', null, { timeout: 120_000, polling: 50 });
    await page.getByTestId('train-button').click();
    await live;
    expect(await waitForStatus(page, ['done', 'error', 'diverged'])).toBe('done');
    await openView(page, 'train');
    expect(await text(page, 'run-outcome')).toMatch(/no test set/);
    await predicts(page, circle(11), 'circle');
    await predicts(page, cross(13), 'cross');
    expect(await page.getByTestId('prediction-bars').textContent()).toMatch(/circle.*cross/);
    expect(uncaughtErrors(page)).toEqual([]);

    // A reload keeps the classes, their drawings and the trained model.
    await page.reload();
    await openView(page, 'data');
    await page.waitForFunction(() => document.querySelector('[data-testid=drawings-panel]')?.getAttribute('data-loaded') === 'true', null, { timeout: 60_000 });
    await page.getByTestId('dataset-select').selectOption('own');
    expect(await page.getByTestId('class-name-0').inputValue()).toBe('circle');
    expect(await page.getByTestId('class-name-1').inputValue()).toBe('cross');
    expect(await text(page, 'class-count-0')).toBe('10 / 10');
    expect(await page.getByTestId('drawing-thumb').count()).toBe(20);
    await predicts(page, cross(17), 'cross');

    // Export, delete one, import: the deleted drawing is back and nothing is doubled; a file that is not one changes nothing.
    await openView(page, 'data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-drawings').click()]);
    const file = await readFile((await download.path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'convscope-drawings', version: 1, kind: 'classes', classNames: ['circle', 'cross'] });
    await page.getByTestId('delete-drawing').first().click();
    expect(await text(page, 'class-count-0')).toBe('9 / 10');
    await page.getByTestId('import-drawings').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForFunction(() => document.querySelector('[data-testid=class-count-0]')?.textContent === '10 / 10');
    expect(await text(page, 'drawings-message')).toMatch(/Imported 1 drawings from mine\.json \(19 you already had were skipped\)/);
    await page.getByTestId('import-drawings').setInputFiles({ name: 'v2.json', mimeType: 'application/json', buffer: Buffer.from(file.replace('"version": 1', '"version": 2')) });
    await page.waitForFunction(() => /version 2/.test(document.querySelector('[data-testid=drawings-message]')?.textContent ?? ''));
    expect(await text(page, 'drawings-message')).toMatch(/Your drawings are unchanged/);
    expect(await page.getByTestId('drawing-thumb').count()).toBe(20);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('your handwriting: fine-tuning an MNIST model on it raises its accuracy on your held-out drawings', async () => {
    const page = await openApp(browser());
    await page.getByTestId('train-size-select').selectOption('1000');
    await page.getByTestId('epochs-input').fill('1');
    await page.getByTestId('train-button').click();
    expect(await waitForStatus(page, ['done', 'error', 'diverged'])).toBe('done');
    await openView(page, 'data');
    expect(await text(page, 'fine-tune-blocker')).toMatch(/Draw 10 more digits/);
    for (let v = 0; v < 3; v++) for (let d = 0; d < 10; d++) await addDrawing(page, digit(d, v), d);
    await openView(page, 'data');
    expect(await page.getByTestId('fine-tune').isEnabled()).toBe(true);
    await page.getByTestId('fine-tune-epochs').fill('2');
    await page.getByTestId('fine-tune').click();
    expect(await waitForStatus(page, ['done', 'error', 'diverged'])).toBe('done');
    const held = page.getByTestId('held-out-accuracy');
    await page.waitForFunction(() => document.querySelector('[data-testid=held-out-accuracy]')?.getAttribute('data-after') !== '', null, { timeout: 60_000 });
    const before = Number(await held.getAttribute('data-before'));
    const after = Number(await held.getAttribute('data-after'));
    expect(await held.textContent()).toMatch(/before \d+\/10 .* after 2 epochs of fine-tuning: \d+\/10/);
    expect(after).toBeGreaterThan(before);
    expect(after).toBeGreaterThanOrEqual(0.8);

    // A reload keeps the fine-tuning with the run: its row and the section say how it went.
    await page.reload();
    await openView(page, 'data');
    await page.waitForFunction(() => document.querySelector('[data-testid=held-out-accuracy]')?.getAttribute('data-saved') === 'true', null, { timeout: 60_000 });
    expect(Number(await held.getAttribute('data-before'))).toBe(before);
    expect(Number(await held.getAttribute('data-after'))).toBe(after);
    expect(await held.textContent()).toMatch(/^This run's last fine-tuning \(20 drawings, 50% of each batch\).*after 2 epochs of fine-tuning/);
    await openView(page, 'results');
    expect(await page.getByTestId('run-list').locator('[data-run-id]').first().textContent()).toMatch(/handwriting \d+\/10 → \d+\/10/);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });
});
