import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { openView, useBrowser, type View } from './browser';

const browser = useBrowser();
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

type Debug = { convscope: { store: { getState(): { run: { status: string }; backend: { active: unknown } } } } };
interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

async function open(b: Browser, query: string): Promise<Page> {
  const context = await b.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('close', () => void context.close());
  await page.goto(inject('baseUrl') + query);
  await page.waitForFunction(() => (window as unknown as Debug).convscope?.store.getState().backend.active != null, null, { timeout: 60_000 });
  await page.addScriptTag({ path: AXE });
  return page;
}

/** axe-core's WCAG 2.0/2.1 A and AA rules on the page as it is; the serious and critical violations, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 2).join(' ') ?? v.help}`));
}

const VIEWS: View[] = ['train', 'design', 'inspect', 'results', 'data'];

describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  for (const lang of ['en', 'ko'] as const) {
    it(`${lang}: no serious or critical violation in any view, before and after a short run`, async () => {
      const page = await open(browser(), `?debug&lang=${lang}&n=600&epochs=1`);
      const found: string[] = [];
      for (const v of VIEWS) {
        await openView(page, v);
        found.push(...(await seriousViolations(page)).map((s) => `${v}, before: ${s}`));
      }
      await openView(page, 'train');
      await page.getByTestId('train-button').click();
      await page.waitForFunction(() => (window as unknown as Debug).convscope.store.getState().run.status === 'done', null, { timeout: 300_000 });
      for (const v of VIEWS) {
        await openView(page, v);
        found.push(...(await seriousViolations(page)).map((s) => `${v}, after: ${s}`));
      }
      expect(found).toEqual([]);
    }, 600_000);
  }
});
