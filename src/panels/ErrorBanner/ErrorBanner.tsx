import { useTranslation } from 'react-i18next';
import { wordMessage, type Translate } from '../../i18n/i18n';
import { isMessage, type Message } from '../../model/message';
import { useAppStore } from '../../store/useAppStore';

/** An error as the store keeps it: a message the page words now, in its language (text from older code as it is). */
const worded = (e: Message | string | null | undefined, t: Translate): string => (isMessage(e) ? wordMessage(e, t) : (e ?? ''));

/** The one place errors are shown; the rest of the page keeps working. */
export function ErrorBanner() {
  const { t } = useTranslation('app');
  // A problem with a link or an imported file, and one from the worker, both shown.
  const runError = useAppStore((s) => s.run.error as Message | string | null);
  const setupError = useAppStore((s) => s.setupError as Message | string | null);
  const dismiss = useAppStore((s) => s.dismissError);
  const error = [worded(runError, t), worded(setupError, t)].filter(Boolean).join(' ');
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span data-testid="error-banner">{error}</span>
      <button onClick={dismiss} aria-label={t('dismissError')}>
        ×
      </button>
    </div>
  );
}
