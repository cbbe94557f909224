import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCreateOpening } from '../api/opening-mutations';
import { NoOpeningsAccess } from '../components/NoOpeningsAccess';
import { OpeningForm } from '../components/OpeningForm';
import { canEditOpenings, canReadOpenings } from '../opening-access';
import { newOpeningDefaults } from '../opening-form';

export default function NewOpeningRoute() {
  useDocumentTitle('New opening');
  const { user } = useSession();
  const navigate = useNavigate();
  const create = useCreateOpening();

  if (!canReadOpenings(user.role)) return <NoOpeningsAccess />;
  if (!canEditOpenings(user.role)) {
    return (
      <>
        <PageHeader title="New opening" />
        <div className="state state--locked" role="status">
          <h2 className="state__title">Only admins and hiring managers create openings</h2>
          <p className="state__text">You can follow every opening from the list.</p>
          <Link className="button button--secondary" to="/openings">
            Back to openings
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <p className="breadcrumb">
        <Link to="/openings">Openings</Link>
      </p>
      <PageHeader
        title="New opening"
        description="Describe the role as candidates will hear it. It starts as a draft; you build the interview plan next."
      />
      <div className="panel panel--padded">
        <OpeningForm
          label="New opening"
          isNew
          defaultValues={newOpeningDefaults(user.role === 'hiring_manager' ? user.id : null)}
          submitLabel="Create opening"
          pendingLabel="Creating…"
          onSubmit={async (request) => {
            const opening = await create.mutateAsync(request);
            await navigate(`/openings/${opening.id}`);
          }}
          onCancel={() => void navigate('/openings')}
        />
      </div>
    </>
  );
}
