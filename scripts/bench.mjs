#!/usr/bin/env node
// npm run bench: builds the app, serves the build and drives headless Chromium.
// Prints JSON; a measurement, never a pass/fail test.
//  1. stroke → prediction bars latency while idle (median, p95);
//  2. trains the default preset (seed 002's network) on 2,048 MNIST images for one
//     epoch: images per second, main-thread long tasks (> 50 ms), and the stroke
//     latency while it trains;
//  3. training throughput with every inspection panel live (tall window, an input
//     drawn) against every panel hidden (short window, no input).
//   BENCH_IMAGES=4096 npm run bench      more images in step 2
//   BENCH_PANEL_IMAGES=512                images for each run of step 3 (0 skips it)
//   CHROMIUM_PATH=/path/to/chrome         another browser
//   BENCH_ARGS="--use-angle=vulkan"       extra browser flags (e.g. for a real GPU)
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { latencies, strokeLatency } from './benchInspect.mjs';

const images = Number(process.env.BENCH_IMAGES ?? 2048);
const panelImages = Number(process.env.BENCH_PANEL_IMAGES ?? 384);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extraArgs = (process.env.BENCH_ARGS ?? '').split(' ').filter(Boolean);
const STROKES = 10;
// While training, each answer waits for a batch to end (seconds on a CPU-emulated GPU): fewer samples.
const TRAINING_STROKES = 6;

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
});

async function open(n, viewport) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__measuring = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (window.__measuring) window.__longTasks.push({ at: Math.round(e.startTime - window.__measuring), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: false });
  });
  await page.goto(`${base}?dataset=mnist&n=${n}&epochs=1&batch=32&val=0`);
  await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent !== 'starting…', null, { timeout: 120_000 });
  return page;
}

/** Starts training; resolves once the first batch is drawn (data loading and shader compilation excluded). */
async function startTraining(page) {
  await page.getByTestId('train-button').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=loss-chart]')?.getAttribute('data-points')) > 0, null, { timeout: 600_000 });
  return Date.now();
}

/** Waits until training (not the test-set evaluation after it) is over; returns images/s over the measured part. */
async function finishTraining(page, n, t0) {
  await page.waitForFunction(() => {
    const s = document.querySelector('[data-testid=training-status]')?.textContent;
    return !!document.querySelector('[data-testid=evaluation-progress]') || (s !== 'training' && s !== 'loading');
  }, null, { timeout: 3_600_000, polling: 250 });
  const seconds = (Date.now() - t0) / 1000;
  return { seconds: Math.round(seconds * 10) / 10, imagesPerSec: Math.round(((n - 32) / seconds) * 10) / 10 };
}

try {
  const out = { images };
  const page = await open(images, { width: 1280, height: 900 });
  out.backend = await page.getByTestId('backend-name').textContent();
  out.renderer = (await page.getByTestId('backend-detail').textContent())?.replace(/^ · /, '').replace(/ \(no GPU.*$/, '');
  await page.getByTestId('drawing-canvas').scrollIntoViewIfNeeded();
  await strokeLatency(page, 0); // warm-up: builds the untrained preview model
  out.strokeToBarsIdleMs = await latencies(page, STROKES);

  const t0 = await startTraining(page);
  await page.evaluate(() => (window.__measuring = performance.now()));
  out.strokeToBarsTrainingMs = await latencies(page, TRAINING_STROKES);
  out.training = await finishTraining(page, images, t0);
  const long = await page.evaluate(() => window.__longTasks);
  out.longTasks = { count: long.length, maxMs: long.length ? Math.max(...long.map((t) => t.ms)) : 0, at: long };
  await page.close();

  if (panelImages > 0) {
    const live = await open(panelImages, { width: 1280, height: 5000 });
    await live.getByTestId('drawing-canvas').scrollIntoViewIfNeeded();
    await strokeLatency(live, 1);
    const liveRun = await finishTraining(live, panelImages, await startTraining(live));
    await live.close();
    const hidden = await open(panelImages, { width: 1280, height: 500 });
    const hiddenRun = await finishTraining(hidden, panelImages, await startTraining(hidden));
    await hidden.close();
    out.panels = { images: panelImages, allLive: liveRun, allHidden: hiddenRun, liveOverHidden: Math.round((liveRun.imagesPerSec / hiddenRun.imagesPerSec) * 100) / 100 };
  }
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await server.close();
}
