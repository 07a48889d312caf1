/** A view that cannot be answered as asked (a layer that is gone, a pixel outside the map): said beside the view, not in the error banner. */
export class ExplainError extends Error {}
