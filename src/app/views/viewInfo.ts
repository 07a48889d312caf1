import type { ViewId } from '../../store/view/views';

/**
 * Each view's tab: its name and what it is for. The grouping follows what a
 * learner does: watch it learn (the live loop on one screen), change the
 * network, look inside it, read how it did, and bring their own data.
 */
export const VIEW_INFO: Record<ViewId, { label: string; short?: string; title: string }> = {
  train: { label: 'Train', title: 'Watch it learn: curves, your drawing, its prediction and every layer’s feature maps' },
  design: { label: 'Design', title: 'The network layer by layer, its Keras summary and code, training settings and augmentation' },
  inspect: { label: 'Inspect', title: 'Filters, weight histograms and how each number is computed' },
  results: { label: 'Results', title: 'The test set in detail, and every saved run' },
  data: { label: 'Your data', short: 'Data', title: 'Your handwriting and your own classes' },
};
