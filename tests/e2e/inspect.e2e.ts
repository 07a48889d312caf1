import { describe, expect, it } from 'vitest';
import { drawStroke, openApp, text, useBrowser } from './browser';

const browser = useBrowser();

describe('inspecting the network', () => {
  it('a drawn stroke reaches the model: preview, ten bars summing to 1, every layer\'s feature maps', async () => {
    const page = await openApp(browser());
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('true');
    await drawStroke(page, { from: [0.3, 0.15], to: [0.32, 0.65], steps: 10 }); // a "1", off-centre
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('false');
    await page.getByTestId('prediction-bars').waitFor({ timeout: 60_000 });
    // Bars and top class read in one go: an untrained model's ten scores are nearly equal, and an
    // answer arriving between two reads (the backend measured meanwhile) may rank them otherwise.
    const { probs, top } = await page.evaluate(() => ({
      probs: [...document.querySelectorAll('[data-testid=prediction-bars] li')].map((li) => Number((li as HTMLElement).dataset.prob)),
      top: Number(document.querySelector('[data-testid=prediction-top]')?.getAttribute('data-class-index')),
    }));
    expect(probs).toHaveLength(10);
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
    expect(top).toBe(probs.indexOf(Math.max(...probs)));
    expect(await text(page, 'prediction-model-state')).toMatch(/untrained/);

    // A grid of one map per channel for conv and pooling layers, bars for the dense ones (seed 002's shapes).
    // The panel is computed only when it is on screen, so look at it as a user would.
    await page.getByTestId('feature-maps-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('feature-maps-layer-6').waitFor({ timeout: 60_000 });
    const perLayer = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=feature-maps-panel] [data-layer]')].map((d) => {
        const strip = d.querySelector('canvas.bar-strip') as HTMLCanvasElement | null;
        return strip ? Number(strip.dataset.units) : Number((d.querySelector('canvas.feature-map') as HTMLCanvasElement | null)?.dataset.channels);
      }),
    );
    expect(perLayer).toEqual([64, 64, 64, 64, 1600, 128, 10]);

    // One canvas per layer. The pointer names the channel under it, a click enlarges it, ‹ › step through the channels.
    const grid = page.getByTestId('feature-maps-layer-0').locator('canvas.feature-map');
    // The middle of the second map: in the Train view maps are 30 CSS pixels, 33 from one to the next.
    const second = { x: 33 + 15, y: 15 };
    await grid.hover({ position: second });
    expect(await grid.getAttribute('title')).toBe('channel 2');
    await grid.click({ position: second });
    const enlarged = () => text(page, 'enlarged-map');
    expect(await enlarged()).toMatch(/^Conv2D 64 3×3, channel 2 of 64 \(26×26\)/);
    await page.getByTestId('enlarged-next').click();
    expect(await enlarged()).toMatch(/channel 3 of 64/);
    await page.getByTestId('enlarged-prev').click();
    await page.getByTestId('enlarged-prev').click();
    expect(await enlarged()).toMatch(/channel 1 of 64/);
    expect(await page.getByTestId('enlarged-prev').isDisabled()).toBe(true);
    // From the keyboard: the grid is one button, Enter enlarges its first channel.
    const pool = page.getByTestId('feature-maps-layer-1').locator('canvas.feature-map');
    expect(await pool.getAttribute('aria-label')).toBe('64 feature maps of MaxPooling2D 2×2: Enter enlarges channel 1');
    await pool.focus();
    await page.keyboard.press('Enter');
    expect(await enlarged()).toMatch(/^MaxPooling2D 2×2, channel 1 of 64 \(13×13\)/);

    await page.getByTestId('clear-drawing').click();
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('true');
    expect(await page.getByTestId('prediction-bars').count()).toBe(0);
    await page.close();
  });

  it('reads an uploaded photo of dark ink on white paper, and explains a file that is not an image', async () => {
    const page = await openApp(browser());
    // A JPEG made in the page: a dark "7" on light grey paper, like seed 000's own a.jpg.
    const base64 = await page.evaluate(async () => {
      const c = new OffscreenCanvas(300, 400);
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#e8e8e8';
      ctx.fillRect(0, 0, 300, 400);
      ctx.strokeStyle = '#202020';
      ctx.lineWidth = 28;
      ctx.beginPath();
      ctx.moveTo(60, 80);
      ctx.lineTo(240, 80);
      ctx.lineTo(120, 340);
      ctx.stroke();
      const bytes = new Uint8Array(await (await c.convertToBlob({ type: 'image/jpeg' })).arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return btoa(s);
    });
    const upload = page.getByTestId('upload-image');
    await upload.setInputFiles({ name: 'seven.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') });
    await page.getByTestId('prediction-bars').waitFor({ timeout: 60_000 });
    const preview = await page.evaluate(() => {
      const c = document.querySelector('[data-testid=model-input-preview]') as HTMLCanvasElement;
      const d = c.getContext('2d')!.getImageData(0, 0, 28, 28).data;
      return { corner: d[0], ink: Math.max(...Array.from({ length: 784 }, (_, i) => d[i * 4])) };
    });
    expect(preview.corner).toBe(0); // the light paper became the dark background
    expect(preview.ink).toBeGreaterThan(200); // the dark ink became bright strokes

    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') });
    expect(await text(page, 'upload-error')).toMatch(/notes\.txt" is not a PNG, JPEG or WebP image/);
    await upload.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) });
    await page.waitForFunction(() => /corrupt/.test(document.querySelector('[data-testid=upload-error]')?.textContent ?? ''));
    // The earlier input is kept.
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('false');
    await page.close();
  });

  it('shows a test image with its true label beside the prediction', async () => {
    const page = await openApp(browser());
    await page.getByTestId('next-test-image').click();
    await page.getByTestId('true-label').waitFor({ timeout: 60_000 });
    expect(await text(page, 'true-label')).toBe('Test image #0: 7'); // MNIST's first test image is a 7
    await page.getByTestId('prediction-top').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('model-input-preview').getAttribute('data-empty')).toBe('false');
    await page.close();
  });
});
