import type { DatasetId } from '../../data/datasets';
import type { ImageSet } from '../../engine/imageSet';
import type { WorkerEvent } from '../../protocol';
import { DatasetCache } from './datasetCache';
import { fetchDataset } from './fetchDataset';

/** Loads both parts of a dataset, reporting each file's progress. */
export type LoadDataset = (
  id: DatasetId,
  onProgress: (file: string, loadedBytes: number, totalBytes: number) => void,
) => Promise<{ train: ImageSet; test: ImageSet }>;

/**
 * Where the worker's datasets come from: the app's own origin, under the base
 * URL the page's `init` gives (or the loader given, in tests), each loaded
 * once, with download progress posted to the page.
 */
export class DatasetSource {
  private baseUrl = '';
  readonly cache: DatasetCache;

  constructor(post: (e: WorkerEvent) => void, load?: LoadDataset) {
    const from: LoadDataset = load ?? ((id, onProgress) => fetchDataset(this.baseUrl, id, onProgress));
    this.cache = new DatasetCache((id) => from(id, (file, loadedBytes, totalBytes) => post({ type: 'loadProgress', file, loadedBytes, totalBytes })));
  }

  /** The page's `init`: the absolute URL the app is served from. */
  setBaseUrl(url: string): void {
    this.baseUrl = url;
  }
}
