import { CompareRuns } from '../../panels/CompareRuns/CompareRuns';
import { ResultsPanel } from '../../panels/ResultsPanel/ResultsPanel';
import { RunsPanel } from '../../panels/RunsPanel/RunsPanel';

/** How it did and what is kept: the test set in detail, the saved runs, and runs compared. */
export function ResultsView() {
  return (
    <div className="view-grid view-grid-side">
      <div className="view-col">
        <ResultsPanel />
        <CompareRuns />
      </div>
      <div className="view-col">
        <RunsPanel />
      </div>
    </div>
  );
}
