import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCreateCandidate } from '../api/candidate-mutations';
import { canUseCandidates } from '../candidate-access';
import { newCandidateDefaults } from '../candidate-form';
import { CandidateForm } from '../components/CandidateForm';
import { NoCandidatesAccess } from '../components/NoCandidatesAccess';

export default function NewCandidateRoute() {
  useDocumentTitle('Add candidate');
  const { user } = useSession();
  const navigate = useNavigate();
  const create = useCreateCandidate();
  if (!canUseCandidates(user.role)) return <NoCandidatesAccess />;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link>
      </p>
      <PageHeader
        title="Add candidate"
        description="Record who they are, where they came from and what they want. You apply them to an opening next."
      />
      <div className="panel panel--padded">
        <CandidateForm
          label="Add candidate"
          defaultValues={newCandidateDefaults}
          submitLabel="Add candidate"
          pendingLabel="Adding…"
          onSubmit={async (request) => {
            const candidate = await create.mutateAsync(request);
            await navigate(`/candidates/${candidate.id}`, { state: { notice: `${candidate.name} added.` } });
          }}
          onCancel={() => void navigate('/candidates')}
        />
      </div>
    </>
  );
}
