import type { StoreApi } from 'zustand';
import { withOutputUnits } from '../../model/withOutputUnits';
import type { AppState } from '../appState';
import { isActive } from '../selectors';

/**
 * On your classes, the network's output has one unit per class, whatever
 * changed last: a class added or removed, a run that ended (edits wait for
 * it), an Undo or a saved setup brought back. Subscribed once per store;
 * returns the unsubscribe.
 */
export function followOwnClasses(store: StoreApi<AppState>): () => void {
  const sync = (s: AppState) => {
    if (s.dataset !== 'own' || isActive(s.run)) return;
    const spec = withOutputUnits(s.spec, s.drawings.classes.classNames.length);
    if (spec !== s.spec) store.setState({ spec, presetId: null });
  };
  sync(store.getState());
  return store.subscribe(sync);
}
