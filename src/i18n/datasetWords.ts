import { DATASET_KEYS as KEY, type DatasetId } from '../data/datasets';
import { i18n, wordKey, type Translate } from './i18n';


/** A dataset's name in the page's language ("MNIST 손글씨 숫자"). */
export const datasetLabel = (id: DatasetId, t: Translate = i18n.t): string => wordKey(`data:${KEY[id]}.label`, undefined, t);

/** Where a dataset comes from, in one line. */
export const datasetSource = (id: DatasetId, t: Translate = i18n.t): string => wordKey(`data:${KEY[id]}.source`, undefined, t);

/**
 * Class `index`'s name in the page's language: Fashion-MNIST's from the
 * catalogue, MNIST's digits as they are, the user's own classes as the user
 * named them (`names`, as the store or a saved run holds them).
 */
export function className(id: DatasetId, index: number, names: readonly string[], t: Translate = i18n.t): string {
  if (id === 'fashion-mnist' && index >= 0 && index < 10) return wordKey(`data:fashionMnist.classes.${index}`, undefined, t);
  return names[index] ?? String(index);
}

/** Every class name of a dataset, in the page's language. */
export const classNamesIn = (id: DatasetId, names: readonly string[], t: Translate = i18n.t): string[] => names.map((_, i) => className(id, i, names, t));
