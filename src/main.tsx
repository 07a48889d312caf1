import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { toSearch } from './model/archParam';
import { createBridge } from './store/bridge';
import { parseUrlConfig, setupToParams } from './store/urlConfig';
import { checkSetup, checkSpec, connectWorker, DEFAULT_SETUP, useAppStore } from './store/useAppStore';
import { createWorkerClient } from './store/workerClient';

const link = parseUrlConfig(location.search);
useAppStore.getState().applyUrl(link.patch, link.errors);
connectWorker(createWorkerClient(createBridge()));

// The address always describes the setup on screen, so copying it shares it.
let lastSearch = '';
useAppStore.subscribe((s, prev) => {
  // Most updates are run metrics: skip them before comparing specs.
  const keys = ['dataset', 'trainSize', 'form', 'spec', 'optimizer', 'nesterov', 'earlyStopping'] as const;
  if (keys.every((k) => s[k] === prev[k])) return;
  // Half-typed or impossible values stay out of the address: it keeps the last setup that would load.
  if (checkSpec(s.spec, s.dataset).info.error || Object.keys(checkSetup(s).errors).length > 0) return;
  const search = toSearch(setupToParams(s, DEFAULT_SETUP));
  if (search === lastSearch) return;
  lastSearch = search;
  history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
