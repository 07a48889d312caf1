import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, text } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Draws a vertical stroke, like a "1", off-centre in the pad. */
async function drawStroke(page: Page) {
  const pad = page.getByTestId('drawing-canvas');
  await pad.scrollIntoViewIfNeeded();
  const b = (await pad.boundingBox())!;
  await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(b.x + b.width * 0.32, b.y + b.height * (0.15 + i * 0.05));
  await page.mouse.up();
}

const barProbs = (page: Page) =>
  page.evaluate(() => [...document.querySelectorAll('[data-testid=prediction-bars] li')].map((li) => Number((li as HTMLElement).dataset.prob)));

describe('inspecting the network', () => {
  it('a drawn stroke reaches the model: preview, ten bars summing to 1, every layer\'s feature maps', async () => {
    const page = await openApp(browser);
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('true');
    await drawStroke(page);
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('false');
    await page.getByTestId('prediction-bars').waitFor({ timeout: 60_000 });
    const probs = await barProbs(page);
    expect(probs).toHaveLength(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(Number(await page.getByTestId('prediction-top').getAttribute('data-class-index'))).toBe(probs.indexOf(Math.max(...probs)));
    expect(await text(page, 'prediction-model-state')).toMatch(/untrained/);

    // One canvas per channel for conv and pooling layers, bars for the dense ones (seed 002's shapes).
    await page.getByTestId('feature-maps-layer-6').waitFor({ timeout: 60_000 });
    const perLayer = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=feature-maps-panel] [data-layer]')].map((d) => d.querySelectorAll('canvas').length || d.querySelectorAll('.dense-bars span').length),
    );
    expect(perLayer).toEqual([64, 64, 64, 64, 1600, 128, 10]);

    await page.getByTestId('clear-drawing').click();
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('true');
    expect(await page.getByTestId('prediction-bars').count()).toBe(0);
    await page.close();
  });

  it('shows a test image with its true label beside the prediction', async () => {
    const page = await openApp(browser);
    await page.getByTestId('next-test-image').click();
    await page.getByTestId('true-label').waitFor({ timeout: 60_000 });
    expect(await text(page, 'true-label')).toBe('Test image #0: 7'); // MNIST's first test image is a 7
    await page.getByTestId('prediction-top').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('false');
    await page.close();
  });
});
