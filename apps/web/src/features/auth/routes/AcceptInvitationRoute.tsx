import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '@/components/ui/States';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useAcceptInvitation, useInvitationInfo } from '../api/auth-mutations';
import { AuthLayout } from '../components/AuthLayout';
import { ChoosePasswordForm } from '../components/ChoosePasswordForm';
import { LinkProblem } from '../components/LinkProblem';
import { INVITATION_PROBLEMS, linkProblemOf } from '../link-problems';

const SIGN_IN_FOOTER = (
  <p>
    Already set your password? <Link to="/login">Sign in</Link>
  </p>
);

/** `/accept-invitation?token=…`: who is invited, a password to choose, then home, signed in. */
export default function AcceptInvitationRoute() {
  useDocumentTitle('Accept your invitation');
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  if (!token) {
    return (
      <AuthLayout title="Accept your invitation" footer={SIGN_IN_FOOTER}>
        <LinkProblem copy={INVITATION_PROBLEMS.missing} />
      </AuthLayout>
    );
  }
  return <AcceptInvitation token={token} />;
}

function AcceptInvitation({ token }: { token: string }) {
  const navigate = useNavigate();
  const info = useInvitationInfo(token);
  const accept = useAcceptInvitation();
  const problem = linkProblemOf(accept.error) ?? linkProblemOf(info.error);

  if (problem) {
    const copy = INVITATION_PROBLEMS[problem];
    return (
      <AuthLayout title="Accept your invitation" footer={SIGN_IN_FOOTER}>
        <LinkProblem copy={copy} action={problem === 'token_used' ? { to: '/login', label: 'Sign in' } : undefined} />
      </AuthLayout>
    );
  }
  if (info.isPending) {
    return (
      <AuthLayout title="Accept your invitation">
        <LoadingState label="Checking your invitation…" />
      </AuthLayout>
    );
  }
  if (info.isError) {
    return (
      <AuthLayout title="Accept your invitation" footer={SIGN_IN_FOOTER}>
        <LinkProblem
          copy={{ title: 'We couldn’t check your invitation', text: 'Something went wrong on our side.' }}
          error={info.error}
          onRetry={() => void info.refetch()}
          retrying={info.isFetching}
        />
      </AuthLayout>
    );
  }
  const { organizationName, name, email } = info.data;
  return (
    <AuthLayout
      title={`Join ${organizationName} as ${name}`}
      lead={
        <>
          Choose a password to finish setting up your account. You’ll sign in as <strong>{email}</strong>.
        </>
      }
      footer={SIGN_IN_FOOTER}
    >
      <ChoosePasswordForm
        label="Accept invitation"
        email={email}
        submitLabel="Join and sign in"
        pendingLabel="Joining…"
        pending={accept.isPending}
        error={accept.error}
        submit={(password) => accept.mutateAsync({ token, password }).then(() => navigate('/', { replace: true }))}
      />
    </AuthLayout>
  );
}
