import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { kerasCode, type KerasComments } from '../../model/keras/kerasCode';
import { checkSetup } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';

/** The Python that builds, compiles and trains this network in Keras, with a copy button. */
export function KerasCode() {
  const { t } = useTranslation('editor');
  const s = useAppStore(
    useShallow((x) => ({
      spec: x.spec, dataset: x.dataset, trainSize: x.trainSize, form: x.form, optimizer: x.optimizer, nesterov: x.nesterov, earlyStopping: x.earlyStopping,
      augment: x.augment, classes: x.drawings.classes,
    })),
  );
  const { values } = checkSetup({ ...s, drawings: { classes: s.classes } });
  // The script's comments in the page's language, as Korean tutorials write theirs.
  const comments: KerasComments = {
    noKerasLayer: (thickness, elastic) => t(thickness && elastic ? 'kerasCode.comments.both' : thickness ? 'kerasCode.comments.thickness' : 'kerasCode.comments.elastic'),
    flatInput: t('kerasCode.comments.flatInput'),
    ownClasses: t('kerasCode.comments.ownClasses'),
    otherSize: (shape) => t('kerasCode.comments.otherSize', { shape }),
    validation: (percent) => t('kerasCode.comments.validation', { percent }),
  };
  const code = values ? kerasCode(s.spec, values, s.dataset, comments) : null;
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
      <summary>{t('kerasCode.title')}</summary>
      {code ? (
        <>
          <div className="code-actions">
            <button type="button" data-testid="copy-keras-code" onClick={copy}>{t('kerasCode.copy')}</button>
            <small className="hint" aria-live="polite" data-testid="copy-status">
              {copied === 'done' ? t('kerasCode.copied') : copied === 'failed' ? t('kerasCode.refused') : t('kerasCode.about')}
            </small>
          </div>
          <pre data-testid="keras-code">{code}</pre>
        </>
      ) : (
        <p className="hint">{t('kerasCode.fixFields')}</p>
      )}
    </details>
  );
}
