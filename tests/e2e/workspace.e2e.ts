import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { drawStroke, openApp, openView, uncaughtErrors, useBrowser, waitForStatus, type View } from './browser';

const browser = useBrowser();

/** What must be on screen while a run trains, in the Train view. */
const LIVE_LOOP = ['loss-chart', 'accuracy-chart', 'train-button', 'pause-button', 'training-status', 'drawing-canvas', 'prediction-bars', 'feature-maps-panel'];

/**
 * Where `testId` lies, and whether all of it can be seen: inside the window,
 * and not cut off by a box that scrolls (a column or panel of the Train view).
 */
const seen = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    let visible = { top: 0, left: 0, bottom: innerHeight, right: innerWidth };
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (getComputedStyle(p).overflowY === 'visible' && getComputedStyle(p).overflowX === 'visible') continue;
      const b = p.getBoundingClientRect();
      visible = { top: Math.max(visible.top, b.top), left: Math.max(visible.left, b.left), bottom: Math.min(visible.bottom, b.bottom), right: Math.min(visible.right, b.right) };
    }
    const box = { top: Math.round(r.top), left: Math.round(r.left), bottom: Math.round(r.bottom), right: Math.round(r.right) };
    const whole = r.width > 0 && r.height > 0 && r.top >= visible.top - 0.5 && r.left >= visible.left - 0.5 && r.bottom <= visible.bottom + 0.5 && r.right <= visible.right + 0.5;
    return { box, whole };
  });

/** The commands the page sends to the worker, recorded from the start (the worker is created by the page's own script). */
async function recordCommands(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const sent: unknown[] = [];
    const received: { type: string; activations: boolean; kernels: boolean }[] = [];
    (window as unknown as { __sent: unknown[]; __received: typeof received }).__sent = sent;
    (window as unknown as { __received: typeof received }).__received = received;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
      sent.push(message);
      if (!(this as unknown as { __heard?: boolean }).__heard) {
        (this as unknown as { __heard?: boolean }).__heard = true;
        this.addEventListener('message', (e: MessageEvent) => {
          if (e.data?.type === 'inspection') received.push({ type: 'inspection', activations: e.data.activations !== null, kernels: e.data.kernels !== null });
        });
      }
      return (post as (...a: unknown[]) => void).call(this, message, ...rest);
    };
  });
}

const lastInspectWant = (page: Page) =>
  page.evaluate(() => {
    const inspects = (window as unknown as { __sent: { type: string; request?: { want: unknown } }[] }).__sent.filter((c) => c.type === 'inspect');
    return inspects.at(-1)?.request?.want;
  });
const snapshotsWith = (page: Page) =>
  page.evaluate(() => (window as unknown as { __received: { activations: boolean; kernels: boolean }[] }).__received.filter((r) => r.activations || r.kernels).length);

describe('the workspace', () => {
  it.each([
    [1440, 900, 2],
    [1280, 720, 1],
  ])('at %i×%i the live loop is on one screen while it trains, and drawing updates the bars and maps in place', async (width, height, layers) => {
    // Enough images and epochs that the run is still training through every check.
    const page = await openApp(browser(), '?n=10000&epochs=3', { viewport: { width, height } });
    await drawStroke(page, { from: [0.5, 0.2], to: [0.5, 0.8] });
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    await page.getByTestId(`feature-maps-layer-${layers - 1}`).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=loss-chart]')?.getAttribute('data-points')) >= 2, null, { timeout: 60_000 });
    for (const id of [...LIVE_LOOP, ...Array.from({ length: layers }, (_, i) => `feature-maps-layer-${i}`)]) {
      const s = await seen(page, id);
      expect(s.whole, `${id} at ${JSON.stringify(s.box)}`).toBe(true);
    }
    expect(await page.evaluate(() => [document.documentElement.scrollHeight, innerHeight])).toEqual([height, height]);

    // Another drawing while it trains: new bars and maps, where they were.
    const before = { bars: await seen(page, 'prediction-bars'), maps: await seen(page, 'feature-maps-layer-0') };
    const probs = () => page.evaluate(() => [...document.querySelectorAll('[data-testid=prediction-bars] li')].map((li) => (li as HTMLElement).dataset.prob).join());
    const firstProbs = await probs();
    const firstMaps = await page.getByTestId('feature-maps-layer-0').locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
    await page.getByTestId('clear-drawing').click();
    await drawStroke(page, { from: [0.25, 0.5], to: [0.75, 0.5] }); // a "–" instead of a "1"
    await expect.poll(probs, { timeout: 30_000 }).not.toBe(firstProbs);
    await expect.poll(() => page.getByTestId('feature-maps-layer-0').locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL()), { timeout: 30_000 }).not.toBe(firstMaps);
    expect((await seen(page, 'prediction-bars')).box).toEqual(before.bars.box);
    expect((await seen(page, 'feature-maps-layer-0')).box).toEqual(before.maps.box);
    expect(await page.getByTestId('training-status').textContent()).toBe('training');
    await page.getByTestId('stop-button').click();
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('a first visit says what to do, in two lines, and the pad works before any training', async () => {
    const page = await openApp(browser());
    const steps = page.getByTestId('first-steps');
    expect(await steps.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Press Train/),
      expect.stringMatching(/^Draw a digit in the pad/),
    ]);
    expect((await seen(page, 'first-steps')).whole).toBe(true);
    await drawStroke(page);
    await page.getByTestId('prediction-bars').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('prediction-model-state').textContent()).toMatch(/untrained/);
    expect(await steps.count()).toBe(0);
    await page.close();
  });

  it('the tabs switch views, the address keeps the view, Back returns to the one before, and a link opens one', async () => {
    const page = await openApp(browser(), '?epochs=2');
    const views: View[] = ['design', 'inspect', 'results', 'data', 'train'];
    const shown = () => page.evaluate(() => [...document.querySelectorAll('[data-view]')].filter((v) => (v as HTMLElement).offsetParent !== null).map((v) => v.getAttribute('data-view')));
    const search = () => page.evaluate(() => location.search);
    expect(await shown()).toEqual(['train']);
    for (const view of views) {
      await openView(page, view);
      expect(await shown()).toEqual([view]);
      expect(await page.getByTestId(`view-tab-${view}`).getAttribute('aria-selected')).toBe('true');
      expect(await search()).toBe(view === 'train' ? '?epochs=2' : `?epochs=2&view=${view}`);
    }
    // A setting changed in a view stays when Back leaves it.
    await openView(page, 'design');
    await page.getByTestId('epochs-input').fill('4');
    await page.goBack();
    await expect.poll(shown).toEqual(['train']);
    expect(await search()).toBe('?epochs=4');
    await page.goBack();
    await expect.poll(shown).toEqual(['data']);
    expect(await page.getByTestId('epochs-input').inputValue()).toBe('4');
    await page.goForward();
    await expect.poll(shown).toEqual(['train']);
    // The strip and its Train button are in every view.
    for (const view of views) {
      await openView(page, view);
      expect((await seen(page, 'train-button')).whole, view).toBe(true);
    }
    await page.close();

    const linked = await openApp(browser(), '?view=inspect');
    expect(await linked.evaluate(() => document.querySelector('[data-view=inspect]')?.checkVisibility())).toBe(true);
    await linked.getByTestId('explain-panel').waitFor();
    await linked.close();
    const bad = await openApp(browser(), '?view=everything');
    expect(await bad.getByTestId('error-banner').textContent()).toMatch(/Link parameter view="everything" ignored: expected one of train, design, inspect, results, data/);
    await bad.close();
  });

  it('a hidden view asks the worker for nothing: no snapshots for panels that are not shown', async () => {
    const page = await browser().newPage({ viewport: { width: 1440, height: 900 } });
    await recordCommands(page);
    await page.goto(`${inject('baseUrl')}?n=10000&epochs=3`);
    await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent !== 'starting…', null, { timeout: 60_000 });
    await drawStroke(page);
    await page.getByTestId('feature-maps-layer-0').waitFor({ timeout: 60_000 });
    // The Train view shows the feature maps: the worker is asked for activations, not for the Inspect view's filters.
    await expect.poll(() => lastInspectWant(page)).toEqual({ activations: true, filters: false });
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    await expect.poll(() => snapshotsWith(page), { timeout: 30_000 }).toBeGreaterThan(0);

    for (const view of ['design', 'results', 'data'] as const) {
      await openView(page, view);
      await expect.poll(() => lastInspectWant(page)).toEqual({ activations: false, filters: false });
      // What was under way may still arrive; then nothing more, while it trains on.
      await page.waitForTimeout(1500);
      const settled = await snapshotsWith(page);
      await page.waitForTimeout(3000);
      expect(await snapshotsWith(page), `snapshots while the ${view} view is shown`).toBe(settled);
      expect(await page.getByTestId('training-status').textContent()).toBe('training');
    }
    // The Inspect view's filters are asked for once they are on screen.
    await openView(page, 'inspect');
    await page.getByTestId('filters-panel').scrollIntoViewIfNeeded();
    await expect.poll(() => lastInspectWant(page)).toEqual({ activations: true, filters: true });
    await page.getByTestId('stop-button').click();
    await page.close();
  });
});
