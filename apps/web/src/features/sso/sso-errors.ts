import type { SsoErrorCode } from '@scorecard/contracts';

/** What `/sso?error=<code>` tells the person after a sign-in through the identity provider failed. */
export const SSO_ERROR_MESSAGES: Record<SsoErrorCode, string> = {
  sso_failed:
    'Your identity provider’s answer could not be verified, so you are not signed in. Try again; if it keeps happening, ask an admin to check the single sign-on settings.',
  sso_not_configured: 'Single sign-on is not turned on for this organization. Sign in with your password instead.',
  account_deactivated: 'Your account has been deactivated. Ask an admin of your organization.',
  domain_not_allowed:
    'Your identity provider signed you in with an email address this organization does not accept. Ask an admin to add your email domain.',
  expired: 'The sign-in took too long or was started in another browser. Start again.',
  cancelled: 'The sign-in was cancelled at your identity provider.',
};

export function ssoErrorMessage(code: string | null): string | null {
  if (!code) return null;
  return (SSO_ERROR_MESSAGES as Record<string, string>)[code] ?? SSO_ERROR_MESSAGES.sso_failed;
}
