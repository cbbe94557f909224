import { useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** A read-only value (an address to paste elsewhere, a token shown once) with a Copy button that says whether copying worked (else the value is selected). */
export function CopyField({
  label,
  value,
  hint,
  secret = false,
}: {
  label: string;
  value: string;
  hint?: string;
  secret?: boolean;
}) {
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyValue = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // No clipboard (an insecure origin, or permission refused): select it for Ctrl+C instead.
      input.current?.select();
      setCopy('failed');
    }
  };

  return (
    <div className="field">
      <label className="field__label" htmlFor={inputId}>
        {label}
      </label>
      <div className="copy-field">
        <input
          ref={input}
          id={inputId}
          className="input copy-field__value"
          value={value}
          readOnly
          spellCheck={false}
          autoComplete="off"
          data-secret={secret || undefined}
          aria-describedby={hint ? hintId : undefined}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button button--secondary" onClick={() => void copyValue()}>
          Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <p className="copy-field__status" aria-live="polite">
        {copy === 'copied'
          ? 'Copied to the clipboard.'
          : copy === 'failed'
            ? 'Selected: press Ctrl+C (⌘C) to copy.'
            : ''}
      </p>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
