import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openView, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

/** Opens one of the explainer's tabs, in the Inspect view. */
const tab = async (page: Page, name: string) => {
  await openView(page, 'inspect');
  await page.getByTestId('explain-panel').scrollIntoViewIfNeeded();
  await page.getByTestId(`explain-tab-${name}`).click();
};

/** The arithmetic on screen: the value it computed, the model's own, and which pixel (layer,channel,row,col). */
const arithmetic = (page: Page) =>
  page.getByTestId('pixel-arithmetic').evaluate((el: HTMLElement) => ({ value: Number(el.dataset.value), model: Number(el.dataset.modelValue), pixel: el.dataset.pixel }));

describe('the explainer', () => {
  it('works out a clicked feature-map pixel by hand, multiplies im2col into the maps, and shows saliency, on a briefly trained net', async () => {
    // A small net that trains in seconds: conv 8 3×3 → max pool 2 → conv 8 3×3 same → flatten → dense 10.
    const arch = 'conv(8,3,1,valid,relu)-maxpool(2,2,valid)-conv(8,3,1,same,relu)-flatten-dense(10,softmax)';
    const page = await openApp(browser(), `?arch=${arch}&n=1000&epochs=1&val=0`);
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['done']);
    await page.getByTestId('next-test-image').click();

    // Enlarge a map of the first conv layer and click one of its pixels.
    await page.getByTestId('feature-maps-panel').scrollIntoViewIfNeeded();
    const grid = page.getByTestId('feature-maps-layer-0').locator('canvas.feature-map');
    await grid.waitFor({ timeout: 60_000 });
    await grid.click({ position: { x: 33 + 15, y: 15 } }); // the second map (30 px maps, 33 apart, in the Train view)
    const enlarged = page.getByTestId('enlarged-canvas');
    const box = (await enlarged.boundingBox())!;
    await enlarged.click({ position: { x: box.width * (12.5 / 26), y: box.height * (9.5 / 26) } }); // row 10, column 13
    // The pixel is explained in the Inspect view, which opens by itself.
    await page.locator('[data-view=inspect]').waitFor();
    await expect.poll(async () => (await arithmetic(page).catch(() => null))?.pixel, { timeout: 60_000 }).toBe('0,1,9,12');
    const conv = await arithmetic(page);
    expect(Math.abs(conv.value - conv.model)).toBeLessThanOrEqual(1e-5);
    expect(await text(page, 'arithmetic-check')).toMatch(/✓/);
    expect(await text(page, 'explain-weights')).toMatch(/^Live weights: epoch 1\.00/);

    // A pooling pixel, picked with the layer chooser: the window's max.
    await page.getByTestId('explain-layer').selectOption('1');
    await expect.poll(async () => (await arithmetic(page)).pixel?.split(',')[0], { timeout: 60_000 }).toBe('1');
    const pool = await arithmetic(page);
    expect(Math.abs(pool.value - pool.model)).toBeLessThanOrEqual(1e-5);
    expect(await page.getByTestId('pixel-arithmetic').textContent()).toMatch(/max of 4 values/);
    // The second conv layer reads 8 channels through "same" padding.
    await page.getByTestId('explain-layer').selectOption('2');
    await expect.poll(async () => (await arithmetic(page)).pixel?.split(',')[0], { timeout: 60_000 }).toBe('2');
    const deep = await arithmetic(page);
    expect(Math.abs(deep.value - deep.model)).toBeLessThanOrEqual(1e-5);
    expect(await page.getByTestId('pixel-arithmetic').textContent()).toMatch(/over 8 channels/);

    // im2col of the second conv layer: 13·13 patches of 3·3·8 values, times 72 × 8 kernels, is its output.
    await tab(page, 'im2col');
    const im2col = page.getByTestId('im2col-view');
    await im2col.waitFor({ timeout: 60_000 });
    expect(Number(await im2col.getAttribute('data-max-error'))).toBeLessThanOrEqual(1e-5);
    expect(await im2col.textContent()).toMatch(/169 × 72/);

    // Saliency of the top class.
    await tab(page, 'saliency');
    const saliency = page.getByTestId('saliency-map');
    await saliency.waitFor({ timeout: 60_000 });
    expect(await saliency.getAttribute('data-class')).toBe(await page.getByTestId('prediction-top').getAttribute('data-class-index'));

    // A unit of the output layer, clicked in the feature maps: its value is the class's probability,
    // and its weights are laid back onto the 13×13×8 maps it reads through Flatten.
    await openView(page, 'train');
    await page.getByTestId('feature-maps-panel').scrollIntoViewIfNeeded();
    const bars = page.getByTestId('feature-maps-layer-4').locator('canvas.bar-strip');
    const bb = (await bars.boundingBox())!;
    const top = Number(await page.getByTestId('prediction-top').getAttribute('data-class-index'));
    await bars.click({ position: { x: ((top + 0.5) / 10) * bb.width, y: bb.height / 2 } });
    const unit = page.getByTestId('dense-unit');
    await unit.waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('dense-unit-input').inputValue()).toBe(String(top + 1));
    const probs = await page.evaluate(() => [...document.querySelectorAll('[data-testid=prediction-bars] li')].map((li) => Number((li as HTMLElement).dataset.prob)));
    await expect.poll(async () => Number(await unit.getAttribute('data-value')), { timeout: 30_000 }).toBeCloseTo(probs[top], 4);
    await page.getByTestId('dense-weight-maps').waitFor();

    // The sliding kernel plays, pauses and steps, with the output-size rule in this layer's numbers.
    await tab(page, 'kernel');
    await page.getByTestId('explain-layer').selectOption('0');
    const anim = page.getByTestId('kernel-animation');
    expect(await anim.getAttribute('data-positions')).toBe(String(26 * 26));
    expect(await text(page, 'output-size-rule')).toContain('⌊(28 + 2·0 − 3)/1⌋ + 1 = 26');
    await page.getByTestId('kernel-speed').selectOption('64');
    await page.getByTestId('kernel-play').click();
    await expect.poll(async () => Number(await anim.getAttribute('data-step')), { timeout: 10_000 }).toBeGreaterThan(5);
    await page.getByTestId('kernel-pause').click();
    const at = Number(await anim.getAttribute('data-step'));
    await page.getByTestId('kernel-step').click();
    expect(Number(await anim.getAttribute('data-step'))).toBe(at + 1);

    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('applies hand-set filters before any training, says what is wrong with a typed kernel, and computes what filters want (cancellable)', async () => {
    const page = await openApp(browser(), '?arch=conv(8,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)');
    await page.getByTestId('next-test-image').click();
    await tab(page, 'handFilters');
    const hand = page.getByTestId('hand-filters');
    await hand.waitFor({ timeout: 60_000 });
    expect(await hand.textContent()).toMatch(/Sobel/);
    const before = await hand.locator('canvas').count();
    const field = page.getByTestId('hand-kernel-input');
    await field.fill('1 2 3 4');
    await page.getByTestId('hand-kernel-apply').click();
    expect(await page.getByTestId('explain-panel').locator('.field-error').textContent()).toMatch(/9 numbers/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('0 0 0, 0 1 0, 0 0 -1');
    await page.getByTestId('hand-kernel-apply').click();
    await expect.poll(() => hand.locator('canvas').count(), { timeout: 30_000 }).toBeGreaterThan(before);

    await tab(page, 'maximize');
    await page.getByTestId('filter-maximize').waitFor();
    await page.getByTestId('filter-maximize-compute').click();
    await page.getByTestId('filter-maximize-progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('filter-maximize-cancel').click();
    await expect.poll(() => page.getByTestId('filter-maximize-progress').count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('filter-maximize-images').count()).toBe(0); // a cancelled request shows nothing half-done
    await page.getByTestId('filter-maximize-compute').click();
    const images = page.getByTestId('filter-maximize-images');
    await images.waitFor({ timeout: 120_000 });
    expect(await images.getAttribute('data-filters')).toBe('8');
    expect(await images.locator('canvas').count()).toBe(8);

    // A classic net at full size, too big to build here: AlexNet's first layer alone, 11×11 stride 4 over
    // 227×227, with random weights on the drawing scaled up, its arithmetic as real as a trained net's.
    await page.getByTestId('preset-select').selectOption('alexnet');
    await tab(page, 'kernel');
    expect(await page.getByTestId('kernel-animation').getAttribute('data-positions')).toBe(String(55 * 55));
    expect(await text(page, 'output-size-rule')).toContain('⌊(227 + 2·0 − 11)/4⌋ + 1 = 55');
    await page.getByTestId('explain-study-note').waitFor();
    await tab(page, 'pixel');
    await page.getByTestId('pixel-arithmetic').waitFor({ timeout: 60_000 });
    const study = await arithmetic(page);
    expect(Math.abs(study.value - study.model)).toBeLessThanOrEqual(1e-5);
    expect(await page.getByTestId('pixel-arithmetic').textContent()).toMatch(/over 3 channels/);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });
});
