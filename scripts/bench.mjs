#!/usr/bin/env node
// npm run bench: builds the app, serves the build, drives headless Chromium to
// train the default preset (seed 002's network) on 2,048 MNIST images for one
// epoch, and prints JSON: backend, images per second, and main-thread long
// tasks (> 50 ms) during training. A measurement, never a pass/fail test.
//   BENCH_IMAGES=4096 npm run bench      more images
//   CHROMIUM_PATH=/path/to/chrome         another browser
//   BENCH_ARGS="--use-angle=vulkan"       extra browser flags (e.g. for a real GPU)
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const images = Number(process.env.BENCH_IMAGES ?? 2048);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extraArgs = (process.env.BENCH_ARGS ?? '').split(' ').filter(Boolean);

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const url = `${server.resolvedUrls.local[0]}?dataset=mnist&n=${images}&epochs=1&batch=32&val=0`;
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__measuring = false;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (window.__measuring) window.__longTasks.push({ at: Math.round(e.startTime - window.__measuring), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent !== 'starting…', null, { timeout: 120_000 });
  const backend = await page.getByTestId('backend-name').textContent();
  const renderer = await page.getByTestId('backend-detail').textContent();

  await page.getByTestId('train-button').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=training-status]')?.textContent === 'training', null, { timeout: 300_000 });
  // Measure from the first drawn batch (shader compilation and data loading excluded).
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=loss-chart]')?.getAttribute('data-points')) > 0, null, { timeout: 300_000 });
  await page.evaluate(() => (window.__measuring = performance.now()));
  const t0 = Date.now();
  const trainingOver = () => {
    const s = document.querySelector('[data-testid=training-status]')?.textContent;
    return !!document.querySelector('[data-testid=evaluation-progress]') || (s !== 'training' && s !== 'loading');
  };
  await page.waitForFunction(trainingOver, null, { timeout: 3_600_000, polling: 250 });
  const wallSeconds = (Date.now() - t0) / 1000;
  const result = await page.evaluate(() => ({
    status: document.querySelector('[data-testid=training-status]')?.textContent,
    reportedImagesPerSec: Number(document.querySelector('[data-testid=examples-per-sec]')?.textContent?.replace(/[^\d.]/g, '')),
    elapsed: document.querySelector('[data-testid=elapsed]')?.textContent,
    longTasks: window.__longTasks,
  }));
  const long = result.longTasks;
  console.log(JSON.stringify({
    backend,
    renderer: renderer?.replace(/^ · /, '').replace(/ \(no GPU.*$/, ''),
    images,
    reportedImagesPerSec: result.reportedImagesPerSec,
    trainingWallSeconds: Math.round(wallSeconds * 10) / 10,
    // Images after the first drawn batch, over the wall time from then on.
    measuredImagesPerSec: Math.round(((images - 32) / wallSeconds) * 10) / 10,
    longTasks: { count: long.length, maxMs: long.length ? Math.max(...long.map((t) => t.ms)) : 0, at: long },
    status: result.status,
  }, null, 2));
} finally {
  await browser.close();
  await server.close();
}
