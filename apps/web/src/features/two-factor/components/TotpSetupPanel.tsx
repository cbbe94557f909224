import type { TwoFactorSetup } from '@scorecard/contracts';
import '../two-factor.css';
import { groupedSecret } from './two-factor-text';

/**
 * Step one of setting up two-factor sign-in: the QR code to scan with an authenticator app, and the
 * same secret as text for apps (or people) that cannot scan.
 */
export function TotpSetupPanel({ setup }: { setup: TwoFactorSetup }) {
  return (
    <div className="totp-setup">
      <div
        className="totp-setup__qr"
        role="img"
        aria-label="QR code to scan with your authenticator app"
        // The SVG is drawn by the API (uqr) from the otpauth URI: paths only, no script or links.
        dangerouslySetInnerHTML={{ __html: setup.qrSvg }}
      />
      <div className="totp-setup__text">
        <p>
          Scan the QR code with an authenticator app (1Password, Google Authenticator, Microsoft Authenticator, Authy…).
        </p>
        <p className="field__hint">Can’t scan it? Enter this key in the app instead (time-based, 6 digits):</p>
        <code className="totp-setup__key" aria-label="Setup key">
          {groupedSecret(setup.secret)}
        </code>
      </div>
    </div>
  );
}
