// Part 6 of npm run bench: what augmentation costs in training speed.
// One epoch of the default network (batch 32) with every transform on at its defaults
// against the same with none, alternated off/on/off/on so that the machine's drift
// falls on both; each run in a fresh page on the backend the page picked.

const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * @param {{ open: Function, startTraining: Function, finishTraining: Function, backend: string, images: number, rounds?: number }} o
 * @returns images/s of every run, the means, and the cost (1 − on/off)
 */
export async function augmentationCost({ open, startTraining, finishTraining, backend, images, rounds = 2 }) {
  const runs = [];
  for (let r = 0; r < rounds; r++) {
    for (const on of [false, true]) {
      const page = await open(`&n=${images}&batch=32`, backend);
      // Augmentation is set in the Design view, which stays open while it trains (nothing else is computed there).
      await page.getByTestId('view-tab-design').click();
      if (on) await page.getByTestId('augment-defaults').click();
      const run = await finishTraining(page, images, 32, await startTraining(page));
      runs.push({ augmentation: on ? 'all five at defaults' : 'off', imagesPerSec: run.imagesPerSec });
      await page.close();
    }
  }
  const off = mean(runs.filter((r) => r.augmentation === 'off').map((r) => r.imagesPerSec));
  const on = mean(runs.filter((r) => r.augmentation !== 'off').map((r) => r.imagesPerSec));
  return { backend, runs, offImagesPerSec: round(off), onImagesPerSec: round(on), cost: round(1 - on / off, 3) };
}
