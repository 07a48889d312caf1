import type { Shape } from './types';

/** Human-readable shape, e.g. "26×26×64". */
export function formatShape(shape: Shape): string {
  return shape.join('×');
}
