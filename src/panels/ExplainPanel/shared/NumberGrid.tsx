import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatValue } from './formatValue';

/**
 * A size × size window of numbers, one channel of a [(ky·K + kx)·C + c]
 * array: cells in the padding are shown as such, one cell may be marked.
 */
export function NumberGrid(props: {
  values: ArrayLike<number>;
  size: number;
  channels?: number;
  channel?: number;
  padded?: ArrayLike<number>;
  marked?: number;
  caption: string;
}): JSX.Element {
  const { t } = useTranslation('explain');
  const { values, size, channels = 1, channel = 0, padded, marked = -1, caption } = props;
  const rows = Array.from({ length: size }, (_, ky) =>
    Array.from({ length: size }, (_, kx) => {
      const cell = ky * size + kx;
      const i = cell * channels + channel;
      return { cell, value: values[i], pad: padded ? padded[i] === 1 : Number.isNaN(values[i]) };
    }),
  );
  return (
    <table className="xp-grid">
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row, ky) => (
          <tr key={ky}>
            {row.map((c) => (
              <td key={c.cell} className={c.pad ? 'xp-pad' : c.cell === marked ? 'xp-marked' : undefined} title={c.pad ? (Number.isNaN(c.value) ? t('grid.padNotCounted') : t('grid.padZero')) : undefined}>
                {c.pad && Number.isNaN(c.value) ? t('grid.pad') : formatValue(c.value)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
