import { message, type Message } from '../model/message';

/** What a confusion-matrix cell says about itself. */
export interface ConfusionCell {
  trueName: string;
  predName: string;
  /** Images of this true class predicted as this class. */
  count: number;
  /** Images of this true class (the row's sum). */
  rowTotal: number;
  /** The matrix lets this cell be clicked to list its images. */
  clickable: boolean;
}

/**
 * A cell's tooltip and accessible name, as a message to word: "12 images: true
 * 7, predicted 2 (1.2% of row) — click to see them" where a click lists them,
 * else "true 7, predicted 2: 12 (1.2% of row)". An empty cell is never clickable.
 */
export function confusionCellTitle({ trueName, predName, count, rowTotal, clickable }: ConfusionCell): Message {
  const share = ((rowTotal > 0 ? count / rowTotal : 0) * 100).toFixed(1);
  if (clickable && count > 0) return message('results:confusion.cellClickable', { count, trueName, predName, share });
  return message('results:confusion.cell', { n: count, trueName, predName, share });
}
