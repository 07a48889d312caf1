import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { drawStroke, openApp, openView, PHONE, reveal, useBrowser, waitForStatus, type View } from './browser';

const VIEWS: View[] = ['train', 'design', 'inspect', 'results', 'data'];

const browser = useBrowser();

/** A network small enough to train and test in seconds on SwiftShader (4 filters; 6,810 parameters). */
const TINY = 'arch=conv(4,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)&dataset=mnist&n=1000';

/**
 * The document's width against the window's; when wider, the outermost elements that stick out
 * past the right edge without a scrolling box of their own, to name them in the failure.
 */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= innerWidth) return { scrollWidth, innerWidth, stickingOut: [] };
    const scrolls = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const out = [...document.body.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > innerWidth + 0.5 && !scrolls(el));
    const stickingOut = out
      .filter((el) => !out.includes(el.parentElement!))
      .map((el) => `${el.tagName.toLowerCase()}${[...el.classList].map((c) => `.${c}`).join('')}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} to ${Math.round(el.getBoundingClientRect().right)} px`);
    return { scrollWidth, innerWidth, stickingOut };
  });

async function expectNoSidewaysScroll(page: Page, when: string) {
  const s = await sideways(page);
  expect(s.scrollWidth, `${when}: ${s.stickingOut.join(', ')}`).toBeLessThanOrEqual(s.innerWidth);
}

describe('phones', () => {
  it.each([360, PHONE.width, 430])('at %i px wide no view scrolls sideways: every view, the editor, summary, Keras code, long networks, a layer error', async (width) => {
    const page = await openApp(browser(), '', { viewport: { width, height: PHONE.height } });
    for (const view of VIEWS) {
      await openView(page, view);
      await expectNoSidewaysScroll(page, `the ${view} view`);
    }
    await openView(page, 'design');
    await page.locator('.keras-code summary').click();
    await page.getByTestId('keras-code').waitFor();
    await expectNoSidewaysScroll(page, 'with the Keras code shown');
    for (const preset of ['alexnet', 'vgg-16']) {
      await page.getByTestId('preset-select').selectOption(preset);
      await expectNoSidewaysScroll(page, preset);
    }
    await page.getByTestId('preset-select').selectOption('seed-002');
    await page.getByTestId('architecture-editor').getByTestId('layer-kernelSize').nth(1).fill('20');
    await page.getByTestId('layer-error').waitFor();
    await expectNoSidewaysScroll(page, 'with a layer error');
    await page.close();
  });

  it('a drawn digit: feature maps and filters fit, and the filter grid keeps its shape', async () => {
    const page = await openApp(browser(), '', { viewport: PHONE });
    await drawStroke(page);
    await page.getByTestId('feature-maps-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('feature-maps-layer-6').waitFor({ timeout: 60_000 });
    await page.locator('canvas.feature-map').first().click();
    await page.getByTestId('enlarged-map').waitFor();
    await reveal(page, 'filters-panel');
    await page.getByTestId('filters-layer-0').waitFor({ timeout: 60_000 });
    await expectNoSidewaysScroll(page, 'feature maps and filters');
    // Seed 002's first layer: 64 3×3 kernels in rows of 16, a 63×15 grid, wider than a phone at its own scale.
    const grid = await page.getByTestId('filters-layer-0').locator('canvas.filter-grid').evaluate((c: HTMLCanvasElement) => ({
      data: c.width / c.height,
      shown: c.clientWidth / c.clientHeight,
    }));
    expect(grid.data).toBeCloseTo(63 / 15, 5);
    expect(grid.shown).toBeCloseTo(grid.data, 1);
    await page.close();
  });

  it('after a short run: the epoch log, the confusion matrix and the curves fit', async () => {
    const page = await openApp(browser(), `?${TINY}&epochs=1`, { viewport: PHONE });
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['done'], 300_000);
    await expectNoSidewaysScroll(page, 'the curves after a run');
    await openView(page, 'results');
    await page.getByTestId('confusion-matrix').waitFor();
    await page.getByTestId('epoch-log').waitFor();
    await expectNoSidewaysScroll(page, 'the results after a run');
    await page.close();
  });

  it('the tab bar stays on screen; one tap on Train from any view brings the pad, and drawing on it does not scroll the page', async () => {
    const page = await openApp(browser(), '', { viewport: PHONE });
    const inViewport = (testId: string) =>
      page.getByTestId(testId).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
      });
    for (const view of VIEWS) {
      await openView(page, view);
      // Scrolled to the bottom of the view, the tabs are still there.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await inViewport(`view-tab-${view}`), `the tabs at the bottom of the ${view} view`).toBe(true);
      await page.getByTestId('view-tab-train').click();
      expect(await inViewport('drawing-canvas'), `the pad, one tap from the ${view} view`).toBe(true);
      // The pad must not be covered by the tab bar.
      const covered = await page.evaluate(() => {
        const pad = document.querySelector('[data-testid=drawing-canvas]')!.getBoundingClientRect();
        const bar = document.querySelector('.view-tabs')!.getBoundingClientRect();
        return pad.bottom > bar.top;
      });
      expect(covered).toBe(false);
    }
    const scrolled = await page.evaluate(() => window.scrollY);
    // A stroke on a touch screen: the pad takes the pointer, the page stays put.
    const pad = (await page.getByTestId('drawing-canvas').boundingBox())!;
    const touchAction = await page.getByTestId('drawing-canvas').evaluate((el) => getComputedStyle(el).touchAction);
    expect(touchAction).toBe('none');
    await drawStroke(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(pad.y).toBe((await page.getByTestId('drawing-canvas').boundingBox())!.y);
    await page.getByTestId('prediction-bars').waitFor({ timeout: 60_000 });
    await page.close();
  });
});
