import { useEffect, useState } from 'react';

interface Props {
  value: number;
  label: string;
  testId?: string;
  disabled?: boolean;
  invalid?: boolean;
  width?: number;
  /** Called on every keystroke: the typed number, or NaN for text that is not one (shape inference then says why). */
  onChange(value: number): void;
}

const parse = (t: string) => (t.trim() === '' ? NaN : Number(t));

/** A compact number input that keeps what is typed, even when it is not (yet) a number. */
export function NumberInput({ value, label, testId, disabled, invalid, width = 52, onChange }: Props) {
  const [text, setText] = useState(String(value));
  // Follow outside changes (a preset, an import, undo) without clobbering half-typed text:
  // keyed on `value` only, the text read through the updater, so typing never resets it.
  useEffect(() => {
    setText((t) => (Object.is(parse(t), value) || Number.isNaN(value) ? t : String(value)));
  }, [value]);
  return (
    <input
      className="num"
      style={{ width }}
      aria-label={label}
      title={label}
      data-testid={testId}
      value={text}
      inputMode="decimal"
      disabled={disabled}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parse(e.target.value));
      }}
    />
  );
}
