import type { JSX } from 'react';
import type { ExplainAnswer } from '../../store/explainState';

/**
 * Above a view: why it cannot show anything (said beside it), that its
 * answer is on the way, or which weights it was computed with.
 */
export function AnswerStatus(props: { answer: ExplainAnswer | undefined; error: string | undefined; waiting?: string }): JSX.Element | null {
  const { answer, error, waiting = 'Computing…' } = props;
  if (error) {
    return (
      <p className="field-error xp-status" role="alert" data-testid="explain-error">
        {error}
      </p>
    );
  }
  if (!answer) return <p className="hint xp-status">{waiting}</p>;
  return (
    <p className="hint xp-status" data-testid="explain-weights">
      {answer.trained ? `Live weights: epoch ${answer.at.toFixed(2)}` : 'Untrained weights (random, as initialised): train to see what the network learns'}
    </p>
  );
}
