// Part of `npm run bench`: the explainer's cost. How long a click on a feature-map
// pixel takes to show its arithmetic, and how much training slows while explainer
// views are open. Imported by bench.mjs; `page` helpers only, no test assertions.
import { percentile } from './benchInspect.mjs';

/** Opens the explainer on `tab`, in the Inspect view and scrolled into view (the worker computes only what is on screen). */
export async function openExplainer(page, tab) {
  await page.getByTestId('view-tab-inspect').click();
  await page.getByTestId('explain-panel').scrollIntoViewIfNeeded();
  await page.getByTestId(`explain-tab-${tab}`).click();
}

/**
 * Clicks `n` cells of the arithmetic view's output map; for each, ms from the
 * click to the arithmetic of that very pixel on screen.
 */
export async function clickToArithmetic(page, n) {
  // Idle means idle: the backends' measurement at start (seconds of software WebGL) holds every answer back.
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid=backend-rates]');
    return !!el && el.querySelectorAll('[data-backend]').length > 0 && !el.textContent?.includes('measuring');
  }, null, { timeout: 300_000 });
  await openExplainer(page, 'pixel');
  const map = page.getByTestId('arithmetic-output-map').locator('canvas');
  await map.waitFor({ timeout: 120_000 });
  const out = [];
  for (let i = 0; i < n; i++) {
    const box = await map.boundingBox();
    const [fx, fy] = [0.2 + 0.6 * ((i * 7) % 10) / 10, 0.2 + 0.6 * ((i * 3) % 10) / 10];
    const want = await page.evaluate(
      ({ fx, fy }) => {
        const canvas = document.querySelector('[data-testid=arithmetic-output-map] canvas');
        const [layer, channel] = document.querySelector('[data-testid=pixel-arithmetic]').dataset.pixel.split(',');
        const [y, x] = [Math.floor(fy * canvas.height), Math.floor(fx * canvas.width)];
        const pixel = `${layer},${channel},${y},${x}`;
        window.__cellCentre = [(x + 0.5) / canvas.width, (y + 0.5) / canvas.height]; // never on a boundary between two cells
        window.__shown = new Promise((resolve) => {
          const done = () => {
            if (document.querySelector('[data-testid=pixel-arithmetic]')?.dataset.pixel !== pixel) return false;
            resolve(performance.now() - window.__clickAt);
            return true;
          };
          const mo = new MutationObserver(() => done() && mo.disconnect());
          mo.observe(document.querySelector('[data-testid=explain-panel]'), { subtree: true, attributes: true, childList: true });
          setTimeout(() => resolve(NaN), 20_000);
        });
        canvas.addEventListener('click', () => (window.__clickAt = performance.now()), { once: true, capture: true });
        return pixel;
      },
      { fx, fy },
    );
    const [cx, cy] = await page.evaluate(() => window.__cellCentre);
    await page.mouse.click(box.x + cx * box.width, box.y + cy * box.height);
    const ms = await page.evaluate(() => window.__shown);
    out.push(ms);
    if (!Number.isFinite(ms)) console.error(`no arithmetic for ${want}`);
  }
  return { median: percentile(out, 50), p95: percentile(out, 95), samples: out.length, timedOut: out.filter((v) => !Number.isFinite(v)).length };
}

/**
 * Training images/s of `images` images with the explainer on screen, per tab:
 * 'maximize' asks the worker for nothing until its button is pressed, so it is
 * the baseline with the very same panels in view; the others are recomputed
 * as the weights change. Each tab runs `rounds` times, interleaved,
 * as the machine's speed drifts.
 */
export async function trainingWithExplainer({ open, finishTraining, backend, images, rounds = 2, tabs = ['maximize', 'pixel', 'im2col', 'saliency'] }) {
  const rates = Object.fromEntries(tabs.map((t) => [t, []]));
  for (let r = 0; r < rounds; r++) {
    for (const tab of tabs) {
      // A tall window: the Inspect view's filters below the explainer are on screen whatever the tab's height.
      const page = await open(`&n=${images}&batch=32&debug`, backend, { width: 1280, height: 2000 });
      await page.getByTestId('next-test-image').click();
      await openExplainer(page, tab);
      if (tab !== 'maximize') await page.locator('[data-testid=explain-weights]').waitFor({ timeout: 120_000 });
      // The setup strip's Train button, in every view: the explainer stays where it is.
      await page.getByTestId('train-button').click();
      await page.waitForFunction(() => Number(document.querySelector('[data-testid=run-progress]')?.getAttribute('data-batches')) > 0, null, { timeout: 600_000 });
      const t0 = Date.now();
      await page.waitForFunction(() => window.convscope.store.getState().explain.visible, null, { timeout: 5000 });
      // Watched while it trains (finishTraining's Stop click scrolls away afterwards).
      await page.evaluate(() => {
        window.__outOfView = 0;
        setInterval(() => {
          const s = window.convscope.store.getState();
          // Until the test-set evaluation starts: finishTraining's Stop click then scrolls away.
          if (s.run.status === 'training' && !document.querySelector('[data-testid=evaluation-progress]') && !s.explain.visible) {
            window.__outOfView++;
            const r = document.querySelector('[data-testid=explain-panel]').getBoundingClientRect();
            window.__where = `top ${Math.round(r.top)}, height ${Math.round(r.height)}, scrollY ${Math.round(scrollY)}, window ${innerHeight}`;
          }
        }, 100);
      });
      const run = await finishTraining(page, images, 32, t0);
      if (await page.evaluate(() => window.__outOfView)) throw new Error(`the explainer left the view while ${tab} trained (${await page.evaluate(() => window.__where)}): the measurement would mean nothing`);
      rates[tab].push(run.imagesPerSec);
      await page.close();
    }
  }
  const mean = (v) => Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10;
  const base = mean(rates[tabs[0]]);
  return Object.fromEntries(tabs.map((t) => [t, { imagesPerSec: rates[t], mean: mean(rates[t]), vsClosed: Math.round((mean(rates[t]) / base) * 1000) / 1000 }]));
}
