import { ArchitecturePanel } from '../panels/ArchitecturePanel/ArchitecturePanel';
import { AugmentPanel } from '../panels/AugmentPanel/AugmentPanel';
import { CompareRuns } from '../panels/CompareRuns/CompareRuns';
import { CurvesPanel } from '../panels/CurvesPanel/CurvesPanel';
import { DrawingPanel } from '../panels/DrawingPanel/DrawingPanel';
import { DrawingsPanel } from '../panels/DrawingsPanel/DrawingsPanel';
import { ErrorBanner } from '../panels/ErrorBanner/ErrorBanner';
import { ExplainPanel } from '../panels/ExplainPanel/ExplainPanel';
import { FeatureMapsPanel } from '../panels/FeatureMapsPanel/FeatureMapsPanel';
import { FiltersPanel } from '../panels/FiltersPanel/FiltersPanel';
import { HistogramsPanel } from '../panels/HistogramsPanel/HistogramsPanel';
import { PredictionPanel } from '../panels/PredictionPanel/PredictionPanel';
import { ResultsPanel } from '../panels/ResultsPanel/ResultsPanel';
import { RunPanel } from '../panels/RunPanel/RunPanel';
import { RunsPanel } from '../panels/RunsPanel/RunsPanel';
import { SetupPanel } from '../panels/SetupPanel/SetupPanel';
import { BackendBadge } from './BackendBadge';
import './app.css';

/** The page layout: setup and controls on the left, what the network does on the right. */
export function App() {
  return (
    <div className="app">
      <header className="topbar">
        <h1>Convscope <small>watch a convolutional network learn</small></h1>
        <BackendBadge />
      </header>
      <ErrorBanner />
      <main className="layout">
        <aside className="side">
          <SetupPanel />
          <RunPanel />
          <RunsPanel />
        </aside>
        <div className="content">
          <ArchitecturePanel />
          <AugmentPanel />
          <CurvesPanel />
          <CompareRuns />
          <ResultsPanel />
          <div className="inspect-row">
            <DrawingPanel />
            <PredictionPanel />
          </div>
          <DrawingsPanel />
          <FeatureMapsPanel />
          <FiltersPanel />
          <HistogramsPanel />
          {/* Last: its views change height with every pick, which must not push the panels above around. */}
          <ExplainPanel />
        </div>
      </main>
    </div>
  );
}
