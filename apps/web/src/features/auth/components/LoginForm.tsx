import { zodResolver } from '@hookform/resolvers/zod';
import {
  LoginRequest,
  type ProblemOrganization,
  type TwoFactorChallenge,
  type TwoFactorLoginResponse,
} from '@scorecard/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { CodeInput, RecoveryCodesPanel, TotpSetupPanel } from '@/features/two-factor';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { PasswordInput } from '@/components/ui/PasswordInput';
import { ApiError, errorMessage, tooManyAttemptsMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useCompleteTwoFactorLogin, useLogin, useSetupTwoFactorLogin } from '../api/auth-mutations';

type LoginInput = z.input<typeof LoginRequest>;

/** Where sign-in is: the password, then (when the account has it) a code, or setting two-factor up, then its recovery codes. */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; challenge: string }
  | { kind: 'setup'; challenge: string }
  | { kind: 'codes'; session: TwoFactorLoginResponse & { recoveryCodes: string[] } };

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'That email and password don’t match. Check them and try again.';
    if (error.code === 'account_deactivated')
      return 'This account has been deactivated. Ask an admin of your organization to reactivate it.';
    if (error.code === 'too_many_attempts') return tooManyAttemptsMessage(error.retryAfter);
    if (error.code === 'organization_required')
      return 'This email has accounts in several organizations. Choose the one to sign in to.';
  }
  return errorMessage(error);
}

/** Whether the sign-in step itself is over (expired, used, unknown): only signing in again helps. */
function challengeIsGone(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'token_expired' || error.code === 'token_used' || error.code === 'token_unknown')
  );
}

function codeErrorMessage(error: unknown, recovery: boolean): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_code')
      return recovery
        ? 'That recovery code isn’t right, or was used already.'
        : 'That code isn’t right. Enter the code your app shows now.';
    if (error.code === 'too_many_attempts') return tooManyAttemptsMessage(error.retryAfter);
    if (challengeIsGone(error)) return 'This sign-in has expired. Sign in again with your password.';
    if (error.code === 'account_deactivated')
      return 'This account has been deactivated. Ask an admin of your organization to reactivate it.';
  }
  return errorMessage(error);
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const restart = () => setStep({ kind: 'password' });
  const complete = useCompleteTwoFactorLogin();

  const finished = (answer: TwoFactorLoginResponse) => {
    if (answer.recoveryCodes) setStep({ kind: 'codes', session: { ...answer, recoveryCodes: answer.recoveryCodes } });
    else onSignedIn();
  };

  switch (step.kind) {
    case 'password':
      return (
        <PasswordStep
          onSignedIn={onSignedIn}
          onChallenge={(c) => setStep({ kind: c.setupRequired ? 'setup' : 'code', challenge: c.challenge })}
        />
      );
    case 'code':
      return <CodeStep challenge={step.challenge} onDone={finished} onRestart={restart} />;
    case 'setup':
      return <SetupStep challenge={step.challenge} onDone={finished} onRestart={restart} />;
    case 'codes':
      return (
        <div className="form">
          <Alert tone="success">Two-factor sign-in is on.</Alert>
          <RecoveryCodesPanel codes={step.session.recoveryCodes} />
          <button
            type="button"
            className="button button--primary button--block"
            onClick={() => {
              complete.startSession(step.session);
              onSignedIn();
            }}
          >
            I have saved my codes, continue
          </button>
        </div>
      );
  }
}

function PasswordStep({
  onSignedIn,
  onChallenge,
}: {
  onSignedIn: () => void;
  onChallenge: (challenge: TwoFactorChallenge) => void;
}) {
  const login = useLogin();
  const [organizations, setOrganizations] = useState<ProblemOrganization[]>([]);
  const form = useForm<LoginInput, unknown, LoginRequest>({
    resolver: zodResolver(LoginRequest),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (answer) => {
        if ('token' in answer) onSignedIn();
        else onChallenge(answer);
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, ['email', 'password']);
        if (error instanceof ApiError && error.code === 'organization_required' && error.organizations.length > 0) {
          setOrganizations(error.organizations);
          if (!error.organizations.some((o) => o.slug === form.getValues('organization')))
            form.setValue('organization', error.organizations[0]?.slug);
        }
        if (error instanceof ApiError && error.code === 'invalid_credentials') {
          form.resetField('password');
          form.setFocus('password');
        }
      },
    });
  });

  const showFormError =
    login.isError &&
    !(login.error instanceof ApiError && login.error.code === 'validation_failed') &&
    // Once the choice is on screen, the form explains itself.
    !(login.error instanceof ApiError && login.error.code === 'organization_required' && organizations.length > 0);

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      {showFormError ? <Alert>{loginErrorMessage(login.error)}</Alert> : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => (
          <input
            {...control}
            {...form.register('email', { onChange: () => setOrganizations([]) })}
            className="input"
            type="email"
            autoComplete="username"
            autoFocus
          />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => <PasswordInput {...control} {...form.register('password')} autoComplete="current-password" />}
      </Field>
      {organizations.length > 0 ? (
        <fieldset className="organization-choice">
          <legend className="field__label">This email has accounts in several organizations. Sign in to:</legend>
          {organizations.map((o) => (
            <label key={o.slug} className="organization-choice__option">
              <input type="radio" className="radio" value={o.slug} {...form.register('organization')} />
              {o.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="auth__forgot">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** The code from the app (or a recovery code) for a challenge; a wrong one can be tried again until the limit. */
function CodeStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: string;
  onDone: (answer: TwoFactorLoginResponse) => void;
  onRestart: () => void;
}) {
  const complete = useCompleteTwoFactorLogin();
  const [recovery, setRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = code.trim();
    if (!recovery && !/^\d{6}$/.test(value.replace(/\s+/g, ''))) {
      setFieldError('Enter the 6-digit code from your authenticator app.');
      input.current?.focus();
      return;
    }
    if (recovery && value === '') {
      setFieldError('Enter one of your recovery codes.');
      input.current?.focus();
      return;
    }
    setFieldError(undefined);
    complete.mutate(
      { challenge, code: value },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'invalid_code') {
            setCode('');
            input.current?.focus();
          }
        },
      },
    );
  };

  const gone = challengeIsGone(complete.error);
  return (
    <form className="form" onSubmit={submit} noValidate aria-label="Two-factor sign-in">
      <p>
        {recovery
          ? 'Enter one of the recovery codes you saved when you set up two-factor sign-in. Each code works once.'
          : 'Open your authenticator app and enter the 6-digit code it shows for Scorecard.'}
      </p>
      {complete.isError ? <Alert>{codeErrorMessage(complete.error, recovery)}</Alert> : null}
      {gone ? (
        <button type="button" className="button button--primary button--block" onClick={onRestart} autoFocus>
          Sign in again
        </button>
      ) : (
        <>
          <Field label={recovery ? 'Recovery code' : 'Authentication code'} error={fieldError}>
            {(control) => (
              <CodeInput
                {...control}
                ref={input}
                recovery={recovery}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoFocus
              />
            )}
          </Field>
          <button type="submit" className="button button--primary button--block" disabled={complete.isPending}>
            {complete.isPending ? 'Checking…' : 'Verify and sign in'}
          </button>
          <div className="two-factor__actions">
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setRecovery(!recovery);
                setCode('');
                setFieldError(undefined);
                complete.reset();
                input.current?.focus();
              }}
            >
              {recovery ? 'Use the code from your app' : 'Use a recovery code'}
            </button>
            <button type="button" className="button button--ghost button--small" onClick={onRestart}>
              Back to sign in
            </button>
          </div>
        </>
      )}
    </form>
  );
}

/** The organization requires two-factor sign-in and this account has none: set it up now, then sign in. */
function SetupStep({
  challenge,
  onDone,
  onRestart,
}: {
  challenge: string;
  onDone: (answer: TwoFactorLoginResponse) => void;
  onRestart: () => void;
}) {
  const setup = useSetupTwoFactorLogin();
  const complete = useCompleteTwoFactorLogin();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const introId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s+/g, ''))) {
      setFieldError('Enter the 6-digit code from your authenticator app.');
      input.current?.focus();
      return;
    }
    setFieldError(undefined);
    complete.mutate(
      { challenge, code: code.replace(/\s+/g, '') },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'invalid_code') {
            setCode('');
            input.current?.focus();
          }
        },
      },
    );
  };

  const failure = setup.error ?? complete.error;
  const gone = challengeIsGone(failure);
  return (
    <form
      className="form"
      onSubmit={submit}
      noValidate
      aria-label="Set up two-factor sign-in"
      aria-describedby={introId}
    >
      <p id={introId}>
        Your organization requires two-factor sign-in. Set it up now with an authenticator app on your phone; you will
        enter a code from it each time you sign in.
      </p>
      {failure ? <Alert>{codeErrorMessage(failure, false)}</Alert> : null}
      {gone ? (
        <button type="button" className="button button--primary button--block" onClick={onRestart} autoFocus>
          Sign in again
        </button>
      ) : !setup.data ? (
        <>
          <button
            type="button"
            className="button button--primary button--block"
            disabled={setup.isPending}
            onClick={() => setup.mutate(challenge)}
            autoFocus
          >
            {setup.isPending ? 'Preparing…' : 'Set up two-factor sign-in'}
          </button>
          <button type="button" className="button button--ghost button--small" onClick={onRestart}>
            Back to sign in
          </button>
        </>
      ) : (
        <>
          <TotpSetupPanel setup={setup.data} />
          <Field label="Code from the app" error={fieldError} hint="Enter the 6-digit code the app shows to finish.">
            {(control) => (
              <CodeInput {...control} ref={input} value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
            )}
          </Field>
          <button type="submit" className="button button--primary button--block" disabled={complete.isPending}>
            {complete.isPending ? 'Checking…' : 'Turn on and sign in'}
          </button>
        </>
      )}
    </form>
  );
}
