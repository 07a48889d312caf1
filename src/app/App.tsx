import { ErrorBanner } from '../panels/ErrorBanner/ErrorBanner';
import { UpdateReady } from '../panels/OfflineStatus/UpdateReady';
import { SetupStrip } from '../panels/Setup/SetupStrip';
import { useTranslation } from 'react-i18next';
import { BackendBadge } from './BackendBadge';
import { LanguageSelect } from './LanguageSelect';
import { ViewTabs } from './ViewTabs';
import { Workspace } from './Workspace';
import './app.css';
import './workspace.css';

/**
 * The page: the title, the views' tabs and the backend across the top, the
 * setup strip (network, data, Train) under them in every view, then the
 * workspace, which shows one view at a time.
 */
export function App() {
  const { t } = useTranslation('app');
  return (
    <div className="app">
      <header className="topbar">
        <h1>
          Convscope <small>{t('tagline')}</small>
        </h1>
        <ViewTabs />
        <BackendBadge />
        <LanguageSelect />
      </header>
      <ErrorBanner />
      <UpdateReady />
      <SetupStrip />
      <Workspace />
    </div>
  );
}
