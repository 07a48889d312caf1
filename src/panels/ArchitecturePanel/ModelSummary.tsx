import type { NetworkCheck } from '../../model/checkNetwork';
import { kerasBytes, kerasClass, kerasLayerNames, kerasShape } from '../../model/keras/kerasNames';
import type { ModelSpec } from '../../model/types';
import { formatCount } from '../format';

/** The table Keras's model.summary() prints, with the same names, shapes and counts. */
export function ModelSummary({ spec, check }: { spec: ModelSpec; check: NetworkCheck }) {
  const names = kerasLayerNames(spec.layers);
  const { info } = check;
  return (
    <div className="table-scroll">
      <table className="layers summary" data-testid="model-summary">
        <thead>
          <tr><th>Layer (type)</th><th>Output Shape</th><th>Param #</th></tr>
        </thead>
        <tbody>
          {info.layers.map((l, i) => (
            <tr key={i} className={l.error ? 'has-error' : undefined}>
              <td>{names[i]} ({kerasClass(l.layer)})</td>
              <td>{l.outputShape ? kerasShape(l.outputShape) : '?'}</td>
              <td>{formatCount(l.trainableParams + l.nonTrainableParams)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>Total params</td>
            <td><span data-testid="total-params">{formatCount(info.totalParams)}</span> <small>({kerasBytes(info.totalParams)})</small></td>
          </tr>
          <tr>
            <td colSpan={2}>Trainable params</td>
            <td data-testid="trainable-params">{formatCount(info.trainableParams)}</td>
          </tr>
          <tr>
            <td colSpan={2}>Non-trainable params</td>
            <td data-testid="non-trainable-params">{formatCount(info.nonTrainableParams)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
