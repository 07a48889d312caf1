import type { Message } from '../message';

/**
 * A problem found while reading a Keras model topology. The readers in
 * model/keras/ throw it so each check can stop at the first problem;
 * topologyToSpec turns it into `{ error }` at its boundary.
 */
export class TopologyError extends Error {
  constructor(readonly detail: Message) {
    super(detail.key);
  }
}

/** Stops reading with `detail`, which topologyToSpec returns as its error. */
export function fail(detail: Message): never {
  throw new TopologyError(detail);
}

/** A value from the file as its author would recognise it: JSON, shortened. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = (JSON.stringify(value) ?? String(value)).replaceAll(',', ', ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A JSON object (not null, not a list). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
