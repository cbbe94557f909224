import { zodResolver } from '@hookform/resolvers/zod';
import { Password, PASSWORD_MIN_LENGTH } from '@scorecard/contracts';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { PasswordInput } from '@/components/ui/PasswordInput';
import { ApiError, errorMessage } from '@/lib/api';
import { applyServerFieldErrors } from '@/lib/forms';
import { linkProblemOf } from '../link-problems';

const ChoosePassword = z.strictObject({ password: Password });
type ChoosePassword = z.infer<typeof ChoosePassword>;

type ChoosePasswordFormProps = {
  label: string;
  /** The account's email, for password managers (a read-only username field). */
  email?: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  error: unknown;
  /** Sends the password; a rejection is shown (a link problem by the page, field errors on the field). */
  submit: (password: string) => Promise<unknown>;
};

/** A new password with the 12-character rule shown; a link problem is the page's to show, not the form's. */
export function ChoosePasswordForm(props: ChoosePasswordFormProps) {
  const form = useForm<ChoosePassword>({ resolver: zodResolver(ChoosePassword), defaultValues: { password: '' } });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit(async ({ password }) => {
    try {
      await props.submit(password);
    } catch (err) {
      applyServerFieldErrors(err, form.setError, ['password']);
    }
  });
  const error = props.error;
  const showError =
    Boolean(error) && linkProblemOf(error) === null && !(error instanceof ApiError && error.fieldErrors.length > 0);

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={props.label}>
      {showError ? <Alert>{errorMessage(error)}</Alert> : null}
      {props.email ? (
        <input type="email" name="username" autoComplete="username" value={props.email} readOnly hidden />
      ) : null}
      <Field
        label="New password"
        error={errors.password?.message}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong one.`}
      >
        {(control) => (
          <PasswordInput {...control} {...form.register('password')} autoComplete="new-password" autoFocus />
        )}
      </Field>
      <button type="submit" className="button button--primary button--block" disabled={props.pending}>
        {props.pending ? props.pendingLabel : props.submitLabel}
      </button>
    </form>
  );
}
