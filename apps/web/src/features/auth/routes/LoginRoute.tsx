import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { safeNextPath } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthLayout } from '../components/AuthLayout';
import { LoginForm } from '../components/LoginForm';

export default function LoginRoute() {
  useDocumentTitle('Sign in');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');

  return (
    <AuthLayout
      title="Sign in to Scorecard"
      footer={
        <>
          <p>
            Your company uses an identity provider?{' '}
            <Link to={next ? `/sso?next=${encodeURIComponent(next)}` : '/sso'}>Sign in with SSO</Link>
          </p>
          <p>
            New to Scorecard? <Link to="/signup">Create an organization</Link>
          </p>
        </>
      }
    >
      {next ? <Alert tone="info">Sign in to continue where you left off.</Alert> : null}
      <LoginForm onSignedIn={() => void navigate(safeNextPath(next), { replace: true })} />
    </AuthLayout>
  );
}
