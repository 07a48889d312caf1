import type { ViewId } from '../../store/view/views';

/**
 * Each view's tab: its name and what it is for are in the catalogue
 * (app:views.<id>.label, .title). The grouping follows what a learner does:
 * watch it learn (the live loop on one screen), change the network, look
 * inside it, read how it did, and bring their own data. `short`: the tab has
 * a shorter name (its key) for a phone's bottom bar.
 */
export const VIEW_INFO: Record<ViewId, { short?: 'views.data.short' }> = {
  train: {},
  design: {},
  inspect: {},
  results: {},
  data: { short: 'views.data.short' },
};
