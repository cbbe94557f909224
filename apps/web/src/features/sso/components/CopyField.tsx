import { useId, useState } from 'react';

/** A read-only address an admin copies into the identity provider, with a copy button. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="sso-copy">
        <input id={id} className="input sso-copy__value" readOnly value={value} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className="button button--secondary button--small"
          aria-label={`Copy ${label}`}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(value)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}
