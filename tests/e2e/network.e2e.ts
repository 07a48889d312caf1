import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, openView, reveal, text, uncaughtErrors, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

/** A network small enough to train and test in seconds on SwiftShader (4 filters; 6,810 parameters). */
const TINY = 'arch=conv(4,3,1,valid,relu)-maxpool(2,2,valid)-flatten-dense(10,softmax)&dataset=mnist&n=1000';

/** The address as the page set it (history.replaceState; page.url() learns of it only later). */
const search = (page: Page) => page.evaluate(() => location.search);
const shapes = (page: Page) => page.getByTestId('layer-shape').allTextContents();
const markers = (page: Page, chart: string) => page.locator(`[data-testid=${chart}] .lc-marker text`).allTextContents();

describe('architecture editor', () => {
  it('updates every shape, the summary and the rule as layers are added and edited', async () => {
    const page = await openApp(browser());
    await openView(page, 'design');
    const editor = page.getByTestId('architecture-editor');
    expect(await shapes(page)).toEqual(['26×26×64', '13×13×64', '11×11×64', '5×5×64', '1600', '128', '10']);
    expect(await text(page, 'total-params')).toBe('243,786');

    await page.getByTestId('add-layer-type').selectOption('dense');
    await page.getByTestId('add-layer').click();
    // Dense 128 goes before the output layer: 128 × 128 + 128 more parameters.
    expect(await shapes(page)).toEqual(['26×26×64', '13×13×64', '11×11×64', '5×5×64', '1600', '128', '128', '10']);
    expect(await text(page, 'total-params')).toBe('260,298');
    expect(await page.getByTestId('model-summary').locator('tbody tr').nth(6).textContent()).toBe('dense_1 (Dense)(None, 128)16,512');

    await editor.getByTestId('layer-kernelSize').first().fill('5');
    expect((await shapes(page)).slice(0, 2)).toEqual(['24×24×64', '12×12×64']);
    expect(await editor.getByTestId('size-rule').first().textContent()).toBe('H, W: ⌊(28 + 2·0 − 5)/1⌋ + 1 = 24');
    expect(await text(page, 'preset-note')).toMatch(/Edited/);
    expect(await search(page)).toContain('arch=conv(64,5,1,valid,relu)-maxpool(2,2,valid)');
    expect(await page.getByTestId('train-button').isEnabled()).toBe(true);

    // Picking a preset by mistake loses nothing: Undo puts the edited network back.
    const edited = await text(page, 'total-params');
    await page.getByTestId('preset-select').selectOption('lenet-5');
    expect(await text(page, 'total-params')).toBe('61,706');
    await page.getByTestId('undo-architecture').click();
    expect(await text(page, 'total-params')).toBe(edited);
    expect((await shapes(page)).slice(0, 2)).toEqual(['24×24×64', '12×12×64']);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('flags an impossible network at the offending layer and disables Train with the reason', async () => {
    const page = await openApp(browser());
    await openView(page, 'design');
    const editor = page.getByTestId('architecture-editor');
    const train = page.getByTestId('train-button');

    const error = editor.getByTestId('layer-error');
    await editor.getByTestId('layer-kernelSize').nth(1).fill('20');
    expect(await error.count()).toBe(1);
    expect(await error.textContent()).toMatch(/kernel 20×20 is larger than its 13×13 input/);
    expect(await text(page, 'train-disabled-reason')).toMatch(/Layer 3 \(Conv2D 64 20×20\): kernel 20×20 is larger than its 13×13 input/);
    await editor.getByTestId('layer-kernelSize').nth(1).fill('3');
    expect(await error.count()).toBe(0);
    expect(await train.isEnabled()).toBe(true);

    // Dense straight after a convolution: Flatten is missing.
    await page.getByTestId('layer-row').nth(4).getByTestId('remove-layer').click();
    expect(await editor.getByTestId('layer-error').textContent()).toMatch(/gets a 5×5×64 tensor; add Flatten before Dense/);
    expect(await train.isDisabled()).toBe(true);

    // A classic net at its own size is for study: its published total, no Train.
    await page.getByTestId('preset-select').selectOption('alexnet');
    expect(await text(page, 'total-params')).toBe('62,378,344');
    expect(await text(page, 'study-note')).toMatch(/takes 227×227×3 images/);
    expect(await train.isDisabled()).toBe(true);
    expect(await train.textContent()).toBe('Study only');
    await page.getByTestId('preset-select').selectOption('vgg-16');
    expect(await text(page, 'total-params')).toBe('138,357,544');
    expect(await text(page, 'non-trainable-params')).toBe('0');
    await page.close();
  });

  it('exports and imports the architecture as JSON; a bad file or link keeps the current network', async () => {
    const page = await openApp(browser());
    await openView(page, 'design');
    await page.getByTestId('preset-select').selectOption('seed-001');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-architecture').click()]);
    const json = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    expect(JSON.parse(json)).toMatchObject({ format: 'convscope-architecture', version: 1, inputShape: [28, 28, 1] });

    // A file is read asynchronously: poll for the page's answer.
    const input = page.getByTestId('import-architecture');
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"layers": [') });
    await expect.poll(() => text(page, 'error-banner')).toMatch(/^The file was not imported: Not valid JSON/);
    await input.setInputFiles({ name: 'conv3d.json', mimeType: 'application/json', buffer: Buffer.from('{"inputShape":[28,28,1],"layers":[{"type":"conv3d"}]}') });
    await expect.poll(() => text(page, 'error-banner')).toMatch(/Layer 1: unknown layer type "conv3d"/);
    expect(await text(page, 'total-params')).toBe('3,219,402'); // seed 001 is still there
    expect(await text(page, 'non-trainable-params')).toBe('1,088');

    await page.getByTestId('preset-select').selectOption('seed-002');
    await input.setInputFiles({ name: 'seed-001.json', mimeType: 'application/json', buffer: Buffer.from(json) });
    await expect.poll(() => text(page, 'total-params')).toBe('3,219,402');
    await page.close();

    const linked = await openApp(browser(), '?arch=conv(32,3)-dense(abc,relu)');
    await openView(linked, 'design');
    expect(await text(linked, 'error-banner')).toMatch(/The link's architecture was not loaded: Layer 2 "dense\(abc,relu\)": units "abc" is not a number/);
    expect(await text(linked, 'total-params')).toBe('243,786');
    await linked.close();
  });
});

describe('Keras code', () => {
  it('shows the Python for the network set up, follows every edit, and copies it', async () => {
    const page = await openApp(browser(), '', { permissions: ['clipboard-read', 'clipboard-write'] });
    await openView(page, 'design');
    await page.locator('.keras-code summary').click();
    const code = () => text(page, 'keras-code');
    expect(await code()).toContain('layers.Conv2D(64, (3, 3), activation="relu"),\n    layers.MaxPooling2D((2, 2)),');
    expect(await code()).toContain('optimizer=keras.optimizers.Adam(learning_rate=0.001)');
    await page.getByTestId('architecture-editor').getByTestId('layer-filters').first().fill('32');
    await page.getByTestId('optimizer-select').selectOption('sgd');
    await page.getByTestId('momentum-input').fill('0.9');
    expect(await code()).toContain('layers.Conv2D(32, (3, 3), activation="relu")');
    expect(await code()).toContain('keras.optimizers.SGD(learning_rate=0.001, momentum=0.9)');
    const hint = page.getByTestId('copy-status');
    const idle = await hint.textContent();
    await page.getByTestId('copy-keras-code').click();
    await page.waitForFunction((before) => document.querySelector('[data-testid=copy-status]')?.textContent !== before, idle);
    expect(await hint.textContent()).toBe('Copied to the clipboard.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await code());
    expect(copied).toContain('model.compile(');
    await page.close();
  });
});

describe('training controls', () => {
  it('the same seed gives the same first epoch; another seed does not', async () => {
    const page = await openApp(browser(), `?${TINY}&epochs=1&seed=7`);
    const firstEpoch = async () => {
      await page.getByTestId('train-button').click();
      await waitForStatus(page, ['loading', 'training'], 30_000);
      await waitForStatus(page, ['done'], 300_000);
      // loss, accuracy, val_loss, val_accuracy of epoch 1, in the Results view
      return (await (await reveal(page, 'epoch-log', 'results')).locator('tbody tr').first().locator('td').allTextContents()).slice(1, 5).join(' ');
    };
    const a = await firstEpoch();
    expect(await firstEpoch()).toBe(a);
    await (await reveal(page, 'seed-input')).fill('8');
    expect(await search(page)).toContain('seed=8');
    expect(await firstEpoch()).not.toBe(a);
    await page.close();
  }, 600_000);

  it('changes the learning rate during a run, from the next batch', async () => {
    // Enough epochs that the run is still training when Stop comes: this network does an epoch in about a second.
    const page = await openApp(browser(), `?${TINY}&epochs=30&batch=16`);
    expect(await (await reveal(page, 'total-params')).textContent()).toBe('6,810');
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['training']);
    await openView(page, 'train'); // the curves, where the change is marked
    const lr = page.getByTestId('learning-rate-input');
    expect(await lr.isEnabled()).toBe(true);
    expect(await page.getByTestId('epochs-input').isDisabled()).toBe(true);
    await lr.fill('0.0001');
    await page.getByTestId('apply-learning-rate').click();
    await page.waitForFunction(() => /in use: 0\.0001/.test(document.querySelector('#field-learningRate-msg')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await markers(page, 'loss-chart')).toContain('lr 0.0001');
    await page.getByTestId('stop-button').click();
    await waitForStatus(page, ['stopped'], 60_000);
    expect(uncaughtErrors(page)).toEqual([]);
    await page.close();
  });

  it('early stopping ends the run and puts back the best epoch', async () => {
    // min_delta 1: no accuracy can beat epoch 1 by that much, so patience 1 stops after epoch 2 and restores epoch 1.
    const page = await openApp(browser(), `?${TINY}&epochs=6&es=val_accuracy&patience=1&mindelta=1`);
    expect(await (await reveal(page, 'early-stopping-input')).isChecked()).toBe(true);
    await page.getByTestId('train-button').click();
    await waitForStatus(page, ['done'], 300_000);
    await openView(page, 'train');
    expect(await text(page, 'epoch-counter')).toBe('2 / 6');
    expect(await text(page, 'run-outcome')).toMatch(/Early stopping ended the run after 2 epochs: val_accuracy had not improved since epoch 1\. The weights of epoch 1, the best by val_accuracy, were put back\./);
    expect(await markers(page, 'accuracy-chart')).toContain('best: epoch 1 (restored)');
    expect(await page.locator('[data-testid=val-accuracy] + .metric-sub').textContent()).toMatch(/epoch 1 \(restored\)/);
    expect(await (await reveal(page, 'epoch-log', 'results')).locator('tbody tr').first().locator('td').first().textContent()).toBe('1 ★ restored');
    await page.close();
  }, 360_000);
});
