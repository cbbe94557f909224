import { Link, useNavigate } from 'react-router';
import { useDocumentTitle } from '@/lib/use-document-title';
import { AuthLayout } from '../components/AuthLayout';
import { SignupForm } from '../components/SignupForm';

export default function SignupRoute() {
  useDocumentTitle('Create your organization');
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Create your organization"
      lead="Set up Scorecard for your hiring team. You’ll be its first admin."
      footer={
        <p>
          Already have an account? <Link to="/login">Sign in</Link>
        </p>
      }
    >
      <SignupForm onSignedUp={() => void navigate('/', { replace: true })} />
    </AuthLayout>
  );
}
