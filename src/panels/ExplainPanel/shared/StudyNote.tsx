import type { JSX } from 'react';

/** What the values of a network too big to build here are. */
export function StudyNote({ layer }: { layer: number }): JSX.Element {
  return (
    <p className="study-note" data-testid="explain-study-note">
      Study only: this network is too big to build in this browser, so this layer is worked out alone, with random weights, on{' '}
      {layer === 0 ? 'your input scaled to its size' : 'random input values (its real input would need every layer before it)'}. The sizes and the arithmetic are real; the numbers learned nothing.
    </p>
  );
}
