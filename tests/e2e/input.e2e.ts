import { describe, expect, inject, it } from 'vitest';
import { openApp, openView, reveal, text, useBrowser, waitForStatus } from './browser';

const browser = useBrowser();

describe('bad input and bad data', () => {
  it('explains each bad field beside it and disables Train until fixed', async () => {
    const page = await openApp(browser());
    const train = page.getByTestId('train-button');
    await page.getByTestId('train-size-select').selectOption('1000');
    const cases: [string, string, RegExp][] = [
      ['learning-rate-input', '0', /greater than 0/],
      ['learning-rate-input', 'fast', /Enter a number/],
      ['batch-size-input', '0', /At least 1/],
      ['batch-size-input', '801', /At most 800/],
      ['epochs-input', '0', /At least 1/],
      ['epochs-input', '2.5', /whole number/],
    ];
    for (const [field, bad, message] of cases) {
      // The setup strip's fields are in every view; the batch size is with the other settings, in the Design view.
      const input = await reveal(page, field);
      const good = await input.inputValue();
      await input.fill(bad);
      expect(await text(page, `${field}-error`)).toMatch(message);
      expect(await train.isDisabled()).toBe(true);
      await input.fill(good);
      expect(await page.getByTestId(`${field}-error`).count()).toBe(0);
      expect(await train.isEnabled()).toBe(true);
    }
    await page.close();
  });

  it('names a missing or corrupt data file in the error banner and keeps working', async () => {
    const page = await openApp(browser());
    await page.route('**/data/fashion-mnist-train.bin.gz', (r) => r.fulfill({ status: 404, body: 'not here' }));
    await page.route('**/data/mnist-train.bin.gz', (r) =>
      r.fulfill({ status: 200, body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7]) }),
    );
    await page.getByTestId('dataset-select').selectOption('fashion-mnist');
    await page.getByTestId('train-size-select').selectOption('1000');
    await page.getByTestId('train-button').click();
    expect(await waitForStatus(page, ['error'], 60_000)).toBe('error');
    expect(await text(page, 'error-banner')).toMatch(/data\/fashion-mnist-train\.bin\.gz is missing/);

    await page.getByTestId('dataset-select').selectOption('mnist');
    await page.getByTestId('train-button').click();
    await page.waitForFunction(() => /corrupt/.test(document.querySelector('[data-testid=error-banner]')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await text(page, 'error-banner')).toMatch(/data\/mnist-train\.bin\.gz is corrupt/);
    expect(await page.getByTestId('train-button').isEnabled()).toBe(true);
    expect(await page.getByTestId('epochs-input').isEnabled()).toBe(true);
    await page.close();
  });
});

describe('tutorial presets', () => {
  it('loads a tutorial network with its dataset, optimizer and hyperparameters', async () => {
    const page = await openApp(browser());
    await openView(page, 'design');
    expect(await text(page, 'total-params')).toBe('243,786'); // seed 002, the default
    await page.getByTestId('preset-select').selectOption('seed-000');
    expect(await text(page, 'total-params')).toBe('197,210');
    expect(await page.getByTestId('dataset-select').inputValue()).toBe('fashion-mnist');
    expect(await page.getByTestId('optimizer-select').inputValue()).toBe('sgd');
    expect(await page.getByTestId('learning-rate-input').inputValue()).toBe('0.01');
    expect(await page.getByTestId('batch-size-input').inputValue()).toBe('128');
    expect(await page.getByTestId('epochs-input').inputValue()).toBe('20');
    await page.getByTestId('preset-select').selectOption('lenet-5');
    expect(await text(page, 'total-params')).toBe('61,706');
    await page.close();
  });
});

describe('backend fallback', () => {
  const noGl = useBrowser(['--disable-gpu', '--disable-software-rasterizer']);
  it('where WebGL is unavailable: says so, trains on the fastest other, and refuses webgl with a message that keeps the backend', async () => {
    const page = await openApp(noGl());
    const webgl = page.locator('[data-testid=backend-rates] [data-backend=webgl]');
    await webgl.waitFor({ timeout: 120_000 });
    expect(await webgl.textContent()).toBe('webgl unavailable');
    await page.waitForFunction(() => !document.querySelector('[data-testid=backend-rates]')?.textContent?.includes('measuring'), null, { timeout: 120_000 });
    expect(await text(page, 'backend-name')).toBe('wasm');
    await page.getByTestId('backend-select').selectOption('webgl');
    await page.getByTestId('error-banner').waitFor();
    expect(await text(page, 'error-banner')).toMatch(/webgl cannot run here \(.+\); still training on wasm/);
    expect(await text(page, 'backend-name')).toBe('wasm');
    await page.close();
  });
});

describe('wasm that cannot load', () => {
  it('falls back to the next backend and says why wasm is unavailable', async () => {
    const page = await browser().newPage();
    // As a host that does not serve the .wasm files would.
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(inject('baseUrl'));
    const wasm = page.locator('[data-testid=backend-rates] [data-backend=wasm]');
    await wasm.waitFor({ timeout: 120_000 });
    expect(await wasm.textContent()).toBe('wasm unavailable');
    expect(await wasm.getAttribute('title')).toMatch(/wasm/i);
    await page.waitForFunction(() => !document.querySelector('[data-testid=backend-rates]')?.textContent?.includes('measuring'), null, { timeout: 120_000 });
    expect(await text(page, 'backend-name')).toMatch(/^(webgl|cpu)$/);
    await page.close();
  });
});
