import { useShallow } from 'zustand/react/shallow';
import { DATASETS, hasTestSet } from '../../../data/datasets';
import { useAppStore } from '../../../store/useAppStore';

/** What the explainer works on, and where to change it: the pad is in the Train view, a test image can be picked here. */
export function ExplainInput() {
  const s = useAppStore(useShallow((x) => ({ input: x.inspect.input, sample: x.inspect.testSample, dataset: x.dataset })));
  const showView = useAppStore((x) => x.showView);
  const showTestSample = useAppStore((x) => x.showTestSample);
  const next = s.input?.kind === 'testImage' ? s.input.index + 1 : 0;
  const what =
    s.input === null ? 'No input yet.'
    : s.input.kind === 'testImage' ? `On ${DATASETS[s.input.dataset].label} test image #${s.input.index}${s.sample?.index === s.input.index ? `, a ${DATASETS[s.sample.dataset].classNames[s.sample.label]}` : ''}.`
    : 'On your drawing.';
  return (
    <p className="xp-input hint" data-testid="explain-input">
      {what} <button className="link" onClick={() => showView('train')}>Draw in the Train view</button>
      {hasTestSet(s.dataset) && (
        <>
          {' '}or <button className="link" onClick={() => showTestSample(next)} data-testid="explain-next-test-image">{s.input?.kind === 'testImage' ? 'the next test image' : 'pick a test image'}</button>
        </>
      )}
      .
    </p>
  );
}
