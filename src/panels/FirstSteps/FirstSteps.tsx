import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';

/** What a first visit does, in two lines, until it has done either: nothing modal, and gone once a run or a drawing is there. */
export function FirstSteps() {
  const s = useAppStore(useShallow((x) => ({ started: x.run.runId > 0, drawn: x.inspect.input !== null, dataset: x.dataset })));
  if (s.started || s.drawn) return null;
  const thing = s.dataset === 'fashion-mnist' ? 'a piece of clothing' : s.dataset === 'own' ? 'one of your classes' : 'a digit';
  return (
    <ol className="first-steps" data-testid="first-steps" aria-label="First steps">
      <li><strong>Press Train</strong> (above): the network learns, and its loss and accuracy are drawn here as it goes.</li>
      <li><strong>Draw {thing}</strong> in the pad: the bars show what it thinks, the feature maps what each layer sees; it works before training too.</li>
    </ol>
  );
}
