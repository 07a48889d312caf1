import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { wordMessage } from '../../../i18n/i18n';
import type { Message } from '../../../model/message';
import type { ExplainAnswer } from '../../../store/explain/explainState';
import { useAppStore } from '../../../store/useAppStore';

/**
 * Above a view: why it cannot show anything (said beside it), that its
 * answer is on the way, or which weights it was computed with. `waiting` is
 * already worded (default: "Computing…").
 */
export function AnswerStatus(props: { answer: ExplainAnswer | undefined; error: Message | undefined; waiting?: string }): JSX.Element | null {
  const { t } = useTranslation('explain');
  const { answer, error, waiting = t('status.computing') } = props;
  const current = useAppStore((s) => s.explain.requestId);
  if (error) {
    return (
      <p className="field-error xp-status" role="alert" data-testid="explain-error">
        {wordMessage(error, t)}
      </p>
    );
  }
  let text: string;
  if (!answer) text = waiting;
  else if (answer.requestId !== current) text = t('status.updating');
  else if (answer.trained) text = t('status.live', { epoch: answer.at.toFixed(2) });
  else text = t('status.untrained');
  return (
    <p className="hint xp-status" aria-live="polite" data-testid={answer ? 'explain-weights' : undefined}>
      {text}
    </p>
  );
}
