import { useState } from 'react';
import type { TwoFactorStatus } from '@scorecard/contracts';
import { Badge } from '@/components/ui/Badge';
import { formatDateTime } from '@/lib/format-time';
import { DisableDialog, RegenerateDialog } from './CodeDialogs';
import { EnrolPanel } from './EnrolPanel';

/** The signed-in user's own two-factor sign-in: its state, set-up, recovery codes, turning it off. */
export function TwoFactorSettings({ status }: { status: TwoFactorStatus }) {
  const [enrolling, setEnrolling] = useState(false);
  const [dialog, setDialog] = useState<'regenerate' | 'disable' | null>(null);

  if (!status.available) {
    return (
      <section className="two-factor__section">
        <p>
          You sign in through your organization’s identity provider (single sign-on), so two-factor sign-in is managed
          there, not in Scorecard.
        </p>
      </section>
    );
  }

  return (
    <section className="two-factor__section" aria-labelledby="two-factor-mine-title">
      <h2 id="two-factor-mine-title" className="two-factor__heading">
        Your account
      </h2>
      <div className="two-factor__status">
        <Badge tone={status.enabled ? 'success' : 'neutral'}>{status.enabled ? 'On' : 'Off'}</Badge>
        <span>
          {status.enabled
            ? `Turned on ${status.enabledAt ? formatDateTime(status.enabledAt) : ''}. ${status.recoveryCodesLeft} of 10 recovery codes left.`
            : 'Sign-in asks only for your password.'}
        </span>
      </div>
      {status.required && !status.enabled ? (
        <p className="field__hint">Your organization requires two-factor sign-in: set it up now.</p>
      ) : null}
      {enrolling || !status.enabled ? (
        // Stays until the recovery codes are saved, though the status already says On.
        <EnrolPanel onStart={() => setEnrolling(true)} onDone={() => setEnrolling(false)} />
      ) : (
        <>
          {status.recoveryCodesLeft <= 3 ? (
            <p className="field__hint">Few recovery codes left: make new ones.</p>
          ) : null}
          <div className="two-factor__actions">
            <button type="button" className="button button--secondary" onClick={() => setDialog('regenerate')}>
              New recovery codes
            </button>
            {status.required ? (
              <span className="field__hint">Your organization requires two-factor sign-in, so it stays on.</span>
            ) : (
              <button type="button" className="button button--danger" onClick={() => setDialog('disable')}>
                Turn off
              </button>
            )}
          </div>
        </>
      )}
      <RegenerateDialog open={dialog === 'regenerate'} onClose={() => setDialog(null)} />
      <DisableDialog open={dialog === 'disable'} onClose={() => setDialog(null)} />
    </section>
  );
}
