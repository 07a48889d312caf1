import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { KOREAN_ALLOW_LIST } from './koreanAllowList';
import { openView, useBrowser, type View } from './browser';

const browser = useBrowser();
const ALLOWED = new Set(KOREAN_ALLOW_LIST);

/** The store, which `?debug` exposes: the tests wait on states, not on words, since the words are what they check. */
type Debug = { convscope: { store: { getState(): { run: { status: string; evaluation?: unknown }; backend: { active: unknown } } } } };

const pageErrors = new WeakMap<Page, string[]>();
const uncaughtErrors = (page: Page) => pageErrors.get(page) ?? [];

/** Opens the page in a context whose browser speaks `locale`, and waits until the worker has picked a backend. */
async function open(b: Browser, query: string, locale = 'en-US', viewport = { width: 1440, height: 900 }): Promise<Page> {
  const context = await b.newContext({ locale, viewport, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  pageErrors.set(page, errors);
  page.on('close', () => void context.close());
  await page.goto(inject('baseUrl') + query);
  await page.waitForFunction(() => (window as unknown as Debug).convscope?.store.getState().backend.active != null, null, { timeout: 60_000 });
  return page;
}

/**
 * Every word a person can see or hear in the page as it is now: visible text
 * (code in <pre>/<code> aside: it is Python and Keras), the options of
 * visible selects, and the labels read aloud or shown on hover.
 */
const visibleWords = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => (el as HTMLElement).checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const code = (el: Element) => el.closest('pre, code, kbd, samp');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || code(el) || el.closest('option, script, style') || !shown(el) || !n.textContent?.trim()) continue;
      out.push(n.textContent.trim());
    }
    for (const select of document.querySelectorAll('select')) if (shown(select)) for (const o of select.options) out.push(o.text);
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (code(el) || !shown(el)) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const v = el.getAttribute(a);
        if (v?.trim()) out.push(v.trim());
      }
    }
    out.push(document.title);
    return out;
  });

/**
 * Runs of Latin letters that are not on the allow-list, with the text they
 * are in. A run starts at a word boundary not after a digit, so `28px`,
 * `3x3` and `2D` are units and sizes, not words.
 */
function untranslated(texts: string[]): string[] {
  const bad = new Set<string>();
  for (const t of texts) {
    const cleaned = t.replace(/\d+(\.\d+)?e[-+]?\d+/gi, ' '); // 1e-3
    for (const m of cleaned.matchAll(/(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*/g)) {
      // Keras numbers a second layer of a kind: dense_1.
      if (!ALLOWED.has(m[0]) && !ALLOWED.has(m[0].replace(/_\d+$/, ''))) bad.add(`${m[0]}  ←  ${t.slice(0, 120)}`);
    }
  }
  return [...bad];
}

async function expectKorean(page: Page, where: string): Promise<void> {
  expect(untranslated(await visibleWords(page)), where).toEqual([]);
}

const VIEWS: View[] = ['train', 'design', 'inspect', 'results', 'data'];

describe('the page in Korean', () => {
  it('lang=ko: every view, before and after a short run, the results, every explainer tab, your drawings and the saved runs, has no English left', async () => {
    const page = await open(browser(), '?debug&lang=ko&n=600&epochs=1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    for (const v of VIEWS) {
      await openView(page, v);
      await expectKorean(page, `${v}, before training`);
    }

    await openView(page, 'train');
    await page.getByTestId('train-button').click();
    await page.waitForFunction(() => (window as unknown as Debug).convscope.store.getState().run.status === 'done', null, { timeout: 300_000 });
    await page.waitForFunction(() => !/^\s*—\s*$/.test(document.querySelector('[data-testid=test-accuracy]')?.textContent ?? '—'), null, { timeout: 120_000 });
    for (const v of VIEWS) {
      await openView(page, v);
      await expectKorean(page, `${v}, after a run`);
    }

    await openView(page, 'results');
    await page.getByTestId('run-list').locator('[data-run-id]').first().waitFor({ timeout: 60_000 });
    await expectKorean(page, 'results, with the saved run');

    await openView(page, 'inspect');
    for (const tab of ['pixel', 'kernel', 'im2col', 'handFilters', 'dense', 'saliency', 'maximize']) {
      await page.getByTestId(`explain-tab-${tab}`).click();
      await page.waitForTimeout(300); // the answer comes from the worker
      await expectKorean(page, `explainer, ${tab}`);
    }

    await page.getByTestId('dataset-select').selectOption('own');
    await openView(page, 'data');
    await expectKorean(page, 'your classes');
    expect(uncaughtErrors(page)).toEqual([]);
  }, 600_000);

  it('follows the browser, switches at once without losing the run, remembers the choice, and keeps lang= in the address', async () => {
    const korean = await open(browser(), '?debug', 'ko-KR');
    expect(await korean.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await korean.getByTestId('lang-select').inputValue()).toBe('ko');
    await korean.close();

    const page = await open(browser(), '?debug&n=600&epochs=1');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await openView(page, 'train');
    await page.getByTestId('train-button').click();
    await page.waitForFunction(() => (window as unknown as Debug).convscope.store.getState().run.status === 'done', null, { timeout: 300_000 });
    const points = await page.getByTestId('loss-chart').getAttribute('data-points');
    const trainLabel = await page.getByTestId('view-tab-train').textContent();

    await page.getByTestId('lang-select').selectOption('ko');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    expect(await page.getByTestId('view-tab-train').textContent()).not.toBe(trainLabel);
    expect(await page.getByTestId('loss-chart').getAttribute('data-points'), 'the curves are still there').toBe(points);

    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await page.getByTestId('lang-select').inputValue(), 'remembered in this browser').toBe('ko');

    // A link carries the language; a change of setup rewrites the address and keeps it.
    await page.goto(`${inject('baseUrl')}?debug&lang=en`);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('dataset-select').selectOption('fashion-mnist');
    await page.waitForFunction(() => /dataset=fashion-mnist/.test(location.search));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByTestId('lang-select').selectOption('ko');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('lang') === 'ko');
    expect(uncaughtErrors(page)).toEqual([]);
  }, 600_000);
});
