import { zodResolver } from '@hookform/resolvers/zod';
import { PasswordResetRequest } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useRequestPasswordReset } from '../api/auth-mutations';
import { AuthLayout } from '../components/AuthLayout';

type ResetInput = z.input<typeof PasswordResetRequest>;

const FOOTER = (
  <p>
    Remembered it? <Link to="/login">Sign in</Link>
  </p>
);

/** `/forgot-password`: an email address in, always the same answer out (no account enumeration). */
export default function ForgotPasswordRoute() {
  useDocumentTitle('Reset your password');
  const request = useRequestPasswordReset();
  const form = useForm<ResetInput, unknown, PasswordResetRequest>({
    resolver: zodResolver(PasswordResetRequest),
    defaultValues: { email: '' },
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => {
    request.mutate(values, { onError: (error) => applyServerFieldErrors(error, form.setError, ['email']) });
  });

  if (request.isSuccess) {
    return (
      <AuthLayout title="Check your email" footer={FOOTER}>
        <Alert tone="info">{request.data.message}</Alert>
        <p className="auth__lead">
          Didn’t get it? Check your spam folder, or{' '}
          <button type="button" className="link-button" onClick={() => request.reset()}>
            try another address
          </button>
          .
        </p>
      </AuthLayout>
    );
  }
  const showError =
    request.isError && !(request.error instanceof ApiError && request.error.code === 'validation_failed');
  return (
    <AuthLayout
      title="Reset your password"
      lead="Enter the email you sign in with. We’ll send you a link to choose a new password."
      footer={FOOTER}
    >
      <form className="form" onSubmit={onSubmit} noValidate aria-label="Reset your password">
        {showError ? <Alert>{errorMessage(request.error)}</Alert> : null}
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
        <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send the link'}
        </button>
      </form>
    </AuthLayout>
  );
}
