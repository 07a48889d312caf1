import { CurvesPanel } from '../../panels/CurvesPanel/CurvesPanel';
import { DrawingPanel } from '../../panels/DrawingPanel/DrawingPanel';
import { FeatureMapsPanel } from '../../panels/FeatureMapsPanel/FeatureMapsPanel';
import { FirstSteps } from '../../panels/FirstSteps/FirstSteps';
import { MetricsPanel } from '../../panels/MetricsPanel/MetricsPanel';
import { PredictionPanel } from '../../panels/PredictionPanel/PredictionPanel';
import { RunNotices } from '../../panels/RunPanel/RunNotices';
import { RunPanel } from '../../panels/RunPanel/RunPanel';
import { useTranslation } from 'react-i18next';
import { useElementSize } from '../../charts/useElementSize';

/** Room the column needs besides the two plots: each chart's title, legend and x axis, the card, the accuracy figures under it. */
const BESIDES_PLOTS_PX = 270;

/**
 * The live loop on one screen: the curves and the run on the left, the pad
 * and its prediction in the middle, every layer's feature maps of that input
 * on the right, so that drawing while it trains shows all three move
 * together. The charts share the height left beside the accuracy figures.
 */
export function TrainView() {
  const { t } = useTranslation('app');
  const [ref, size] = useElementSize<HTMLDivElement>();
  const [topRef, top] = useElementSize<HTMLDivElement>();
  // Each chart gets half of what the column has left under the first steps and notices, within what a chart still reads well at.
  const chartHeight = size.height > 0 ? Math.max(110, Math.min(240, Math.floor((size.height - top.height - BESIDES_PLOTS_PX) / 2))) : undefined;
  return (
    <div className="train-grid">
      {/* A column that scrolls on a short screen: focusable, so the keyboard can scroll it too (WCAG 2.1.1). */}
      <div className="train-col train-curves" ref={ref} tabIndex={0} role="region" aria-label={t('views.train.runColumn')}>
        <div className="train-top" ref={topRef}>
          <FirstSteps />
          <RunNotices />
        </div>
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
