import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { kerasCode } from '../../model/keras/kerasCode';
import { checkSetup } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';

/** The Python that builds, compiles and trains this network in Keras, with a copy button. */
export function KerasCode() {
  const s = useAppStore(
    useShallow((x) => ({
      spec: x.spec, dataset: x.dataset, trainSize: x.trainSize, form: x.form, optimizer: x.optimizer, nesterov: x.nesterov, earlyStopping: x.earlyStopping,
      augment: x.augment, classes: x.drawings.classes,
    })),
  );
  const { values } = checkSetup({ ...s, drawings: { classes: s.classes } });
  const code = values ? kerasCode(s.spec, values, s.dataset) : null;
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');

  const copy = async () => {
    if (!code) return;
    try {
      await navigator.clipboard.writeText(code);
      setCopied('done');
    } catch {
      setCopied('failed'); // e.g. no clipboard permission: the text is selectable below
    }
    setTimeout(() => setCopied('idle'), 2000);
  };

  return (
    <details className="keras-code">
      <summary>Keras code</summary>
      {code ? (
        <>
          <div className="code-actions">
            <button type="button" data-testid="copy-keras-code" onClick={copy}>Copy</button>
            <small className="hint" aria-live="polite" data-testid="copy-status">
              {copied === 'done' ? 'Copied to the clipboard.' : copied === 'failed' ? 'The browser refused the clipboard: select the text instead.' : 'TensorFlow 2 / Keras: builds, compiles and trains exactly this setup.'}
            </small>
          </div>
          <pre data-testid="keras-code">{code}</pre>
        </>
      ) : (
        <p className="hint">Fix the highlighted setup fields to see the code.</p>
      )}
    </details>
  );
}
