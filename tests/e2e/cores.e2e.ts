import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, percent, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

/** A small convnet without dropout or batch normalization: the same seed, the same run on any number of cores. */
const NET = 'arch=conv(8,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)&dataset=mnist';

const detail = (page: Page) => text(page, 'backend-detail');
const cores = (page: Page) => page.evaluate(() => Math.min(8, navigator.hardwareConcurrency));

async function onWasm(page: Page) {
  await page.getByTestId('backend-select').selectOption('wasm');
  await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent === 'wasm', null, { timeout: 120_000 });
}

async function trainToTheEnd(page: Page): Promise<number> {
  await page.getByTestId('train-button').click();
  expect(await waitForStatus(page, ['done', 'error'], 540_000)).toBe('done');
  await page.waitForFunction(() => (document.querySelector('[data-testid=test-accuracy]')?.textContent ?? '').endsWith('%'), null, { timeout: 300_000 });
  return percent(await text(page, 'test-accuracy'));
}

describe('training on every core (wasm, one worker per core)', () => {
  it('trains on every core by default, to the accuracy one core gives with the same seed; the cores select lowers them, remembered', async () => {
    const page = await openApp(browser(), `?${NET}&n=2000&epochs=1&seed=3`);
    await onWasm(page);
    const n = await cores(page);
    if (n < 2) return; // one core: nothing to share, and no select (checked below on machines with more)
    expect(await detail(page)).toMatch(new RegExp(`^ · WebAssembly( SIMD)?, ${n} threads$`));
    const select = page.getByTestId('cores-select');
    expect(await select.inputValue()).toBe('0');
    expect(await select.locator('option').allTextContents()).toEqual([`all ${n} cores`, ...Array.from({ length: n - 1 }, (_, i) => `${n - 1 - i} core${n - 1 - i === 1 ? '' : 's'}`)]);
    const all = await trainToTheEnd(page);
    expect(all).toBeGreaterThan(0.6);

    await select.selectOption('1');
    await page.waitForFunction(() => / 1 thread$/.test(document.querySelector('[data-testid=backend-detail]')?.textContent ?? ''));
    const one = await trainToTheEnd(page);
    // The same seed gives the same weights within float rounding: at most a few of the 10,000 test images differ.
    expect(Math.abs(all - one)).toBeLessThanOrEqual(0.002);

    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent === 'wasm', null, { timeout: 120_000 });
    expect(await page.getByTestId('cores-select').inputValue()).toBe('1');
    expect(await detail(page)).toMatch(/, 1 thread$/);
    await page.getByTestId('cores-select').selectOption('0');
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('a helper worker that dies mid-run: the run goes on on fewer threads, nothing lost, and says so', async () => {
    // 8,000 images at batch 32: a run long enough to lose a helper in the middle of it.
    const page = await openApp(browser(), `?${NET}&n=8000&epochs=1&debug`);
    await onWasm(page);
    const n = await cores(page);
    if (n < 2) return;
    await page.getByTestId('train-button').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=run-progress]')?.getAttribute('data-batches')) > 5, null, { timeout: 120_000 });
    await page.evaluate(() => (window as unknown as { convscope: { injectFault(f: string): void } }).convscope.injectFault('crashHelper'));
    // A killed worker says nothing: its silence tells, after a few seconds.
    await page.waitForFunction((want) => (document.querySelector('[data-testid=backend-detail]')?.textContent ?? '').endsWith(`, ${want} thread${want === 1 ? '' : 's'}`), n - 1, { timeout: 60_000 });
    expect(await page.locator('.backend-line').getAttribute('title')).toMatch(/a training helper did not answer within \d+(\.\d+)? s: training goes on on \d+ threads?/);
    expect(await trainToTheEndAfterStart(page)).toBeGreaterThan(0.6);
    expect(await text(page, 'epoch-counter')).toBe('1 / 1');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });
});

async function trainToTheEndAfterStart(page: Page): Promise<number> {
  expect(await waitForStatus(page, ['done', 'error'], 540_000)).toBe('done');
  await page.waitForFunction(() => (document.querySelector('[data-testid=test-accuracy]')?.textContent ?? '').endsWith('%'), null, { timeout: 300_000 });
  return percent(await text(page, 'test-accuracy'));
}
