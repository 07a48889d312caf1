import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DatasetFormatError, decodeDataset, encodeDataset, isGzip } from './decodeDataset';

function sample(count = 5, rows = 3, cols = 2, numClasses = 4) {
  const labels = Uint8Array.from({ length: count }, (_, i) => i % numClasses);
  const pixels = Uint8Array.from({ length: count * rows * cols }, (_, i) => (i * 37) % 256);
  return { rows, cols, numClasses, labels, pixels };
}

function expectFormatError(bytes: Uint8Array, message: RegExp) {
  expect(() => decodeDataset(bytes)).toThrow(DatasetFormatError);
  expect(() => decodeDataset(bytes)).toThrow(message);
}

describe('encodeDataset / decodeDataset', () => {
  it('round-trips, with the documented header layout', () => {
    const d = sample();
    const bytes = encodeDataset(d);
    expect(bytes.length).toBe(12 + 5 + 5 * 6);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('CSDS');
    expect(Array.from(bytes.subarray(4, 8))).toEqual([1, 3, 2, 4]);
    expect(new DataView(bytes.buffer).getUint32(8, true)).toBe(5);

    const out = decodeDataset(bytes);
    expect(out).toMatchObject({ count: 5, rows: 3, cols: 2, numClasses: 4 });
    expect(Array.from(out.labels)).toEqual(Array.from(d.labels));
    expect(Array.from(out.pixels)).toEqual(Array.from(d.pixels));
  });

  it('returns views into the input, not copies, also at a non-zero byteOffset', () => {
    const file = encodeDataset(sample());
    const padded = new Uint8Array(file.length + 7);
    padded.set(file, 3);
    const bytes = padded.subarray(3, 3 + file.length);
    const out = decodeDataset(bytes);
    expect(out.count).toBe(5);
    expect(out.labels.buffer).toBe(padded.buffer);
    expect(out.pixels.buffer).toBe(padded.buffer);
    expect(out.pixels.byteOffset).toBe(3 + 12 + 5);
  });

  it('handles an empty dataset', () => {
    const out = decodeDataset(encodeDataset({ ...sample(0), count: 0 }));
    expect(out.count).toBe(0);
    expect(out.labels.length).toBe(0);
    expect(out.pixels.length).toBe(0);
  });

  it('rejects inconsistent input to the encoder', () => {
    const d = sample();
    expect(() => encodeDataset({ ...d, count: 4 })).toThrow(RangeError);
    expect(() => encodeDataset({ ...d, pixels: d.pixels.subarray(1) })).toThrow(/pixels/);
    expect(() => encodeDataset({ ...d, rows: 0 })).toThrow(/rows/);
    expect(() => encodeDataset({ ...d, numClasses: 256 })).toThrow(/numClasses/);
    expect(() => encodeDataset({ ...d, numClasses: 2 })).toThrow(/label 2 at index 2/);
  });
});

describe('decodeDataset errors', () => {
  it('bad magic: says it is not a Convscope file and recognises an HTML page', () => {
    const html = new TextEncoder().encode('<!doctype html><html><body>index</body></html>');
    expectFormatError(html, /Not a Convscope dataset file.*HTML page/);
  });

  it('bad magic: recognises still-gzipped and empty input', () => {
    expectFormatError(gzipSync(encodeDataset(sample())), /Not a Convscope dataset file.*gzip/);
    expectFormatError(new Uint8Array(0), /Not a Convscope dataset file.*empty/);
    expectFormatError(Uint8Array.of(0x43, 0x53), /Not a Convscope dataset file/);
  });

  it('unsupported version', () => {
    const bytes = encodeDataset(sample());
    bytes[4] = 2;
    expectFormatError(bytes, /Unsupported dataset file version 2/);
  });

  it('truncated header', () => {
    expectFormatError(encodeDataset(sample()).subarray(0, 10), /Truncated.*expected at least 12 header bytes, got 10/);
  });

  it('truncated payload: expected X bytes, got Y', () => {
    const bytes = encodeDataset(sample());
    expectFormatError(bytes.subarray(0, bytes.length - 1), new RegExp(`expected ${bytes.length} bytes .*got ${bytes.length - 1}`));
  });

  it('trailing bytes', () => {
    const bytes = encodeDataset(sample());
    const longer = new Uint8Array(bytes.length + 1);
    longer.set(bytes);
    expectFormatError(longer, /too long: expected \d+ bytes/);
  });

  it('zero dimensions', () => {
    const bytes = encodeDataset(sample());
    bytes[5] = 0;
    expectFormatError(bytes, /rows=0/);
  });

  it('label >= numClasses names the index', () => {
    const bytes = encodeDataset(sample());
    bytes[12 + 3] = 4;
    expectFormatError(bytes, /Invalid label 4 at index 3: numClasses is 4/);
  });
});

describe('isGzip', () => {
  it('detects the gzip magic', () => {
    expect(isGzip(gzipSync(Uint8Array.of(1, 2, 3)))).toBe(true);
    expect(isGzip(encodeDataset(sample()))).toBe(false);
    expect(isGzip(Uint8Array.of(0x1f))).toBe(false);
    expect(isGzip(new Uint8Array(0))).toBe(false);
  });
});

// The real files are produced by `npm install` (postinstall) or `npm run data`.
function realFile(name: string): string {
  return fileURLToPath(new URL(`../../public/data/${name}`, import.meta.url));
}
const mnistTest = realFile('mnist-test.bin.gz');
const fashionTest = realFile('fashion-mnist-test.bin.gz');

function histogram(labels: Uint8Array, numClasses: number): number[] {
  const h = new Array<number>(numClasses).fill(0);
  for (const l of labels) h[l]++;
  return h;
}

describe('real data files', () => {
  it.skipIf(!existsSync(mnistTest))('decodes public/data/mnist-test.bin.gz', () => {
    const bytes = new Uint8Array(readFileSync(mnistTest));
    expect(isGzip(bytes)).toBe(true);
    const d = decodeDataset(new Uint8Array(gunzipSync(bytes)));
    expect(d).toMatchObject({ count: 10000, rows: 28, cols: 28, numClasses: 10 });
    expect(d.pixels.length).toBe(10000 * 28 * 28);
    const h = histogram(d.labels, 10);
    expect(h.reduce((s, c) => s + c, 0)).toBe(10000);
    // The official MNIST test set, in its original order.
    expect(h).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(Array.from(d.labels.subarray(0, 10))).toEqual([7, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
    // 0 = background: the corner pixels of the first image are blank, and some pixel is full ink.
    expect(d.pixels[0]).toBe(0);
    expect(Math.max(...d.pixels.subarray(0, 784))).toBe(255);
  });

  it.skipIf(!existsSync(fashionTest))('decodes public/data/fashion-mnist-test.bin.gz (1,000 per class, not class-ordered)', () => {
    const d = decodeDataset(new Uint8Array(gunzipSync(readFileSync(fashionTest))));
    expect(d).toMatchObject({ count: 10000, rows: 28, cols: 28, numClasses: 10 });
    expect(histogram(d.labels, 10)).toEqual(new Array(10).fill(1000));
    expect(new Set(d.labels.subarray(0, 50)).size).toBeGreaterThan(5);
  });
});
