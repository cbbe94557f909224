import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { errorMessage, isApiError } from '@/lib/api';
import { useStartSso } from '../api/sso-queries';

/**
 * One box: a work email (its domain finds the organization) or the organization's short name.
 * On success the browser goes to the identity provider.
 */
export function SsoSignInForm({ returnTo }: { returnTo: string | undefined }) {
  const start = useStartSso();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    setFieldError(undefined);
    setFailure(null);
    const entered = value.trim();
    if (!entered) {
      setFieldError('Enter your work email or your organization’s short name.');
      return;
    }
    const body = entered.includes('@')
      ? { email: entered, ...(returnTo ? { returnTo } : {}) }
      : { organization: entered.toLowerCase(), ...(returnTo ? { returnTo } : {}) };
    try {
      const { redirectUrl } = await start.mutateAsync(body);
      window.location.assign(redirectUrl);
    } catch (error) {
      if (isApiError(error, 'sso_not_configured')) {
        setFailure(
          entered.includes('@')
            ? 'No organization signs in with single sign-on for this email domain. Check the address, try your organization’s short name, or sign in with your password.'
            : 'No organization with single sign-on has this short name. Check it, or sign in with your password.',
        );
      } else if (isApiError(error, 'validation_failed')) {
        setFieldError(
          entered.includes('@')
            ? 'Enter a valid email address, such as ada@example.com.'
            : 'A short name has lowercase letters, digits and hyphens, such as acme-inc.',
        );
      } else {
        setFailure(errorMessage(error));
      }
    }
  };

  return (
    <form
      className="form"
      noValidate
      aria-label="Sign in with SSO"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {failure ? (
        <Alert title="Single sign-on could not start" onDismiss={() => setFailure(null)}>
          <p>{failure}</p>
        </Alert>
      ) : null}
      <Field
        label="Work email or organization short name"
        error={fieldError}
        hint="For example ada@acme.com or acme-inc. Your admin can tell you the short name."
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            inputMode="email"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary button--block" disabled={start.isPending}>
        {start.isPending ? 'Finding your identity provider…' : 'Continue'}
      </button>
    </form>
  );
}
