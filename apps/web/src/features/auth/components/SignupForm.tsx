import { zodResolver } from '@hookform/resolvers/zod';
import { PASSWORD_MIN_LENGTH, SignupRequest } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { PasswordInput } from '@/components/ui/PasswordInput';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { useSignup } from '../api/auth-mutations';

type SignupInput = z.input<typeof SignupRequest>;
const FIELDS = ['organizationName', 'name', 'email', 'password'] as const;

export function SignupForm({ onSignedUp }: { onSignedUp: () => void }) {
  const signup = useSignup();
  const form = useForm<SignupInput, unknown, SignupRequest>({
    resolver: zodResolver(SignupRequest),
    defaultValues: { organizationName: '', name: '', email: '', password: '' },
  });
  const { errors } = form.formState;

  const onSubmit = form.handleSubmit((values) => {
    signup.mutate(values, {
      onSuccess: onSignedUp,
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'email_taken') {
          form.setError(
            'email',
            {
              type: 'server',
              message: 'An account with this email already exists. Sign in instead, or use another email.',
            },
            { shouldFocus: true },
          );
          return;
        }
        applyServerFieldErrors(error, form.setError, FIELDS);
      },
    });
  });

  const error = signup.error;
  const showFormError =
    signup.isError &&
    !(error instanceof ApiError && (error.code === 'validation_failed' || error.code === 'email_taken'));

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create your organization">
      {showFormError ? <Alert>{errorMessage(error)}</Alert> : null}
      <Field
        label="Organization name"
        error={errors.organizationName?.message}
        hint="Usually your company’s name. You can invite your team next."
      >
        {(control) => (
          <input
            {...control}
            {...form.register('organizationName')}
            className="input"
            autoComplete="organization"
            autoFocus
          />
        )}
      </Field>
      <Field label="Your name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register('name')} className="input" autoComplete="name" />}
      </Field>
      <Field label="Work email" error={errors.email?.message}>
        {(control) => (
          <input {...control} {...form.register('email')} className="input" type="email" autoComplete="email" />
        )}
      </Field>
      <Field label="Password" error={errors.password?.message} hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}>
        {(control) => <PasswordInput {...control} {...form.register('password')} autoComplete="new-password" />}
      </Field>
      <button type="submit" className="button button--primary button--block" disabled={signup.isPending}>
        {signup.isPending ? 'Creating your organization…' : 'Create organization'}
      </button>
    </form>
  );
}
