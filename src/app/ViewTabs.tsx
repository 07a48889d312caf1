import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/useAppStore';
import { VIEW_IDS } from '../store/view/views';
import { VIEW_INFO } from './views/viewInfo';

/** The workspace's tabs: across the top on a desktop, a bar at the bottom of a phone's screen. */
export function ViewTabs() {
  const { t } = useTranslation('app');
  const view = useAppStore((s) => s.view);
  const showView = useAppStore((s) => s.showView);
  return (
    <nav className="view-tabs" role="tablist" aria-label={t('views.ariaLabel')}>
      {VIEW_IDS.map((id) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={`view-tab-${id}`}
          aria-selected={view === id}
          aria-controls={`view-${id}`}
          className={view === id ? 'view-tab active' : 'view-tab'}
          data-testid={`view-tab-${id}`}
          title={t(`views.${id}.title`)}
          onClick={() => {
            showView(id);
            // A view opens at its top (one tap on Train brings the pad on a phone).
            window.scrollTo({ top: 0 });
            document.getElementById(`view-${id}`)?.scrollTo({ top: 0 });
          }}
        >
          {VIEW_INFO[id].short ? (
            <>
              <span className="tab-long">{t(`views.${id}.label`)}</span>
              <span className="tab-short">{t(VIEW_INFO[id].short)}</span>
            </>
          ) : (
            t(`views.${id}.label`)
          )}
        </button>
      ))}
    </nav>
  );
}
