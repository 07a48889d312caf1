import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { DATASETS, hasTestSet } from '../../../data/datasets';
import { className, datasetLabel } from '../../../i18n/datasetWords';
import { useAppStore } from '../../../store/useAppStore';
import { richText } from './richText';

/** What the explainer works on, and where to change it: the pad is in the Train view, a test image can be picked here. */
export function ExplainInput() {
  const { t } = useTranslation('explain');
  const s = useAppStore(useShallow((x) => ({ input: x.inspect.input, sample: x.inspect.testSample, dataset: x.dataset })));
  const showView = useAppStore((x) => x.showView);
  const showTestSample = useAppStore((x) => x.showTestSample);
  const next = s.input?.kind === 'testImage' ? s.input.index + 1 : 0;
  const what =
    s.input === null ? t('input.none')
    : s.input.kind === 'testImage' ?
      s.sample?.index === s.input.index ?
        t('input.testImageClass', { dataset: datasetLabel(s.input.dataset, t), index: s.input.index, className: className(s.sample.dataset, s.sample.label, DATASETS[s.sample.dataset].classNames, t) })
      : t('input.testImage', { dataset: datasetLabel(s.input.dataset, t), index: s.input.index })
    : t('input.drawing');
  const withPick = hasTestSet(s.dataset);
  const draw = (
    <button className="link" onClick={() => showView('train')}>
      {withPick ? t('input.drawLinkOr') : t('input.drawLink')}
    </button>
  );
  const pick = (
    <button className="link" onClick={() => showTestSample(next)} data-testid="explain-next-test-image">
      {s.input?.kind === 'testImage' ? t('input.nextTestImage') : t('input.pickTestImage')}
    </button>
  );
  return (
    <p className="xp-input hint" data-testid="explain-input">
      {what} {withPick ? richText((m) => t('input.drawOrPick', { draw: m(0), pick: m(1) }), [draw, pick]) : richText((m) => t('input.draw', { draw: m(0) }), [draw])}
    </p>
  );
}
