// Part 7 of npm run bench: what watching it learn costs. One epoch of the default
// network (batch 32) with the Train view open and a drawn input (curves, prediction
// bars and every layer's feature maps live, as a person watches it) against the same
// in the Design view, where nothing is computed while it trains; alternated
// train/design/train/design so that the machine's drift falls on both.

const round = (v, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** A "7" in the pad, so that the bars and feature maps have an input to follow. */
async function drawSeven(page) {
  const b = await page.getByTestId('drawing-canvas').boundingBox();
  const at = ([x, y]) => [b.x + b.width * x, b.y + b.height * y];
  await page.mouse.move(...at([0.3, 0.25]));
  await page.mouse.down();
  for (const p of [[0.7, 0.25], [0.45, 0.8]]) await page.mouse.move(...at(p), { steps: 6 });
  await page.mouse.up();
  await page.getByTestId('feature-maps-layer-0').waitFor({ timeout: 120_000 });
}

/**
 * @param {{ open: Function, startTraining: Function, finishTraining: Function, backend: string, images: number, rounds?: number }} o
 * @returns images/s of every run, the means, and the Train view's rate over the Design view's
 */
export async function trainingByView({ open, startTraining, finishTraining, backend, images, rounds = 2 }) {
  const runs = [];
  for (let r = 0; r < rounds; r++) {
    for (const view of ['train', 'design']) {
      const page = await open(`&n=${images}&batch=32`, backend, { width: 1440, height: 900 });
      await drawSeven(page);
      if (view === 'design') await page.getByTestId('view-tab-design').click();
      const run = await finishTraining(page, images, 32, await startTraining(page));
      runs.push({ view, imagesPerSec: run.imagesPerSec });
      await page.close();
    }
  }
  const rate = (v) => mean(runs.filter((r) => r.view === v).map((r) => r.imagesPerSec));
  return { backend, runs, trainViewImagesPerSec: round(rate('train')), designViewImagesPerSec: round(rate('design')), trainOverDesign: round(rate('train') / rate('design'), 3) };
}
