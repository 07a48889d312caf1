import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';

/** What happened to the run that the page must say at once (a run opened or continued, a backend lost): above the curves. */
export function RunNotices() {
  const { notice, backendLosses } = useAppStore(useShallow((s) => ({ notice: s.run.notice, backendLosses: s.run.backendLosses })));
  if (!notice && backendLosses.length === 0) return null;
  return (
    <div className="run-notices" role="status">
      {notice && <p className="notice" data-testid="run-notice">{notice}</p>}
      {backendLosses.map((m, i) => <p key={i} className="notice" data-testid="backend-notice">{m}</p>)}
    </div>
  );
}
