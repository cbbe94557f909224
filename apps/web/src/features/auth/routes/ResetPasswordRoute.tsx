import { Link, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useConfirmPasswordReset } from '../api/auth-mutations';
import { AuthLayout } from '../components/AuthLayout';
import { ChoosePasswordForm } from '../components/ChoosePasswordForm';
import { LinkProblem } from '../components/LinkProblem';
import { linkProblemOf, RESET_PROBLEMS } from '../link-problems';

const FOOTER = (
  <p>
    Remembered it? <Link to="/login">Sign in</Link>
  </p>
);

const NEW_LINK = { to: '/forgot-password', label: 'Ask for a new link' };

/** `/reset-password?token=…`: a new password, which signs out every other session and signs in here. */
export default function ResetPasswordRoute() {
  useDocumentTitle('Choose a new password');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const confirm = useConfirmPasswordReset();
  const problem = token ? linkProblemOf(confirm.error) : 'missing';

  if (problem) {
    return (
      <AuthLayout title="Choose a new password" footer={FOOTER}>
        <LinkProblem copy={RESET_PROBLEMS[problem]} action={problem === 'token_used' ? undefined : NEW_LINK} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout
      title="Choose a new password"
      lead="Once it’s set, you’re signed in here and signed out everywhere else."
      footer={FOOTER}
    >
      <ChoosePasswordForm
        label="Choose a new password"
        submitLabel="Set password and sign in"
        pendingLabel="Saving…"
        pending={confirm.isPending}
        error={confirm.error}
        submit={(password) => confirm.mutateAsync({ token, password }).then(() => navigate('/', { replace: true }))}
      />
    </AuthLayout>
  );
}
