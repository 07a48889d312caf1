import { ArchitecturePanel } from '../../panels/ArchitecturePanel/ArchitecturePanel';
import { AugmentPanel } from '../../panels/AugmentPanel/AugmentPanel';
import { TrainingSettings } from '../../panels/Setup/TrainingSettings';

/** Change the network and how it trains: the layer editor with its Keras summary and code, the training settings, augmentation. */
export function DesignView() {
  return (
    <div className="view-grid view-grid-side">
      <div className="view-col">
        <ArchitecturePanel />
        <AugmentPanel />
      </div>
      <div className="view-col">
        <TrainingSettings />
      </div>
    </div>
  );
}
