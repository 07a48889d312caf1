import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createBridge } from './store/bridge';
import { parseUrlConfig } from './store/urlConfig';
import { applyUrlConfig, connectWorker } from './store/useAppStore';
import { createWorkerClient } from './worker/client';

applyUrlConfig(parseUrlConfig(location.search));
connectWorker(createWorkerClient(createBridge()));

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
