import { useTranslation } from 'react-i18next';
import { wordText } from '../../i18n/i18n';
import { useAppStore } from '../../store/useAppStore';

/** The one place errors are shown; the rest of the page keeps working. */
export function ErrorBanner() {
  const { t } = useTranslation('app');
  // A problem with a link or an imported file, and one from the worker, both shown.
  const runError = useAppStore((s) => s.run.error);
  const setupError = useAppStore((s) => s.setupError);
  const dismiss = useAppStore((s) => s.dismissError);
  const error = [wordText(runError, t), wordText(setupError, t)].filter(Boolean).join(' ');
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
