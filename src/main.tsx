import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { currentLanguage, i18n } from './i18n/i18n';
import { langInAddress, withLang, withoutLang } from './i18n/languageInAddress';
import { startPageLanguage } from './i18n/pageLanguage';
import { defaultRunName } from './i18n/defaultRunName';
import { setPageWords } from './store/pageWords';
import { registerServiceWorker } from './panels/OfflineStatus/serviceWorker';
import { syncAddressBar } from './store/address/addressBar';
import { createBridge } from './store/channel/bridge';
import { parseUrlConfig } from './store/address/urlConfig';
import { downloadModelFiles } from './store/runs/downloadModelFiles';
import { connectWorker, reconnectWorker, useAppStore } from './store/useAppStore';
import { createWorkerClient } from './store/channel/workerClient';

startPageLanguage();
// New saved runs and classes are named in the page's language.
setPageWords({ runName: defaultRunName, className: (n) => i18n.t('drawings:classes.defaultName', { n }) });
// The offline copy (built page only), before the worker starts its first downloads.
registerServiceWorker();
const link = parseUrlConfig(location.search);
useAppStore.getState().applyUrl(link.patch, link.errors);
// The address's `lang=` is the page's, not the setup's: kept through every rewrite of the setup.
const at = (search: string) => `${location.pathname}${withLang(search, langInAddress(location.search) === null ? null : currentLanguage())}${location.hash}`;
syncAddressBar(useAppStore, {
  search: () => withoutLang(location.search),
  replace: (search) => history.replaceState(history.state, '', at(search)),
  push: (search) => history.pushState(null, '', at(search)),
  onPop: (listener) => {
    window.addEventListener('popstate', listener);
    return () => window.removeEventListener('popstate', listener);
  },
});
const params = new URLSearchParams(location.search);
const debug = params.has('debug');
const bridge = createBridge(useAppStore);
const worker = createWorkerClient(
  (e) => {
    if (e.type === 'modelFiles') downloadModelFiles(e);
    else bridge(e);
  },
  {
    // The choice goes with the first message: the first backend started is the chosen one.
    backendChoice: () => useAppStore.getState().backend.choice,
    cores: () => useAppStore.getState().backend.cores,
    // `?debug&heartbeat=ms`: a test notices a crashed worker sooner.
    heartbeatMs: debug && Number(params.get('heartbeat')) >= 100 ? Number(params.get('heartbeat')) : undefined,
    onRestart: reconnectWorker,
  },
);
connectWorker(worker);
// `?debug`: fault injection from the console or a test, e.g. convscope.injectFault('loseWebglContext'), 'crashWorker' or 'crashHelper'.
if (debug) {
  Object.assign(window, {
    convscope: { injectFault: (fault: 'loseWebglContext' | 'crashWorker' | 'crashHelper') => worker.send({ type: 'injectFault', fault }), store: useAppStore },
  });
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
