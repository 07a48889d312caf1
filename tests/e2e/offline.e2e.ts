import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openView, text, uncaughtErrors, useBrowser, waitForStatus, openApp } from './browser';

// The offline copy (vite.config.ts's service worker): the only test that lets the
// page register it (openApp blocks service workers unless asked).
const browser = useBrowser();

/** Trains the setup once (1 epoch) to its test result, in the Train view. */
async function trainOnce(page: Page): Promise<void> {
  await openView(page, 'train');
  await page.getByTestId('train-button').click();
  await waitForStatus(page, ['done']);
  await page.waitForFunction(() => document.querySelector('[data-testid=test-accuracy]')?.textContent !== '—', null, { timeout: 120_000 });
}

/** Waits until the run list (Results view) shows `n` runs. */
async function runsListed(page: Page, n: number): Promise<void> {
  await openView(page, 'results');
  await page.waitForFunction((count) => document.querySelectorAll('[data-testid=run-list] [data-run-id]').length === count, n, { timeout: 60_000 });
}

/** The URLs (paths) each of our caches holds. */
const cachedPaths = (page: Page) =>
  page.evaluate(async () => {
    const out: Record<string, string[]> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name.startsWith('workbox-precache') ? 'precache' : name] = (await cache.keys()).map((r) => new URL(r.url).pathname);
    }
    return out;
  });

describe('offline after one visit', () => {
  it('reloads, trains and shows saved runs with no network; a dataset never downloaded says it needs the network', async () => {
    const page = await openApp(browser(), '?dataset=mnist&n=500&epochs=1', { serviceWorkers: 'allow' });
    const context = page.context();
    // The first visit: the service worker installs (the app shell precached) and takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    await trainOnce(page);
    await runsListed(page, 1);

    const caches = await cachedPaths(page);
    // The app shell, with the tfjs wasm binaries and the workers, is precached; h5wasm and the datasets are not.
    expect(caches.precache).toEqual(expect.arrayContaining(['/index.html', '/manifest.webmanifest', '/icon-192.png']));
    expect(caches.precache.filter((p) => p.endsWith('.wasm'))).toHaveLength(3);
    expect(caches.precache.some((p) => /trainingWorker-.*\.js$/.test(p))).toBe(true);
    expect(caches.precache.some((p) => /hdf5_hl-|\/data\//.test(p))).toBe(false);
    // The datasets this visit downloaded (MNIST, before the service worker ran) are kept; Fashion-MNIST never was.
    expect([...caches['convscope-datasets']].sort()).toEqual(['/data/mnist-test.bin.gz', '/data/mnist-train.bin.gz']);

    // Only the service worker may answer now: not the HTTP cache, and not the network.
    await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent !== 'starting…', null, { timeout: 60_000 });
    // Served by the service worker with the server's headers: still cross-origin isolated (threaded wasm).
    expect(await page.evaluate(() => [crossOriginIsolated, navigator.serviceWorker.controller !== null])).toEqual([true, true]);
    await runsListed(page, 1);
    await trainOnce(page);
    expect(await text(page, 'training-status')).toBe('done');
    await runsListed(page, 2);

    await openView(page, 'train');
    await page.getByTestId('dataset-select').selectOption('fashion-mnist');
    await page.getByTestId('train-button').click();
    await page.waitForFunction(() => /needs the network/.test(document.querySelector('[data-testid=error-banner]')?.textContent ?? ''), null, { timeout: 60_000 });
    const banner = (await text(page, 'error-banner')) ?? '';
    expect(banner).toMatch(/^Fashion-MNIST clothing needs the network: .*data\/fashion-mnist-(train|test)\.bin\.gz.*offline/);
    expect(uncaughtErrors(page)).toEqual([]);
    await context.close();
  });
});
