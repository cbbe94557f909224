import { useRef, useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { ApiError, errorMessage } from '@/lib/api';
import { useEnableTwoFactor, useSetupTwoFactor } from '../api/two-factor-queries';
import { CodeInput } from './CodeInput';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TotpSetupPanel } from './TotpSetupPanel';
import { normalizeTotp } from './two-factor-text';

/** Whether the API refused `path` (a wrong code or password) rather than the request's shape. */
export function wrongField(error: unknown, path: 'code' | 'password'): boolean {
  return (
    error instanceof ApiError && error.code === 'validation_failed' && error.fieldErrors.some((e) => e.path === path)
  );
}

export function codeProblem(error: unknown): string {
  // The settings answer a wrong code as a field error (the session is fine); sign-in as invalid_code.
  if (wrongField(error, 'code') || (error instanceof ApiError && error.code === 'invalid_code'))
    return 'That code isn’t right. Enter the code your app shows now.';
  return errorMessage(error);
}

/** Setting up two-factor sign-in: scan the QR code, confirm a code, then save the recovery codes. */
export function EnrolPanel({ onStart, onDone }: { onStart: () => void; onDone: () => void }) {
  const setup = useSetupTwoFactor();
  const enable = useEnableTwoFactor();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  if (enable.data) {
    return (
      <div className="two-factor__panel">
        <Alert tone="success">Two-factor sign-in is on. From now on, sign-in asks for a code from your app.</Alert>
        <RecoveryCodesPanel codes={enable.data.recoveryCodes} />
        <div className="two-factor__actions">
          <button type="button" className="button button--primary" onClick={onDone}>
            I have saved my codes
          </button>
        </div>
      </div>
    );
  }

  if (!setup.data) {
    return (
      <div className="two-factor__panel">
        {setup.isError ? <Alert>{errorMessage(setup.error)}</Alert> : null}
        <div className="two-factor__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={setup.isPending}
            onClick={() => {
              onStart();
              setup.mutate();
            }}
          >
            {setup.isPending ? 'Preparing…' : 'Set up two-factor sign-in'}
          </button>
        </div>
      </div>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = normalizeTotp(code);
    if (!digits) {
      setFieldError('Enter the 6-digit code from your authenticator app.');
      input.current?.focus();
      return;
    }
    setFieldError(undefined);
    enable.mutate(
      { code: digits },
      {
        onError: () => {
          setCode('');
          input.current?.focus();
        },
      },
    );
  };

  return (
    <form className="form two-factor__panel" onSubmit={submit} noValidate aria-label="Set up two-factor sign-in">
      <TotpSetupPanel setup={setup.data} />
      {enable.isError ? <Alert>{codeProblem(enable.error)}</Alert> : null}
      <Field label="Code from the app" error={fieldError} hint="Enter the 6-digit code the app shows to turn it on.">
        {(control) => (
          <CodeInput {...control} ref={input} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
        )}
      </Field>
      <div className="two-factor__actions">
        <button type="submit" className="button button--primary" disabled={enable.isPending}>
          {enable.isPending ? 'Checking…' : 'Turn on'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setup.reset();
            enable.reset();
            setCode('');
            onDone();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
