/**
 * The workspace's views, in the order of their tabs: what a learner does
 * first (watch it learn) to what they come back to (their own data).
 */
export const VIEW_IDS = ['train', 'design', 'inspect', 'results', 'data'] as const;

export type ViewId = (typeof VIEW_IDS)[number];

/** The view a fresh page (and a link without `view=`) opens. */
export const DEFAULT_VIEW: ViewId = 'train';

export const isViewId = (v: unknown): v is ViewId => (VIEW_IDS as readonly unknown[]).includes(v);
