import { ROLE_LABELS } from '@scorecard/contracts';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/PageHeader';
import { useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { RecruiterHome } from '../components/RecruiterHome';
import { hasRecruiterHome } from '../home-access';

export default function HomeRoute() {
  useDocumentTitle('Home');
  const { user, organization } = useSession();
  const firstName = user.name.trim().split(/\s+/)[0] ?? user.name;
  const isAdmin = user.role === 'admin';

  return (
    <>
      <PageHeader
        title={`Welcome, ${firstName}`}
        description={
          <>
            You’re signed in to <strong>{organization.name}</strong> as {ROLE_LABELS[user.role].toLowerCase()}.
          </>
        }
        actions={
          isAdmin ? (
            <Link to="/users" className="button button--secondary">
              Manage users
            </Link>
          ) : undefined
        }
      />
      {hasRecruiterHome(user.role) ? <RecruiterHome /> : <AccountHome />}
    </>
  );
}

/** Interviewers' home until their interviews have a page of their own: who they are, and who to ask. */
function AccountHome() {
  const { user, organization } = useSession();
  return (
    <div className="grid">
      <section className="card" aria-labelledby="home-account">
        <h2 id="home-account" className="card__title">
          Your account
        </h2>
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{user.name}</dd>
          </div>
          <div>
            <dt>Email</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Organization</dt>
            <dd>{organization.name}</dd>
          </div>
          <div>
            <dt>Role</dt>
            <dd>{ROLE_LABELS[user.role]}</dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="home-available">
        <h2 id="home-available" className="card__title">
          Available now
        </h2>
        <p>
          Your account is set up with the {ROLE_LABELS[user.role].toLowerCase()} role. An admin of {organization.name}{' '}
          manages who can sign in and which role each person has; ask them if something should change.
        </p>
        <p className="card__note">
          This is an early version of Scorecard. Signing in and managing the people of your organization work today;
          more will appear here as it ships.
        </p>
      </section>
    </div>
  );
}
