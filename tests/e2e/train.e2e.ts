import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawStroke, openApp, percent, points, reveal, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

async function setUp(page: Page, { epochs = '1', lr = '0.001' } = {}) {
  await page.getByTestId('dataset-select').selectOption('mnist');
  await page.getByTestId('train-size-select').selectOption('1000');
  await page.getByTestId('epochs-input').fill(epochs);
  await page.getByTestId('learning-rate-input').fill(lr);
}

describe('training in the browser', () => {
  it('trains MNIST on 1k images: live curves, pause and resume, validation and test accuracy', async () => {
    const page = await openApp(browser());
    expect(await text(page, 'backend-name')).toMatch(/^(wasm|webgl|cpu)$/);
    // Three epochs: on a fast backend one epoch of 800 images is over before Pause could be pressed.
    await setUp(page, { epochs: '3' });
    // The split is shown with the other settings, in the Design view.
    expect(await (await reveal(page, 'split-hint')).textContent()).toBe('800 train / 200 validation');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    // The filters panel on screen (the Inspect view): its kernels stream while training.
    await reveal(page, 'filters-panel');
    const signature = () => page.getByTestId('filters-layer-0').getAttribute('data-signature');
    await page.getByTestId('filters-layer-0').waitFor({ timeout: 120_000 });
    const early = await signature();
    // Back to the curves, in the Train view (a hidden view's panels wait until it is shown).
    await reveal(page, 'loss-chart');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=loss-chart]')?.getAttribute('data-points')) >= 6, null, { timeout: 120_000 });

    await page.getByTestId('pause-button').click();
    await waitForStatus(page, ['paused'], 30_000);
    const frozen = await points(page, 'loss-chart');
    await page.waitForTimeout(2500);
    expect(await points(page, 'loss-chart')).toBe(frozen); // nothing trains while paused
    await page.getByTestId('resume-button').click();
    await waitForStatus(page, ['training'], 10_000);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=loss-chart]')?.getAttribute('data-points')) > n, frozen, { timeout: 60_000 });

    // The filters are asked for only while their panel is on screen: in the Inspect view again.
    await reveal(page, 'filters-panel');
    await page.waitForFunction((before) => document.querySelector('[data-testid=filters-layer-0]')?.getAttribute('data-signature') !== before, early, { timeout: 60_000 });
    expect(await signature()).not.toBe(early); // the first layer's filters changed as it learned
    await waitForStatus(page, ['done'], 540_000);
    await reveal(page, 'loss-chart');
    expect(await text(page, 'epoch-counter')).toBe('3 / 3');
    expect(percent(await text(page, 'val-accuracy'))).toBeGreaterThan(0.5);
    const test = percent(await text(page, 'test-accuracy'));
    expect(test).toBeGreaterThan(0.7);
    // 800 training images at batch 32: 25 batches an epoch, drawn as a raw and a smoothed line, plus a validation point each epoch.
    expect(await points(page, 'loss-chart')).toBe(75 * 2 + 3);
    expect(await (await reveal(page, 'confusion-matrix', 'results')).locator('rect').count()).toBe(100);
    // After this short training, a drawn input shows one map per channel for each layer.
    await drawStroke(page);
    await page.getByTestId('feature-maps-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('feature-maps-layer-6').waitFor({ timeout: 60_000 });
    expect(await text(page, 'prediction-model-state')).toMatch(/live model, epoch 3\.00/);
    const perLayer = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=feature-maps-panel] [data-layer]')].map((d) => {
        const strip = d.querySelector('canvas.bar-strip') as HTMLCanvasElement | null;
        return strip ? Number(strip.dataset.units) : Number((d.querySelector('canvas.feature-map') as HTMLCanvasElement | null)?.dataset.channels);
      }),
    );
    expect(perLayer).toEqual([64, 64, 64, 64, 1600, 128, 10]);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('a learning rate of 1e6 ends in the diverged message and the page keeps working', async () => {
    const page = await openApp(browser());
    await setUp(page, { lr: '1e6' });
    await page.getByTestId('train-button').click();
    expect(await waitForStatus(page, ['diverged', 'done', 'error'], 300_000)).toBe('diverged');
    const message = await text(page, 'run-outcome');
    expect(message).toMatch(/diverged/);
    expect(message).toMatch(/lower learning rate/);
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    // Nothing is lost: the setup is still there and can be trained again.
    expect(await page.getByTestId('learning-rate-input').inputValue()).toBe('1e6');
    expect(await page.getByTestId('train-button').isEnabled()).toBe(true);
    await page.close();
  });
});
