import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
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
  const { spec, dataset, classes, presetId, locked } = useAppStore(
    useShallow((s) => ({ spec: s.spec, dataset: s.dataset, classes: s.drawings.classes.classNames, presetId: s.presetId, locked: isActive(s.run) })),
  );
  const importSpec = useAppStore((s) => s.importSpec);
  const check = checkSpec(spec, dataset, classes);
  const fileInput = useRef<HTMLInputElement>(null);
  const name = PRESETS.find((p) => p.id === presetId)?.label ?? 'Custom network';

  const exportJson = () => saveBlob(new Blob([architectureToJson(spec)], { type: 'application/json' }), `${presetId ?? 'custom-network'}.convscope.json`);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) importSpec({ error: `${file.name} is ${Math.round(file.size / 1024)} KB; an architecture file is a few KB` });
    else importSpec(architectureFromJson(await file.text()));
    if (fileInput.current) fileInput.current.value = ''; // importing the same file again still fires
  };

  return (
    <section className="card architecture" aria-label="Network architecture">
      <header className="card-header">
        <h2>Network <small>{name} · sparse categorical cross-entropy</small></h2>
        <div className="buttons">
          <label className={`button${locked ? ' disabled' : ''}`}>
            Import JSON
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
          <button type="button" data-testid="export-architecture" onClick={exportJson}>Export JSON</button>
        </div>
      </header>
      {check.cannotTrain && check.studyOnly && !check.info.error && (
        <p className="study-note" data-testid="study-note">{check.cannotTrain}</p>
      )}
      <ArchitectureEditor check={check} />
      <div className="architecture-grid">
        <ModelSummary spec={spec} check={check} />
        <KerasCode />
      </div>
    </section>
  );
}
