import { useState } from 'react';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { errorMessage } from '@/lib/api';
import { useTwoFactorPolicy, useUpdateTwoFactorPolicy } from '../api/two-factor-queries';

/** Admins: require two-factor sign-in for every password account of the organization (asks first). */
export function PolicySection() {
  const policy = useTwoFactorPolicy(true);
  const update = useUpdateTwoFactorPolicy();
  const [asking, setAsking] = useState(false);

  const required = policy.data?.required ?? false;
  const close = () => {
    update.reset();
    setAsking(false);
  };

  return (
    <section className="two-factor__section" aria-labelledby="two-factor-policy-title">
      <h2 id="two-factor-policy-title" className="two-factor__heading">
        Your organization
      </h2>
      {policy.isPending ? (
        <LoadingState label="Loading the organization’s setting…" />
      ) : policy.isError ? (
        <ErrorState
          title="The organization’s setting could not be loaded"
          error={policy.error}
          onRetry={() => void policy.refetch()}
          retrying={policy.isFetching}
        />
      ) : (
        <div className="two-factor__policy">
          <input
            id="two-factor-required"
            type="checkbox"
            className="checkbox"
            checked={required}
            aria-describedby="two-factor-required-hint"
            onChange={() => setAsking(true)}
          />
          <div>
            <label htmlFor="two-factor-required" className="two-factor__policy-label">
              Require two-factor sign-in for password accounts
            </label>
            <p id="two-factor-required-hint" className="field__hint">
              People who sign in with a password and have no two-factor yet set it up at their next sign-in. People who
              sign in through single sign-on are not affected.
            </p>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={asking}
        onClose={close}
        title={required ? 'Stop requiring two-factor sign-in?' : 'Require two-factor sign-in?'}
        description={
          required
            ? 'People may then turn their two-factor sign-in off. Those who use it keep it.'
            : 'Everyone who signs in with a password will need a code from an authenticator app. Those without two-factor set it up at their next sign-in; sessions already open stay open.'
        }
        failure={update.isError ? <Alert>{errorMessage(update.error)}</Alert> : null}
        confirmLabel={required ? 'Stop requiring' : 'Require two-factor'}
        pendingLabel="Saving…"
        pending={update.isPending}
        danger={required}
        onConfirm={() => update.mutate({ required: !required }, { onSuccess: close })}
      />
    </section>
  );
}
