import { Activity, type ComponentType } from 'react';
import { useAppStore } from '../store/useAppStore';
import { VIEW_IDS, type ViewId } from '../store/view/views';
import { DataView } from './views/DataView';
import { DesignView } from './views/DesignView';
import { InspectView } from './views/InspectView';
import { ResultsView } from './views/ResultsView';
import { TrainView } from './views/TrainView';

const VIEWS: Record<ViewId, ComponentType> = { train: TrainView, design: DesignView, inspect: InspectView, results: ResultsView, data: DataView };

/**
 * Every view, the one chosen shown. The others stay mounted in a hidden
 * Activity: what was typed or picked in them is kept, their updates wait
 * until they are shown, and their effects are unmounted, so their panels
 * report themselves off screen and the worker computes nothing for them.
 */
export function Workspace() {
  const view = useAppStore((s) => s.view);
  return (
    <main className="workspace">
      {VIEW_IDS.map((id) => {
        const View = VIEWS[id];
        return (
          <Activity key={id} mode={view === id ? 'visible' : 'hidden'}>
            <section className={`view view-${id}`} id={`view-${id}`} data-view={id} role="tabpanel" aria-labelledby={`view-tab-${id}`}>
              <View />
            </section>
          </Activity>
        );
      })}
    </main>
  );
}
