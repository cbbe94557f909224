import { zodResolver } from '@hookform/resolvers/zod';
import { LoginRequest } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { PasswordInput } from '@/components/ui/PasswordInput';
import { ApiError, errorMessage, tooManyAttemptsMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useLogin } from '../api/auth-mutations';

type LoginInput = z.input<typeof LoginRequest>;

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'invalid_credentials') return 'That email and password don’t match. Check them and try again.';
    if (error.code === 'account_deactivated')
      return 'This account has been deactivated. Ask an admin of your organization to reactivate it.';
    if (error.code === 'too_many_attempts') return tooManyAttemptsMessage(error.retryAfter);
  }
  return errorMessage(error);
}

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const login = useLogin();
  const form = useForm<LoginInput, unknown, LoginRequest>({
    resolver: zodResolver(LoginRequest),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => {
        applyServerFieldErrors(error, form.setError, ['email', 'password']);
        if (error instanceof ApiError && error.code === 'invalid_credentials') {
          form.resetField('password');
          form.setFocus('password');
        }
      },
    });
  });

  const showFormError = login.isError && !(login.error instanceof ApiError && login.error.code === 'validation_failed');

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      {showFormError ? <Alert>{loginErrorMessage(login.error)}</Alert> : null}
      <Field label="Email" error={errors.email?.message}>
        {(control) => (
          <input
            {...control}
            {...form.register('email')}
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
      <p className="auth__forgot">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
