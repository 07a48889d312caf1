import { useAppStore } from '../../store/useAppStore';

/** The one place errors are shown; the rest of the page keeps working. */
export function ErrorBanner() {
  // A problem with a link or an imported file, and one from the worker, both shown.
  const error = useAppStore((s) => [s.run.error, s.setupError].filter(Boolean).join(' '));
  const dismiss = useAppStore((s) => s.dismissError);
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <span data-testid="error-banner">{error}</span>
      <button onClick={dismiss} aria-label="Dismiss error">×</button>
    </div>
  );
}
