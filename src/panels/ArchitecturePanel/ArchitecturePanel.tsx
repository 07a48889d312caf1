import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../../i18n/i18n';
import { message } from '../../model/message';
import { architectureFromJson, architectureToJson } from '../../model/architectureJson';
import { PRESETS } from '../../model/presets';
import { saveBlob } from '../../store/saveBlob';
import { checkSpec, isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { ArchitectureEditor } from './ArchitectureEditor';
import { KerasCode } from './KerasCode';
import { ModelSummary } from './ModelSummary';

/** Imported architecture files larger than this are refused unread. */
const MAX_IMPORT_BYTES = 1_000_000;

/** The network: the editor beside its Keras summary, import/export, and the Keras code. */
export function ArchitecturePanel() {
  const { t } = useTranslation('editor');
  const { spec, dataset, classes, presetId, locked } = useAppStore(
    useShallow((s) => ({ spec: s.spec, dataset: s.dataset, classes: s.drawings.classes.classNames, presetId: s.presetId, locked: isActive(s.run) })),
  );
  const importSpec = useAppStore((s) => s.importSpec);
  const check = checkSpec(spec, dataset, classes);
  const fileInput = useRef<HTMLInputElement>(null);
  const preset = PRESETS.find((p) => p.id === presetId);
  const name = preset ? wordMessage(preset.label, t) : t('panel.customNetwork');

  const exportJson = () => saveBlob(new Blob([architectureToJson(spec)], { type: 'application/json' }), `${presetId ?? 'custom-network'}.convscope.json`);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) importSpec({ error: message('editor:panel.fileTooLarge', { name: file.name, size: Math.round(file.size / 1024) }) });
    else importSpec(architectureFromJson(await file.text()));
    if (fileInput.current) fileInput.current.value = ''; // importing the same file again still fires
  };

  return (
    <section className="card architecture" aria-label={t('panel.ariaLabel')}>
      <header className="card-header">
        <h2>{t('panel.title')} <small>{name} · {t('panel.loss')}</small></h2>
        <div className="buttons">
          <label className={`button${locked ? ' disabled' : ''}`}>
            {t('panel.importJson')}
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              data-testid="import-architecture"
              disabled={locked}
              hidden
              onChange={(e) => void importFile(e.target.files?.[0])}
            />
          </label>
          <button type="button" data-testid="export-architecture" onClick={exportJson}>{t('panel.exportJson')}</button>
        </div>
      </header>
      {check.cannotTrain && check.studyOnly && !check.info.error && (
        <p className="study-note" data-testid="study-note">{wordMessage(check.cannotTrain, t)}</p>
      )}
      <ArchitectureEditor check={check} />
      <div className="architecture-grid">
        <ModelSummary spec={spec} check={check} />
        <KerasCode />
      </div>
    </section>
  );
}
