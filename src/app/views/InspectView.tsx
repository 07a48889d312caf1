import { ExplainPanel } from '../../panels/ExplainPanel/ExplainPanel';
import { FiltersPanel } from '../../panels/FiltersPanel/FiltersPanel';
import { HistogramsPanel } from '../../panels/HistogramsPanel/HistogramsPanel';

/** Look inside the network: how each number is computed on your input, the filters, the weight distributions. */
export function InspectView() {
  return (
    <div className="view-grid">
      <div className="view-col">
        {/* First: it works on the input and the pixel picked in the Train view's feature maps. */}
        <ExplainPanel />
        <FiltersPanel />
        <HistogramsPanel />
      </div>
    </div>
  );
}
