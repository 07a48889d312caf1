import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { syncAddressBar } from './store/addressBar';
import { createBridge } from './store/bridge';
import { parseUrlConfig } from './store/urlConfig';
import { connectWorker, useAppStore } from './store/useAppStore';
import { createWorkerClient } from './store/workerClient';

const link = parseUrlConfig(location.search);
useAppStore.getState().applyUrl(link.patch, link.errors);
syncAddressBar(useAppStore, (search) => history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`));
// `?threads=N`: the wasm backend's thread count (default 1, the faster here: README, "Performance").
const threads = Number(new URLSearchParams(location.search).get('threads') ?? 1);
const worker = createWorkerClient(createBridge(useAppStore), {
  wasmThreads: Number.isInteger(threads) && threads >= 1 ? Math.min(threads, 8) : 1,
  // The remembered choice goes with the first message: the first backend started is the chosen one.
  backendChoice: useAppStore.getState().backend.choice,
});
connectWorker(worker);
// `?debug`: fault injection from the console or a test, e.g. convscope.injectFault('loseWebglContext').
if (new URLSearchParams(location.search).has('debug')) {
  Object.assign(window, { convscope: { injectFault: (fault: 'loseWebglContext') => worker.send({ type: 'injectFault', fault }) } });
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
