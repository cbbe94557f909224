import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { CenteredPage } from '@/components/ui/CenteredPage';
import { safeNextPath } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { SsoSignInForm } from '../components/SsoSignInForm';
import { ssoErrorMessage } from '../sso-errors';

/** The SSO sign-in page: find the organization by email domain or short name and go to its identity provider. */
export default function SsoSignInRoute() {
  useDocumentTitle('Sign in with SSO');
  const [params] = useSearchParams();
  const error = ssoErrorMessage(params.get('error'));
  const next = params.get('next');
  return (
    <CenteredPage
      footer={
        <p>
          Have a password?{' '}
          <Link to={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>Sign in with your password</Link>
        </p>
      }
    >
      <h1 className="auth__title" tabIndex={-1} data-page-heading="">
        Sign in with SSO
      </h1>
      <p className="auth__lead">
        Sign in through your company’s identity provider (Okta, Microsoft Entra ID, Google…).
      </p>
      {error ? (
        <Alert title="You are not signed in">
          <p>{error}</p>
        </Alert>
      ) : null}
      <SsoSignInForm returnTo={next ? safeNextPath(next) : undefined} />
    </CenteredPage>
  );
}
