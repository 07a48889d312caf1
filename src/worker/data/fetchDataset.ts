import type { DatasetId } from '../../data/datasets';
import type { ImageSet } from '../../engine/imageSet';
import { fetchDatasetPart } from './fetchDatasetPart';

/**
 * Downloads both parts of dataset `id` from the app at `baseUrl`, in parallel,
 * reporting each file's compressed bytes under its own name (e.g. `mnist-train`).
 */
export async function fetchDataset(
  baseUrl: string,
  id: DatasetId,
  onProgress: (file: string, loadedBytes: number, totalBytes: number) => void,
): Promise<{ train: ImageSet; test: ImageSet }> {
  const progress = (file: string) => (loadedBytes: number, totalBytes: number) => onProgress(file, loadedBytes, totalBytes);
  const [train, test] = await Promise.all([
    fetchDatasetPart(baseUrl, id, 'train', progress(`${id}-train`)),
    fetchDatasetPart(baseUrl, id, 'test', progress(`${id}-test`)),
  ]);
  return { train, test };
}
