import type { BackendChoice, BackendRate } from '../../model/backends';
import type { Message } from '../../model/message';
import type { WorkerEvent } from '../../protocol';

/** What the page knows about the worker's tfjs backends. */
export interface BackendState {
  /** The backend in use, null while the worker starts one; name 'none' when none could. `detail` and `reason` are messages the page words. */
  active: { name: string; detail: Message; slow: boolean; reason: Message; threads: number; availableCores: number } | null;
  /** The user's choice ('auto': the fastest measured), remembered in this browser. */
  choice: BackendChoice;
  /** Cores wasm may train on (0: every one), remembered in this browser. */
  cores: number;
  /** Every backend's measured training rate, for the network and batch size in `measuredAt`. */
  rates: BackendRate[];
  measuring: boolean;
  measuredAt: { multiplyAdds: number; batchSize: number } | null;
}

export const INITIAL_BACKEND_STATE: BackendState = { active: null, choice: 'auto', cores: 0, rates: [], measuring: false, measuredAt: null };

/** Applies the worker's backend events, in order. Pure, like applyEvents. */
export function applyBackendEvents(state: BackendState, events: readonly WorkerEvent[]): BackendState {
  let s = state;
  for (const e of events) {
    switch (e.type) {
      case 'backend':
        // The worker's choice in force: a choice it could not follow reverts here.
        s = {
          ...s,
          active: { name: e.name, detail: e.detail, slow: e.slow, reason: e.reason, threads: e.threads, availableCores: e.availableCores },
          choice: e.choice,
          cores: e.cores,
        };
        break;
      case 'backendRates':
        s = { ...s, rates: e.rates, measuring: e.measuring, measuredAt: { multiplyAdds: e.multiplyAdds, batchSize: e.batchSize } };
        break;
      case 'error':
        // No backend could start: say so where the backend is shown, not "starting…" forever.
        if (e.code === 'backend') s = { ...s, active: { name: 'none', detail: e.message, slow: true, reason: e.message, threads: 0, availableCores: 0 }, measuring: false };
        break;
    }
  }
  return s;
}
