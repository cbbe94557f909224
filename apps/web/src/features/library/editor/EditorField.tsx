import type { ReactNode } from 'react';
import { fieldId } from './field-paths';
import { useFieldMessage } from './EditorContext';

export type EditorControlProps = {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

type EditorFieldProps = {
  /** The form path of the value, also the source of the control's id. */
  path: string;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
  children: (control: EditorControlProps) => ReactNode;
};

/** A label, a control and its message (validation, server or publish problem), tied by ids. */
export function EditorField({ path, label, hint, className, children }: EditorFieldProps) {
  const message = useFieldMessage(path);
  const id = fieldId(path);
  const describedBy = [hint ? `${id}-hint` : null, message ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={['field', message ? 'field--invalid' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(message), 'aria-describedby': describedBy || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="field__error">
          {message}
        </p>
      ) : null}
    </div>
  );
}

/** The message for a whole list (for example "Add at least one criterion."), shown beside its Add button. */
export function ListMessage({ path }: { path: string }) {
  const message = useFieldMessage(path);
  if (!message) return null;
  return (
    <p id={`${fieldId(path)}-error`} className="field__error">
      {message}
    </p>
  );
}
