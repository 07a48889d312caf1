import { useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_KERNEL, HAND_FILTERS } from '../../../explain/handFilters';
import { wordMessage } from '../../../i18n/i18n';
import { parseKernel } from '../../../explain/parseKernel';
import { useAppStore } from '../../../store/useAppStore';
import type { HandKernel } from '../../../protocol';
import { AnswerStatus } from '../shared/AnswerStatus';
import { HandFiltersView } from './HandFiltersView';

const CUSTOM = CUSTOM_KERNEL;
const CLASSIC: readonly HandKernel[] = HAND_FILTERS.map((f) => ({ name: f.name, kernel: [...f.kernel] }));

const isClassic = (kernels: readonly HandKernel[]) =>
  kernels.length === CLASSIC.length && kernels.every((k, i) => k.name === CLASSIC[i].name && k.kernel.every((v, j) => v === CLASSIC[i].kernel[j]));

/** A kernel typed by the reader: applied as the one custom kernel (replacing an earlier one), or the classic five back. */
function CustomKernelField(props: { kernels: HandKernel[]; onChange: (k: HandKernel[]) => void }): JSX.Element {
  const { t } = useTranslation('explain');
  const { kernels, onChange } = props;
  const id = useId();
  const [text, setText] = useState('1 1 1; 0 0 0; -1 -1 -1');
  const [touched, setTouched] = useState(false);
  const parsed = parseKernel(text);
  const error = touched && 'error' in parsed ? parsed.error : null;
  const apply = () => {
    setTouched(true);
    if (!('kernel' in parsed)) return;
    const custom = { name: CUSTOM, kernel: parsed.kernel };
    const at = kernels.findIndex((k) => k.name === CUSTOM);
    onChange(at >= 0 ? kernels.map((k, i) => (i === at ? custom : k)) : [...kernels, custom]);
  };
  return (
    <form
      className="xp-controls xp-custom"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="xp-field">
        {t('handFilters.yourKernel')}
        <input
          type="text"
          className="xp-kernel-input"
          value={text}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => setTouched(true)}
          data-testid="hand-kernel-input"
        />
      </label>
      <button type="submit" disabled={!!error} data-testid="hand-kernel-apply">
        {t('handFilters.apply')}
      </button>
      <button type="button" onClick={() => onChange(CLASSIC.map((k) => ({ ...k, kernel: [...k.kernel] })))} disabled={isClassic(kernels)}>
        {t('handFilters.reset')}
      </button>
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {wordMessage(error, t)}
        </span>
      )}
      <small className="hint" id={`${id}-help`}>
        {t('handFilters.help')}
      </small>
    </form>
  );
}

/** Hand-set filters: classic kernels (and the reader's own) on the input, beside the trained first conv layer. */
export function HandFiltersTab(): JSX.Element {
  const { t } = useTranslation('explain');
  const kernels = useAppStore((s) => s.explain.handKernels);
  const setHandKernels = useAppStore((s) => s.setHandKernels);
  const pickPixel = useAppStore((s) => s.pickPixel);
  const answer = useAppStore((s) => s.explain.answers.handFilters);
  const error = useAppStore((s) => s.explain.errors.handFilters);
  return (
    <>
      <CustomKernelField kernels={kernels} onChange={setHandKernels} />
      <AnswerStatus answer={answer} error={error} />
      <p className="hint">{answer && !answer.trained ? t('handFilters.introUntrained') : t('handFilters.intro')}</p>
      {answer && !error && (
        <HandFiltersView
          e={answer.explanation}
          onRemove={(name) => setHandKernels(kernels.filter((k) => k.name !== name))}
          onPickMap={(layer, channel) => {
            const shape = answer.explanation.trained?.maps.shape ?? [1, 1];
            pickPixel({ layer, channel, y: Math.floor(shape[0] / 2), x: Math.floor(shape[1] / 2) });
          }}
        />
      )}
    </>
  );
}
