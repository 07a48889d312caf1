import { Trans, useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';

/** What a first visit does, in two lines, until it has done either: nothing modal, and gone once a run or a drawing is there. */
export function FirstSteps() {
  const { t } = useTranslation('app');
  const s = useAppStore(useShallow((x) => ({ started: x.run.runId > 0, drawn: x.inspect.input !== null, dataset: x.dataset })));
  if (s.started || s.drawn) return null;
  const thing = t(s.dataset === 'fashion-mnist' ? 'firstSteps.thing.fashionMnist' : s.dataset === 'own' ? 'firstSteps.thing.own' : 'firstSteps.thing.mnist');
  return (
    <ol className="first-steps" data-testid="first-steps" aria-label={t('firstSteps.ariaLabel')}>
      <li><Trans t={t} i18nKey="firstSteps.press" components={{ b: <strong /> }} /></li>
      <li><Trans t={t} i18nKey="firstSteps.draw" values={{ thing }} components={{ b: <strong /> }} /></li>
    </ol>
  );
}
