import { useMemo } from 'react';
import { DATASETS } from '../../data/datasets';
import { fmt, inferShapes, layerTitle } from '../../model/inferShapes';
import { PRESETS } from '../../model/presets';
import { useAppStore } from '../../store/useAppStore';
import { formatCount } from '../format';

/** The network being trained, with each layer's output shape and parameters. */
export function NetworkPanel() {
  const spec = useAppStore((s) => s.spec);
  const dataset = useAppStore((s) => s.dataset);
  const presetId = useAppStore((s) => s.presetId);
  const info = useMemo(() => inferShapes(spec, DATASETS[dataset].classNames.length), [spec, dataset]);
  return (
    <section className="card network" aria-label="Network">
      <h2>Network <small>{PRESETS.find((p) => p.id === presetId)?.label ?? 'custom'} · sparse categorical cross-entropy</small></h2>
      <table className="layers">
        <thead>
          <tr><th>Layer</th><th>Output</th><th>Params</th></tr>
        </thead>
        <tbody>
          <tr><td>Input</td><td>{fmt(spec.inputShape)}</td><td>0</td></tr>
          {info.layers.map((l) => (
            <tr key={l.index}>
              <td>{layerTitle(l.layer)}{'activation' in l.layer && l.layer.activation !== 'linear' ? ` ${l.layer.activation}` : ''}</td>
              <td>{l.outputShape ? fmt(l.outputShape) : '—'}</td>
              <td>{formatCount(l.trainableParams + l.nonTrainableParams)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr><td colSpan={2}>Total parameters</td><td data-testid="total-params">{formatCount(info.totalParams)}</td></tr>
        </tfoot>
      </table>
    </section>
  );
}
