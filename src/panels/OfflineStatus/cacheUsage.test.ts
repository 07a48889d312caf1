import { describe, expect, it } from 'vitest';
import { cacheLine, formatMegabytes, measureCaches } from './cacheUsage';

/** A CacheStorage of named caches, each URL → body and headers. */
function fakeCaches(content: Record<string, Record<string, { body: string; headers?: Record<string, string> }>>) {
  return {
    keys: async () => Object.keys(content),
    open: async (name: string) =>
      ({
        keys: async () => Object.keys(content[name]).map((u) => new Request(u)),
        match: async (r: Request) => {
          const e = content[name][r.url];
          return e && new Response(e.body, { headers: e.headers });
        },
      }) as unknown as Cache,
  };
}

describe('the offline copy storage line', () => {
  it("adds up our caches by kind, by Content-Length or the body's size, and leaves others out", async () => {
    const totals = await measureCaches(
      fakeCaches({
        'workbox-precache-v2-http://x/': {
          'http://x/index.html': { body: 'x'.repeat(500) },
          'http://x/assets/a.js': { body: 'y', headers: { 'content-length': '2000000' } },
        },
        'convscope-h5wasm': { 'http://x/assets/hdf5_hl-1.js': { body: '', headers: { 'content-length': '4800000' } } },
        'convscope-datasets': { 'http://x/data/mnist-train.bin.gz': { body: '', headers: { 'content-length': '9830203' } } },
        'someone-else': { 'http://x/other': { body: '', headers: { 'content-length': '999999999' } } },
      }),
    );
    expect(totals).toEqual({ app: 6_800_500, datasets: 9_830_203 });
  });

  it('shows megabytes with one decimal, and nothing without a copy', () => {
    expect(formatMegabytes(5_230_000)).toBe('5.2 MB');
    expect(formatMegabytes(400_000)).toBe('0.4 MB');
    expect(cacheLine({ app: 5_230_000, datasets: 0 })).toEqual({ app: '5.2 MB', datasets: '0.0 MB' });
    expect(cacheLine({ app: 0, datasets: 0 })).toBeNull();
  });
});
