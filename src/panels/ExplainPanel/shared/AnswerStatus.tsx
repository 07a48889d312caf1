import type { JSX } from 'react';
import type { ExplainAnswer } from '../../../store/explain/explainState';
import { useAppStore } from '../../../store/useAppStore';

/**
 * Above a view: why it cannot show anything (said beside it), that its
 * answer is on the way, or which weights it was computed with.
 */
export function AnswerStatus(props: { answer: ExplainAnswer | undefined; error: string | undefined; waiting?: string }): JSX.Element | null {
  const { answer, error, waiting = 'Computing…' } = props;
  const current = useAppStore((s) => s.explain.requestId);
  if (error) {
    return (
      <p className="field-error xp-status" role="alert" data-testid="explain-error">
        {error}
      </p>
    );
  }
  let text: string;
  if (!answer) text = waiting;
  else if (answer.requestId !== current) text = 'Updating for your new choice…';
  else if (answer.trained) text = `Live weights: epoch ${answer.at.toFixed(2)}`;
  else text = 'Untrained weights (random, as initialised): train to see what the network learns';
  return (
    <p className="hint xp-status" aria-live="polite" data-testid={answer ? 'explain-weights' : undefined}>
      {text}
    </p>
  );
}
