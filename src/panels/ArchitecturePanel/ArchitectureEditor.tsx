import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { wordMessage } from '../../i18n/i18n';
import type { NetworkCheck } from '../../model/checkNetwork';
import { isMessage } from '../../model/message';
import { KERAS_CLASS } from '../../model/keras/kerasNames';
import type { AddableLayerType } from '../../model/types';
import { isActive } from '../../store/selectors';
import { useAppStore } from '../../store/useAppStore';
import { LayerRow } from './LayerRow';
import { NumberInput } from './NumberInput';

/** The layers the editor adds, grouped as Keras's documentation groups them; the most used first. */
const ADDABLE: { group: 'mostUsed' | 'shapeAndPooling' | 'activationAndScale' | 'regularization'; layers: AddableLayerType[] }[] = [
  {
    group: 'mostUsed',
    layers: ['conv2d', 'maxPool2d', 'avgPool2d', 'batchNorm', 'dropout', 'flatten', 'dense'],
  },
  {
    group: 'shapeAndPooling',
    layers: ['globalAvgPool2d', 'globalMaxPool2d', 'zeroPadding2d', 'reshape'],
  },
  {
    group: 'activationAndScale',
    layers: ['activation', 'relu', 'rescaling'],
  },
  {
    group: 'regularization',
    layers: ['spatialDropout2d', 'gaussianNoise', 'gaussianDropout'],
  },
];

/** Add, remove, reorder and edit layers; every shape follows as you type. */
export function ArchitectureEditor({ check }: { check: NetworkCheck }) {
  const { t } = useTranslation('editor');
  const { spec, layerKeys, locked, canUndo } = useAppStore(
    useShallow((s) => ({ spec: s.spec, layerKeys: s.layerKeys, locked: isActive(s.run), canUndo: s.undo.length > 0 })),
  );
  const a = useAppStore(
    useShallow((s) => ({
      setInputShape: s.setInputShape, addLayer: s.addLayer, updateLayer: s.updateLayer, removeLayer: s.removeLayer, moveLayer: s.moveLayer, undoSetup: s.undoSetup,
    })),
  );
  const [addType, setAddType] = useState<AddableLayerType>('conv2d');
  const [h, w, c] = spec.inputShape;
  // A problem with the input is shown on the input row, without its "Input:".
  const inputProblem = check.info.error?.key === 'editor:check.atInput' ? check.info.error.values?.problem : undefined;
  const inputError = isMessage(inputProblem) ? wordMessage(inputProblem, t) : undefined;

  return (
    <div className="architecture-editor" data-testid="architecture-editor">
      <ol className="layer-list">
        <li className="layer-row layer-head" aria-hidden="true">
          <span />
          <span style={{ textAlign: 'left' }}>{t('editor.head.layer')}</span>
          <span>{t('editor.head.output')}</span>
          <span>{t('editor.head.params')}</span>
          <span />
        </li>
        <li className={`layer-row input-row${inputError ? ' has-error' : ''}`}>
          <span className="layer-index">0</span>
          <div className="layer-main">
            <div className="layer-line">
              <strong className="layer-type">{t('editor.input.title')}</strong>
              <NumberInput label={t('editor.input.height')} testId="input-height" value={h} width={48} disabled={locked} onChange={(v) => a.setInputShape([v, w, c])} />
              <span className="arg">×</span>
              <NumberInput label={t('editor.input.width')} testId="input-width" value={w} width={48} disabled={locked} onChange={(v) => a.setInputShape([h, v, c])} />
              <span className="arg">×</span>
              <NumberInput label={t('editor.input.channels')} testId="input-channels" value={c} width={36} disabled={locked} onChange={(v) => a.setInputShape([h, w, v])} />
            </div>
            {inputError && <div className="field-error" data-testid="layer-error" role="alert">{inputError}</div>}
          </div>
          <span className="layer-shape">{spec.inputShape.join('×')}</span>
          <span className="layer-params">0</span>
          <span className="layer-actions" />
        </li>
        {check.info.layers.map((info, i) => (
          <LayerRow
            key={layerKeys[i] ?? `i${i}`}
            info={info}
            count={spec.layers.length}
            locked={locked}
            onChange={(layer) => a.updateLayer(i, layer)}
            onMove={(to) => a.moveLayer(i, to)}
            onRemove={() => a.removeLayer(i)}
          />
        ))}
      </ol>
      {spec.layers.length === 0 && <p className="field-error" data-testid="layer-error">{check.info.error && wordMessage(check.info.error, t)}</p>}
      <div className="add-layer">
        <select aria-label={t('editor.addType')} data-testid="add-layer-type" value={addType} disabled={locked} onChange={(e) => setAddType(e.target.value as AddableLayerType)}>
          {ADDABLE.map((g) => (
            <optgroup key={g.group} label={t(`editor.groups.${g.group}`)}>
              {g.layers.map((type) => <option key={type} value={type}>{KERAS_CLASS[type]}</option>)}
            </optgroup>
          ))}
        </select>
        <button type="button" data-testid="add-layer" disabled={locked} onClick={() => a.addLayer(addType)}>{t('editor.addLayer')}</button>
        <button type="button" data-testid="undo-architecture" disabled={locked || !canUndo} title={t('editor.undoTitle')} onClick={a.undoSetup}>
          {t('editor.undo')}
        </button>
        <small className="hint">
          {locked ? t('editor.locked') : t('editor.hint')}
        </small>
      </div>
    </div>
  );
}
