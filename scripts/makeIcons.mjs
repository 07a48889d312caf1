#!/usr/bin/env node
// node scripts/makeIcons.mjs: draws Convscope's icons into public/ (committed: they are
// small source assets). The mark: a 3×3 kernel grid in the accent blue (#2563eb) over a
// pen stroke, the centre cell where the kernel reads it. The SVG is written as it is; the
// PNGs are the same SVG rendered by headless Chromium (playwright-core).
//   CHROMIUM_PATH=/path/to/chrome   (default /usr/bin/chromium)
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const BLUE = '#2563eb';

/**
 * The mark on a 64-unit canvas. `safe`: the fraction of the canvas the mark keeps to
 * (a maskable icon's content must stay inside the central 80% circle); `round`: the
 * corner radius of the blue tile (0 for a full-bleed maskable background).
 */
function svg({ safe = 1, round = 14 } = {}) {
  const s = safe;
  const o = (64 - 64 * s) / 2;
  const at = (v) => +(o + v * s).toFixed(2);
  // The kernel: 3×3 cells of 10 units with 3-unit gaps, centred.
  const cells = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      const x = 14.5 + c * 12;
      const y = 14.5 + r * 12;
      const centre = r === 1 && c === 1;
      cells.push(
        `<rect x="${at(x)}" y="${at(y)}" width="${+(11 * s).toFixed(2)}" height="${+(11 * s).toFixed(2)}" rx="${+(2 * s).toFixed(2)}" fill="#fff" fill-opacity="${centre ? 0.95 : 0.28}"/>`,
      );
    }
  }
  // A pen stroke (a "7"-like swash) crossing the grid, drawn over the cells.
  const stroke = `<path d="M${at(12)} ${at(22)} C ${at(26)} ${at(17)}, ${at(40)} ${at(15)}, ${at(50)} ${at(17)} C ${at(42)} ${at(28)}, ${at(34)} ${at(40)}, ${at(27)} ${at(52)}" fill="none" stroke="#0b1f5c" stroke-width="${+(4.2 * s).toFixed(2)}" stroke-linecap="round" stroke-linejoin="round"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="${round}" fill="${BLUE}"/>${cells.join('')}${stroke}</svg>\n`;
}

const icons = [
  { file: 'favicon.svg', svg: svg() },
  { file: 'favicon-32.png', svg: svg(), size: 32 },
  { file: 'apple-touch-icon.png', svg: svg({ round: 0 }), size: 180 },
  { file: 'icon-192.png', svg: svg(), size: 192 },
  { file: 'icon-512.png', svg: svg(), size: 512 },
  { file: 'icon-maskable-512.png', svg: svg({ safe: 0.72, round: 0 }), size: 512 },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of icons) {
    if (!icon.size) {
      writeFileSync(`public/${icon.file}`, icon.svg);
      continue;
    }
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)}</body></html>`);
    writeFileSync(`public/${icon.file}`, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } }));
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`wrote ${icons.map((i) => `public/${i.file}`).join(', ')}`);
