// Part 10 of npm run bench: what the offline copy's service worker costs training. One
// epoch of the default network (batch 32) on wasm in the Design view (nothing live), in
// a page controlled by the service worker (registered, then reloaded so that the
// training worker and its helpers start under it and fetch the datasets through it)
// against the same in a context that blocks service workers, as every other part runs;
// alternated sw/blocked/sw/blocked so that the machine's drift falls on both.

const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * @param {{ open: Function, startTraining: Function, finishTraining: Function, images: number, rounds?: number }} o
 * @returns images/s of every run, the means, and the controlled rate over the blocked one
 */
export async function trainingWithServiceWorker({ open, startTraining, finishTraining, images, rounds = 2 }) {
  const runs = [];
  const query = `&n=${images}&batch=32&view=design`;
  for (let r = 0; r < rounds; r++) {
    for (const serviceWorkers of ['allow', 'block']) {
      let page = await open(query, 'wasm', undefined, 0, serviceWorkers);
      if (serviceWorkers === 'allow') {
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 300_000 });
        await page.reload();
        await page.waitForFunction(() => document.querySelector('[data-testid=backend-name]')?.textContent === 'wasm', null, { timeout: 300_000 });
      }
      const controlled = await page.evaluate(() => navigator.serviceWorker?.controller != null);
      const run = await finishTraining(page, images, 32, await startTraining(page));
      runs.push({ serviceWorker: serviceWorkers === 'allow' ? 'controlling' : 'blocked', controlled, imagesPerSec: run.imagesPerSec });
      await page.context().close();
    }
  }
  const rate = (s) => mean(runs.filter((r) => r.serviceWorker === s).map((r) => r.imagesPerSec));
  return {
    backend: 'wasm',
    runs,
    controllingImagesPerSec: round(rate('controlling')),
    blockedImagesPerSec: round(rate('blocked')),
    controllingOverBlocked: round(rate('controlling') / rate('blocked'), 3),
  };
}
