import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { runEstimate } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';

/** How long the run set up would take on the backend in use (null until a rate is measured, or while the setup cannot train). */
export function useRunEstimate() {
  // The estimate is a new object on every call: select its inputs, then derive it.
  const inputs = useAppStore(
    useShallow((x) => ({
      dataset: x.dataset, trainSize: x.trainSize, form: x.form, optimizer: x.optimizer, nesterov: x.nesterov, augment: x.augment, classes: x.drawings.classes,
      earlyStopping: x.earlyStopping, spec: x.spec, backend: x.backend,
    })),
  );
  // Derived once per change of its inputs, not on every render: the strip re-renders with every batch of a run.
  const estimate = useMemo(() => runEstimate({ ...inputs, drawings: { classes: inputs.classes } }), [inputs]);
  return { estimate, measuring: inputs.backend.measuring };
}
