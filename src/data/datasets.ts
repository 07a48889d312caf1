/** The datasets Convscope can train on, and where their converted files live. */

/** 'own': classes the user names and draws (src/drawings/), kept in the browser rather than converted at install. */
export type DatasetId = 'mnist' | 'fashion-mnist' | 'own';
export type DatasetPart = 'train' | 'test';

/** How many images to draw (stratified) from the training part; 'all' takes every one. */
export type TrainSize = number | 'all';

export interface DatasetInfo {
  id: DatasetId;
  label: string;
  /** Class names, indexed by label ('own': none here, they are the user's). */
  classNames: readonly string[];
  /** Image height, width and channels as stored (uint8, 0 = background). */
  rows: number;
  cols: number;
  /** Images in the converted train and test parts (scripts/prepareData.mjs). */
  trainCount: number;
  testCount: number;
  /** One line for the UI: where the data comes from. */
  source: string;
}

export const DATASETS: Readonly<Record<DatasetId, DatasetInfo>> = {
  mnist: {
    id: 'mnist',
    label: 'MNIST digits',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    rows: 28,
    cols: 28,
    trainCount: 60_000,
    testCount: 10_000,
    source: 'MNIST (LeCun, Cortes, Burges): official 60,000 / 10,000 split',
  },
  'fashion-mnist': {
    id: 'fashion-mnist',
    label: 'Fashion-MNIST clothing',
    classNames: [
      'T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
      'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot',
    ],
    rows: 28,
    cols: 28,
    trainCount: 60_000,
    testCount: 10_000,
    source: 'Fashion-MNIST (Zalando Research): 70,000 images, 1,000 per class held out as test set',
  },
  own: {
    id: 'own',
    label: 'Your classes',
    classNames: [],
    rows: 28,
    cols: 28,
    trainCount: 0,
    testCount: 0,
    source: 'Your own drawings and photos, kept in this browser: no test set, the validation split is the held-out measure',
  },
};

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];

/** Path of a converted file, relative to the app's base URL (served from public/data/). */
export function datasetFileName(id: DatasetId, part: DatasetPart): string {
  return `data/${id}-${part}.bin.gz`;
}


/** How many images the training-set size choice `size` takes from a training part of `available` images. */
export function imagesFor(size: TrainSize, available: number): number {
  return size === 'all' ? available : Math.min(size, available);
}

/**
 * What a network must fit to train on dataset `id`: its image shape (height,
 * width, channels) and its number of classes. The page and the worker both
 * check a network against this.
 */
export function datasetShape(id: DatasetId, ownClasses: readonly string[] = []): { label: { key: string }; inputShape: readonly [number, number, number]; numClasses: number } {
  const d = DATASETS[id];
  // The name as a message (model/message.ts), worded by the page in its language.
  return { label: { key: `data:${DATASET_KEYS[id]}.label` }, inputShape: [d.rows, d.cols, 1], numClasses: classNamesOf(id, ownClasses).length };
}

/** Each dataset's key in the message catalogues (src/i18n/locales/<lang>/data.json): `fashion-mnist` is not a key i18next can nest under. */
export const DATASET_KEYS = { mnist: 'mnist', 'fashion-mnist': 'fashionMnist', own: 'own' } as const satisfies Record<DatasetId, string>;

/** Class names of dataset `id`; for 'own', the user's (`ownClasses`). */
export function classNamesOf(id: DatasetId, ownClasses: readonly string[] = []): readonly string[] {
  return id === 'own' ? ownClasses : DATASETS[id].classNames;
}

/** Whether dataset `id` has a test set to evaluate on (the user's own classes do not). */
export function hasTestSet(id: DatasetId): boolean {
  return DATASETS[id].testCount > 0;
}
