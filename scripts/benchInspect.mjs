// Part of `npm run bench`: how fast a stroke reaches the prediction bars, idle and
// while training, and what the live panels cost in training throughput.
// Imported by bench.mjs; `page` helpers only, no test assertions.

/** Draws a short stroke and returns ms from pointer-up to the next change of the bars. */
export async function strokeLatency(page, i) {
  const pad = page.getByTestId('drawing-canvas');
  const b = await pad.boundingBox();
  await page.evaluate(() => {
    window.__barsChanged = new Promise((resolve) => {
      const start = performance.now();
      const target = document.querySelector('[data-testid=prediction-panel]');
      const mo = new MutationObserver(() => {
        if (window.__strokeEnd && performance.now() >= window.__strokeEnd) {
          mo.disconnect();
          resolve(performance.now() - window.__strokeEnd);
        }
      });
      mo.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
      setTimeout(() => resolve(NaN), 20_000 + 0 * start);
    });
    window.__strokeEnd = 0;
    document.querySelector('[data-testid=drawing-canvas]').addEventListener('pointerup', () => (window.__strokeEnd = performance.now()), { once: true, capture: true });
  });
  const x = b.x + b.width * (0.3 + 0.04 * (i % 8));
  await page.mouse.move(x, b.y + b.height * 0.2);
  await page.mouse.down();
  for (let k = 1; k <= 6; k++) await page.mouse.move(x + k * 2, b.y + b.height * (0.2 + k * 0.1));
  await page.mouse.up();
  return page.evaluate(() => window.__barsChanged);
}

export function percentile(values, p) {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!v.length) return null;
  return Math.round(v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]);
}

export async function latencies(page, n) {
  const out = [];
  for (let i = 0; i < n; i++) {
    await page.getByTestId('clear-drawing').click();
    out.push(await strokeLatency(page, i));
  }
  return { median: percentile(out, 50), p95: percentile(out, 95), samples: out.length, timedOut: out.filter((v) => !Number.isFinite(v)).length };
}
