/** The explainer panel's element id: other panels scroll to it when they hand it a pixel. */
export const EXPLAIN_ANCHOR = 'explain';
