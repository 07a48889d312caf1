import { cacheKind, type CacheKind } from '../../offline/offlineCaches';
import { formatNumber } from '../../i18n/formatLocale';

/** Bytes the offline copy holds: the app (shell and h5wasm) and the datasets. */
export type CacheTotals = Record<CacheKind, number>;

type Caches = Pick<CacheStorage, 'keys' | 'open'>;

/** The size of one cached response: its Content-Length, or its body's size when it has none. */
async function responseBytes(r: Response): Promise<number> {
  const length = Number(r.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length : (await r.blob()).size;
}

/** Adds up the responses in our caches (cacheKind), leaving out anyone else's. */
export async function measureCaches(storage: Caches): Promise<CacheTotals> {
  const totals: CacheTotals = { app: 0, datasets: 0 };
  for (const name of await storage.keys()) {
    const kind = cacheKind(name);
    if (!kind) continue;
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      const r = await cache.match(request);
      if (r) totals[kind] += await responseBytes(r);
    }
  }
  return totals;
}

/** "5.2 MB", in the page's language; "0.4 MB" rather than kB, so that the two sizes read alike. */
export const formatMegabytes = (bytes: number): string => `${formatNumber(bytes / 1e6, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MB`;

/** The sizes to show, or null when there is no offline copy at all. */
export const cacheLine = (t: CacheTotals): { app: string; datasets: string } | null =>
  t.app + t.datasets > 0 ? { app: formatMegabytes(t.app), datasets: formatMegabytes(t.datasets) } : null;
