import type { ImageSet } from '../../engine/imageSet';
import type { PackedImages } from '../../protocol/drawings';
import { SessionError } from '../sessionError';
import { message, type Message } from '../../model/message';

const ROWS = 28;
const COLS = 28;

/**
 * The user's drawings, as the page packed them, as an image set the engine
 * trains on. They come from the page, so they are checked like any request:
 * a mismatch is refused with what is wrong, never trained on.
 * @throws SessionError 'invalid-request' when the sizes disagree or a label is not below `numClasses`
 */
export function packedImageSet(images: PackedImages, numClasses: number, what: Message): ImageSet {
  const { pixels, labels, count } = images;
  if (!(pixels instanceof Uint8Array) || !(labels instanceof Uint8Array) || !Number.isInteger(count) || count < 0) {
    throw new SessionError('invalid-request', message('errors:drawings.notImages', { what }));
  }
  if (pixels.length !== count * ROWS * COLS || labels.length !== count) {
    throw new SessionError('invalid-request', message('errors:drawings.wrongSize', { what, drawings: count, bytes: count * ROWS * COLS, gotBytes: pixels.length, gotLabels: labels.length }));
  }
  const bad = labels.findIndex((l) => l >= numClasses);
  if (bad >= 0) throw new SessionError('invalid-request', message('errors:drawings.badClass', { what, drawing: bad + 1, label: labels[bad], classes: numClasses }));
  return { pixels, labels, count, rows: ROWS, cols: COLS, numClasses };
}

/** An image set with no images (the user's classes have no test set). */
export function emptyImageSet(numClasses: number): ImageSet {
  return { pixels: new Uint8Array(0), labels: new Uint8Array(0), count: 0, rows: ROWS, cols: COLS, numClasses };
}
