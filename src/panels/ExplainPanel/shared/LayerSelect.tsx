import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExplainLayer } from './explainLayers';

/** The "Layer" chooser of the explainer's views: the layers a view can look at, by number and name. */
export function LayerSelect(props: { layers: ExplainLayer[]; value: number; onChange: (index: number) => void; testId: string; disabled?: boolean }): JSX.Element {
  const { t } = useTranslation('explain');
  const { layers, value, onChange, testId, disabled } = props;
  return (
    <label className="xp-field">
      {t('picker.layer')}
      <select value={value} data-testid={testId} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
        {layers.map((l) => (
          <option key={l.index} value={l.index}>
            {l.title}
          </option>
        ))}
      </select>
    </label>
  );
}
