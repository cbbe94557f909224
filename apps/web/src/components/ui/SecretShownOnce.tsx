import type { ReactNode } from 'react';
import { Alert } from './Alert';
import { CopyField } from './CopyField';

/**
 * A secret at the only moment it is shown (a new token, a signing secret): a warning that says what
 * it opens and that it cannot be shown again, the value with a Copy button, and "I've copied it".
 */
export function SecretShownOnce({
  label,
  value,
  warning,
  onDone,
  actions,
}: {
  label: string;
  value: string;
  /** What the secret lets its holder do and where to store it. */
  warning: ReactNode;
  onDone: () => void;
  /** Other actions beside "I've copied it". */
  actions?: ReactNode;
}) {
  return (
    <div className="form">
      <Alert tone="info" title="Shown only this once">
        {warning}
      </Alert>
      <CopyField label={label} value={value} secret />
      <div className="form__actions">
        {actions}
        <button type="button" className="button button--primary" onClick={onDone}>
          I’ve copied it
        </button>
      </div>
    </div>
  );
}
