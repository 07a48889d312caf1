import type { ReactNode } from 'react';

interface Props {
  id: string;
  label: string;
  testId: string;
  value: string;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  inputMode?: 'numeric' | 'decimal';
  onChange(value: string): void;
  onEnter?(): void;
  /** Shown after the input, on its line (e.g. an Apply button). */
  after?: ReactNode;
  /** In the setup strip: the hint is the input's tooltip unless `showHint`; an error is always shown. */
  compact?: boolean;
  showHint?: boolean;
}

/** A labelled text input with its hint, or its error in place of the hint. */
export function TextField({ id, label, testId, value, error, hint, disabled, inputMode = 'decimal', onChange, onEnter, after, compact, showHint }: Props) {
  const message = error ?? (!compact || showHint ? hint : undefined);
  return (
    <label className="field" title={compact && typeof hint === 'string' && !showHint ? hint : undefined}>
      <span>{label}</span>
      <span className="field-row">
        <input
          id={id}
          data-testid={testId}
          value={value}
          inputMode={inputMode}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={message !== undefined ? `${id}-msg` : undefined}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onEnter && ((e) => e.key === 'Enter' && onEnter())}
        />
        {after}
      </span>
      {message !== undefined && (
        <small id={`${id}-msg`} className={error ? 'field-error' : 'hint'} data-testid={error ? `${testId}-error` : undefined} role={error ? 'alert' : undefined}>
          {message}
        </small>
      )}
    </label>
  );
}
