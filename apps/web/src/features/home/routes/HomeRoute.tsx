import { ROLE_LABELS } from '@scorecard/contracts';
import { Link } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { HiringManagerHome } from '../components/HiringManagerHome';
import { InterviewerHome } from '../components/InterviewerHome';
import { RecruiterHome } from '../components/RecruiterHome';
import { homeFor } from '../home-access';

const DESCRIPTIONS = {
  interviewer: 'Your interviews and the scorecards you owe, most urgent first.',
  hiring_manager: 'The decisions waiting on you, your openings and the scorecards you owe.',
  recruiter: 'Your openings, what is stuck and the feedback to chase.',
} as const;

export default function HomeRoute() {
  useDocumentTitle('Home');
  const { user, organization } = useSession();
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;
  const kind = homeFor(user.role);

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={
          <>
            You’re signed in to <strong>{organization.name}</strong> as {ROLE_LABELS[user.role].toLowerCase()}.{' '}
            {DESCRIPTIONS[kind]}
          </>
        }
        actions={
          user.role === 'admin' ? (
            <Link to="/users" className="button button--secondary">
              Manage users
            </Link>
          ) : undefined
        }
      />
      {kind === 'recruiter' ? (
        <RecruiterHome />
      ) : kind === 'hiring_manager' ? (
        <HiringManagerHome />
      ) : (
        <InterviewerHome />
      )}
    </>
  );
}
