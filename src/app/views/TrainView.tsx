import { CurvesPanel } from '../../panels/CurvesPanel/CurvesPanel';
import { DrawingPanel } from '../../panels/DrawingPanel/DrawingPanel';
import { FeatureMapsPanel } from '../../panels/FeatureMapsPanel/FeatureMapsPanel';
import { FirstSteps } from '../../panels/FirstSteps/FirstSteps';
import { MetricsPanel } from '../../panels/MetricsPanel/MetricsPanel';
import { PredictionPanel } from '../../panels/PredictionPanel/PredictionPanel';
import { RunPanel } from '../../panels/RunPanel/RunPanel';
import { useElementSize } from '../../charts/useElementSize';

/** Room each chart of the pair needs besides its plot: title, legend, x axis, card padding. */
const CHART_CHROME_PX = 190;

/**
 * The live loop on one screen: the curves and the run on the left, the pad
 * and its prediction in the middle, every layer's feature maps of that input
 * on the right, so that drawing while it trains shows all three move
 * together. The charts share the height left beside the accuracy figures.
 */
export function TrainView() {
  const [ref, size] = useElementSize<HTMLDivElement>();
  // Each chart gets half of what the column has left, within what a chart still reads well at.
  const chartHeight = size.height > 0 ? Math.max(150, Math.min(240, Math.floor((size.height - CHART_CHROME_PX) / 2) - 40)) : undefined;
  return (
    <div className="train-grid">
      <div className="train-col train-curves" ref={ref}>
        <FirstSteps />
        <CurvesPanel chartHeight={chartHeight} />
        <MetricsPanel />
        <RunPanel />
      </div>
      <div className="train-col train-pad">
        <DrawingPanel />
        <PredictionPanel />
      </div>
      <div className="train-col train-maps">
        {/* Smaller maps than elsewhere: the first two layers of a 64-filter network fit one screen. */}
        <FeatureMapsPanel mapSize={30} />
      </div>
    </div>
  );
}
