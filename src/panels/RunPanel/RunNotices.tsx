import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../../i18n/i18n';
import { useAppStore } from '../../store/useAppStore';

/** What happened to the run that the page must say at once (a run opened or continued, a backend lost): above the curves. */
export function RunNotices() {
  const { t } = useTranslation('errors');
  const { notice, backendLosses } = useAppStore(useShallow((s) => ({ notice: s.run.notice, backendLosses: s.run.backendLosses })));
  if (!notice && backendLosses.length === 0) return null;
  return (
    <div className="run-notices" role="status">
      {notice && <p className="notice" data-testid="run-notice">{wordMessage(notice, t)}</p>}
      {backendLosses.map((m, i) => <p key={i} className="notice" data-testid="backend-notice">{wordMessage(m, t)}</p>)}
    </div>
  );
}
