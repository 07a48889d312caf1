// Part 9 of npm run bench: how long a Keras file takes to open, and what h5wasm adds.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SMALL = 'tests/fixtures/keras/keras3_lenet.h5';

/**
 * Seed 002's network (243,786 parameters) as tf.keras 2 saves it, written by
 * tests/fixtures/keras/make_fixtures.py --large (Debian's python3-h5py); null without it.
 */
function largeKerasFile(python) {
  const dir = mkdtempSync(join(tmpdir(), 'convscope-bench-keras-'));
  try {
    const script = 'import sys; sys.path.insert(0, "tests/fixtures/keras"); import make_fixtures; make_fixtures.write_large(sys.argv[1])';
    execFileSync(python, ['-c', script, dir], { stdio: 'ignore' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return { file: join(dir, 'default_250k.h5'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Opens the 250k-parameter .h5 with Open model file, from choosing it to the
 * page's "Opened" notice: first in a fresh page once its backend measurement
 * is over (h5wasm loads then, on demand), then three more times, each after
 * another file. Also the bytes fetched at page load and on the first open.
 */
export async function modelFileOpen({ open, python = '/usr/bin/python3' }) {
  if (!existsSync(python)) return null;
  const large = largeKerasFile(python);
  if (!large) return null;
  const page = await open('', 'auto');
  const fetched = [];
  page.on('response', (r) => void r.body().then((b) => fetched.push({ url: r.url(), bytes: b.length, at: Date.now() })).catch(() => {}));
  try {
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid=backend-rates]');
      return !!el && el.querySelectorAll('[data-backend]').length > 0 && !el.textContent?.includes('measuring');
    }, null, { timeout: 300_000 });
    const loadedAtStart = fetched.filter((f) => /hdf5/.test(f.url)).length;
    const openOnce = async (file, prefix) => {
      await page.getByTestId('view-tab-results').click();
      const t0 = Date.now();
      await page.getByTestId('upload-model').setInputFiles(file);
      await page.getByTestId('view-tab-train').click();
      await page.waitForFunction((p) => (document.querySelector('[data-testid=run-notice]')?.textContent ?? '').startsWith(p), prefix, { timeout: 120_000, polling: 10 });
      return Date.now() - t0;
    };
    const before = Date.now();
    const firstMs = await openOnce(large.file, 'Opened default_250k');
    const onFirstOpen = fetched.filter((f) => f.at >= before && /assets\//.test(f.url));
    const laterMs = [];
    for (let i = 0; i < 3; i++) {
      await openOnce(SMALL, 'Opened keras3_lenet');
      laterMs.push(await openOnce(large.file, 'Opened default_250k'));
    }
    const hdf5 = onFirstOpen.find((f) => /hdf5_hl/.test(f.url));
    return {
      file: 'default_250k.h5 (243,786 parameters)',
      firstOpenMs: firstMs,
      laterOpensMs: laterMs,
      h5wasmChunkBytes: hdf5?.bytes ?? null,
      h5wasmFetchedAtPageLoad: loadedAtStart > 0,
      fetchedOnFirstOpen: onFirstOpen.map((f) => `${f.url.replace(/.*\/assets\//, '')} ${f.bytes}`),
    };
  } finally {
    await page.close();
    large.cleanup();
  }
}
