import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Dialog } from '@/components/ui/Dialog';
import { Field } from '@/components/ui/Field';
import { PasswordInput } from '@/components/ui/PasswordInput';
import { useDisableTwoFactor, useRegenerateRecoveryCodes } from '../api/two-factor-queries';
import { CodeInput } from './CodeInput';
import { codeProblem, wrongField } from './EnrolPanel';
import { normalizeTotp } from './two-factor-text';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

/** New recovery codes for a current code; the old ones stop working. */
export function RegenerateDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const regenerate = useRegenerateRecoveryCodes();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const close = () => {
    regenerate.reset();
    setCode('');
    setFieldError(undefined);
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = normalizeTotp(code);
    if (!digits) {
      setFieldError('Enter the 6-digit code from your authenticator app.');
      input.current?.focus();
      return;
    }
    setFieldError(undefined);
    regenerate.mutate({ code: digits }, { onError: () => setCode('') });
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="New recovery codes"
      description={regenerate.data ? undefined : 'Your current recovery codes stop working once the new ones are made.'}
    >
      {regenerate.data ? (
        <div className="form">
          <RecoveryCodesPanel codes={regenerate.data.recoveryCodes} />
          <div className="form__actions">
            <button type="button" className="button button--primary" onClick={close}>
              I have saved my codes
            </button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-label="New recovery codes">
          {regenerate.isError ? <Alert>{codeProblem(regenerate.error)}</Alert> : null}
          <Field label="Code from your authenticator app" error={fieldError}>
            {(control) => (
              <CodeInput {...control} ref={input} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
            )}
          </Field>
          <div className="form__actions">
            <button type="button" className="button button--secondary" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={regenerate.isPending}>
              {regenerate.isPending ? 'Making codes…' : 'Make new codes'}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

/** Turning two-factor sign-in off, with the password or a current code. */
export function DisableDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const disable = useDisableTwoFactor();
  const [withCode, setWithCode] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const close = () => {
    disable.reset();
    setValue('');
    setFieldError(undefined);
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (withCode) {
      const digits = normalizeTotp(value);
      if (!digits) return setFieldError('Enter the 6-digit code from your authenticator app.');
      setFieldError(undefined);
      disable.mutate({ code: digits }, { onSuccess: close, onError: () => setValue('') });
    } else {
      if (value === '') return setFieldError('Enter your password.');
      setFieldError(undefined);
      disable.mutate({ password: value }, { onSuccess: close, onError: () => setValue('') });
    }
  };

  const failure = wrongField(disable.error, 'password')
    ? 'That password isn’t right.'
    : disable.isError
      ? codeProblem(disable.error)
      : null;

  return (
    <Dialog
      open={open}
      onClose={close}
      role="alertdialog"
      title="Turn off two-factor sign-in?"
      description="Signing in will need only your password, and your recovery codes stop working."
    >
      <form className="form" onSubmit={submit} noValidate aria-label="Turn off two-factor sign-in">
        {failure ? <Alert>{failure}</Alert> : null}
        <Field label={withCode ? 'Code from your authenticator app' : 'Your password'} error={fieldError}>
          {(control) =>
            withCode ? (
              <CodeInput {...control} value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
            ) : (
              <PasswordInput
                {...control}
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoComplete="current-password"
                autoFocus
              />
            )
          }
        </Field>
        <button
          type="button"
          className="button button--ghost button--small"
          onClick={() => {
            setWithCode(!withCode);
            setValue('');
            setFieldError(undefined);
            disable.reset();
          }}
        >
          {withCode ? 'Use your password instead' : 'Use a code from your app instead'}
        </button>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={close}>
            Keep it on
          </button>
          <button type="submit" className="button button--danger" disabled={disable.isPending}>
            {disable.isPending ? 'Turning off…' : 'Turn off'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
