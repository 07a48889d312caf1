import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openView, percent, points, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

/**
 * A small convnet (Conv2D 8 → MaxPool → Dense 10) for the runs on emulated WebGL: SwiftShader
 * trains the default network at a few images/s, this one several times faster.
 */
const SMALL_NET = 'arch=conv(8,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)';

/** Waits until every backend has a measured rate (or is unavailable); returns images/s by name (null: unavailable). */
async function measuredRates(page: Page): Promise<Record<string, number | null>> {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=backend-rates]');
      return !!el && el.querySelectorAll('[data-backend]').length === 3 && !el.textContent?.includes('measuring');
    },
    null,
    { timeout: 120_000, polling: 250 },
  );
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('[data-testid=backend-rates] [data-backend]')].map((e) => {
        const rate = (e as HTMLElement).dataset.rate;
        return [(e as HTMLElement).dataset.backend, rate ? Number(rate) : null];
      }),
    ),
  );
}

/** The duration an estimate starts with ("About 2 h 08 min on cpu …"), in seconds. */
function seconds(estimate: string | null): number {
  const m = /^About (?:(\d+) h )?(?:(\d+) min ?)?(?:(\d+) s)?/.exec(estimate ?? '');
  if (!m) throw new Error(`no duration in "${estimate}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

async function chooseBackend(page: Page, choice: string, expectName = choice) {
  await page.getByTestId('backend-select').selectOption(choice);
  await page.waitForFunction((n) => document.querySelector('[data-testid=backend-name]')?.textContent === n, expectName, { timeout: 120_000 });
}

describe('backends', () => {
  it('measures every backend on the network set up, trains on the fastest, and says how long the run will take', async () => {
    const page = await openApp(browser());
    const rates = await measuredRates(page);
    expect(Object.keys(rates).sort()).toEqual(['cpu', 'wasm', 'webgl']);
    const fastest = Object.entries(rates).sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))[0][0];
    expect(await text(page, 'backend-name')).toBe(fastest);
    expect(rates.wasm).toBeGreaterThan(rates.cpu ?? 0);
    // All 48,000 training images, 5 epochs, at the measured rate.
    expect(await text(page, 'run-estimate')).toMatch(new RegExp(`^About (\\d+ (h|min|s).*) on ${fastest} \\([\\d,]+ images/s\\)`));
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('trains on cpu when chosen, suggests a smaller set for a long run, and remembers the choice', async () => {
    const page = await openApp(browser());
    await measuredRates(page);
    await chooseBackend(page, 'cpu');
    // A full-MNIST run on plain JavaScript takes hours: the estimate says so, and offers fewer images and the faster backend.
    await page.getByTestId('use-suggested-size').waitFor();
    const before = await text(page, 'run-estimate');
    expect(before).toMatch(/on cpu .*Over 30 minutes\. Train on 1,000 images \(about .+\).* Train on wasm \(about .+\)\./);
    await page.getByTestId('use-suggested-size').click();
    expect(await page.getByTestId('train-size-select').inputValue()).toBe('1000');
    expect(seconds(await text(page, 'run-estimate'))).toBeLessThan(seconds(before) / 5);
    // Small steps, so that plain JavaScript shows two of them quickly (the batch size is in the Design view).
    await openView(page, 'design');
    await page.getByTestId('batch-size-input').fill('8');
    await openView(page, 'train');

    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=loss-chart]')?.getAttribute('data-points')) >= 2, null, { timeout: 120_000 });
    expect(await text(page, 'backend-name')).toBe('cpu');
    expect(await page.getByTestId('backend-select').isDisabled()).toBe(true); // no switching mid-run
    await page.getByTestId('stop-button').click();
    await waitForStatus(page, ['stopped'], 120_000);

    // The choice survives a reload.
    await page.reload();
    expect(await page.getByTestId('backend-select').inputValue()).toBe('cpu');
    await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent === 'cpu', null, { timeout: 120_000 });
    await chooseBackend(page, 'auto', 'wasm');
    await page.reload();
    expect(await page.getByTestId('backend-select').inputValue()).toBe('auto');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('trains on webgl when chosen; a lost WebGL context hands the run to the next backend from the last finished epoch', async () => {
    const page = await openApp(browser(), `?${SMALL_NET}&n=200&epochs=3&debug`);
    await measuredRates(page);
    await chooseBackend(page, 'webgl');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    // 160 training images at batch 32: 5 batches an epoch. Lose the context once epoch 1 has ended.
    await page.waitForFunction(() => document.querySelector('[data-testid=epoch-counter]')?.textContent === '2 / 3', null, { timeout: 300_000, polling: 100 });
    await page.evaluate(() => (window as unknown as { convscope: { injectFault(f: string): void } }).convscope.injectFault('loseWebglContext'));
    await page.getByTestId('backend-notice').waitFor({ timeout: 120_000 });
    expect(await text(page, 'backend-notice')).toMatch(/^webgl failed \(the WebGL context was lost.*\): training goes on on wasm from epoch [12]'s weights and optimizer state\.$/);
    expect(await waitForStatus(page, ['done', 'error'], 300_000)).toBe('done');
    expect(await text(page, 'backend-name')).toBe('wasm');
    expect(await text(page, 'epoch-counter')).toBe('3 / 3');
    // 5 batches × 3 epochs, raw and smoothed, plus 3 validation points: the batches retrained after the loss replaced, not added.
    expect(await points(page, 'loss-chart')).toBe(5 * 3 * 2 + 3);
    expect(percent(await text(page, 'test-accuracy'))).toBeGreaterThan(0.2);
    expect(await page.locator('[data-testid=backend-rates] [data-backend=webgl]').textContent()).toBe('webgl unavailable');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('wasm and webgl reach the same test accuracy with the same seed (1,000 images, 1 epoch)', async () => {
    const page = await openApp(browser(), `?${SMALL_NET}&n=1000&epochs=1&seed=7`);
    await measuredRates(page);
    const accuracyOn = async (choice: string) => {
      await chooseBackend(page, choice);
      await page.getByTestId('train-button').click();
      expect(await waitForStatus(page, ['done', 'error'], 540_000)).toBe('done');
      await page.getByTestId('test-accuracy').waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid=test-accuracy]')?.textContent ?? '').endsWith('%'), null, { timeout: 300_000 });
      return percent(await text(page, 'test-accuracy'));
    };
    const wasm = await accuracyOn('wasm');
    const webgl = await accuracyOn('webgl');
    expect(wasm).toBeGreaterThan(0.6);
    expect(Math.abs(wasm - webgl)).toBeLessThanOrEqual(0.015);
    await page.close();
  });
});
