import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (test tools' own browser downloads do not work here). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...ARGS, ...extraArgs] });
}

/**
 * One Chromium for the calling test file (or `describe` block): launched before its tests, closed after them.
 * Call it at the top level of the file or block; the getter returns the browser once the tests run.
 */
export function useBrowser(extraArgs: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(extraArgs);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is launched in beforeAll; call the getter inside a test');
    return browser;
  };
}

const uncaught = new WeakMap<Page, string[]>();

/** Uncaught exceptions the page has thrown since it opened. */
export const uncaughtErrors = (page: Page): string[] => uncaught.get(page) ?? [];

export const DESKTOP = { width: 1280, height: 900 };
/** A common phone, portrait (iPhone 12 to 15). */
export const PHONE = { width: 390, height: 844 };

export interface OpenOptions {
  /** CSS pixels; DESKTOP unless given. */
  viewport?: { width: number; height: number };
  /** Granted to the page's own context, e.g. `['clipboard-read', 'clipboard-write']`. */
  permissions?: string[];
  /** The browser's language (navigator.languages); 'en-US' unless given. */
  locale?: string;
  /**
   * 'block' unless given: the built page registers the offline copy's service worker,
   * which only offline.e2e.ts is about; the other tests see the network as it is.
   */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * Opens the app (query string optional) in a fresh context of its own, closed with the page,
 * and waits until the worker has picked a backend.
 */
export async function openApp(browser: Browser, query = '', { viewport = DESKTOP, permissions, locale, serviceWorkers = 'block' }: OpenOptions = {}): Promise<Page> {
  // English unless a test asks for another language: the page follows navigator.languages.
  const page = await browser.newPage({ viewport, permissions, locale: locale ?? 'en-US', serviceWorkers });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  uncaught.set(page, errors);
  await page.goto(inject('baseUrl') + query);
  await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent !== 'starting…', null, { timeout: 60_000 });
  return page;
}

/**
 * Draws one stroke in the pad, from `from` to `to` as fractions of its width
 * and height, through `steps` mouse moves; by default a vertical "1" down the middle.
 */
export async function drawStroke(page: Page, { from = [0.5, 0.2], to = [0.5, 0.8], steps = 8 }: { from?: [number, number]; to?: [number, number]; steps?: number } = {}) {
  await openView(page, 'train');
  const pad = page.getByTestId('drawing-canvas');
  await pad.scrollIntoViewIfNeeded();
  const b = (await pad.boundingBox())!;
  await page.mouse.move(b.x + b.width * from[0], b.y + b.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * to[0], b.y + b.height * to[1], { steps });
  await page.mouse.up();
}

export const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

/** Waits until `training-status` shows one of `statuses`; returns it. */
export async function waitForStatus(page: Page, statuses: string[], timeout = 300_000): Promise<string> {
  await page.waitForFunction(
    (s) => s.includes(document.querySelector('[data-testid=training-status]')?.textContent ?? ''),
    statuses,
    { timeout, polling: 200 },
  );
  return (await text(page, 'training-status')) ?? '';
}

export async function points(page: Page, chart: string): Promise<number> {
  return Number(await page.getByTestId(chart).getAttribute('data-points'));
}

/** "90.45%" -> 0.9045; "—" -> NaN. */
export function percent(s: string | null): number {
  return s && s.endsWith('%') ? Number(s.slice(0, -1)) / 100 : NaN;
}

/** The workspace's views, as their tabs name them (`view-tab-<view>`). */
export type View = 'train' | 'design' | 'inspect' | 'results' | 'data';

/** Opens `view` by its tab, as a person would (nothing when it is open already). */
export async function openView(page: Page, view: View): Promise<void> {
  const tab = page.getByTestId(`view-tab-${view}`);
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page.locator(`[data-view=${view}]`).waitFor({ state: 'visible' });
}

/**
 * The element `testId`, brought on screen: its view opened by its tab, then
 * scrolled to. Without `view`, the view is found from the element, which must
 * be in the page already (hidden views keep their elements, as they were when
 * last shown; what appears meanwhile, such as a finished run's results, is
 * rendered only once its view is open: name the view for those).
 */
export async function reveal(page: Page, testId: string, view?: View, timeout = 60_000): Promise<Locator> {
  const el = page.getByTestId(testId);
  if (!view) {
    await el.first().waitFor({ state: 'attached', timeout: 5_000 });
    view = ((await el.first().evaluate((node) => node.closest('[data-view]')?.getAttribute('data-view') ?? null)) ?? undefined) as View | undefined;
  }
  if (view) await openView(page, view);
  await el.first().waitFor({ state: 'attached', timeout });
  if (await el.first().isVisible()) await el.first().scrollIntoViewIfNeeded();
  return el;
}
