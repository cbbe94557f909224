import type { Candidate } from '@scorecard/contracts';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryPage, useIdParam } from '@/components/ui/PageStates';
import { EmptyState } from '@/components/ui/States';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUpdateCandidate } from '../api/candidate-mutations';
import { useCandidate } from '../api/candidate-queries';
import { canUseCandidates } from '../candidate-access';
import { candidateFormValues } from '../candidate-form';
import { CandidateForm } from '../components/CandidateForm';
import { CANDIDATE_COPY, candidateGates } from '../components/candidate-page-states';

export default function EditCandidateRoute() {
  const id = useIdParam();
  const { user } = useSession();
  const allowed = canUseCandidates(user.role);
  const candidate = useCandidate(allowed ? id : null);
  useDocumentTitle(candidate.data ? `Edit ${candidate.data.name}` : 'Edit candidate');
  return (
    <QueryPage query={candidate} copy={{ ...CANDIDATE_COPY, title: 'Edit candidate' }} {...candidateGates(allowed, id)}>
      {(c) => <EditCandidatePage candidate={c} reload={() => candidate.refetch().then((fresh) => fresh.data)} />}
    </QueryPage>
  );
}

function EditCandidatePage({
  candidate: c,
  reload,
}: {
  candidate: Candidate;
  reload: () => Promise<Candidate | undefined>;
}) {
  const navigate = useNavigate();
  const update = useUpdateCandidate(c.id);
  /** The revision the edit started from; a reload after a conflict starts again from the newest. */
  const [revision, setRevision] = useState(c.revision);
  if (c.erasedAt !== null) {
    return (
      <>
        <p className="breadcrumb">
          <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${c.id}`}>{c.name}</Link>
        </p>
        <PageHeader title="Edit candidate" />
        <EmptyState title="This candidate can’t be edited">
          <p>Their personal data was erased, so their record no longer changes.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${c.id}`}>{c.name}</Link>
      </p>
      <PageHeader title={`Edit ${c.name}`} />
      <div className="panel panel--padded">
        <CandidateForm
          key={revision}
          label="Edit candidate"
          defaultValues={candidateFormValues(c)}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          onSubmit={async (request) => {
            const saved = await update.mutateAsync({ ...request, revision });
            await navigate(`/candidates/${saved.id}`, { state: { notice: 'Changes saved.' } });
          }}
          onCancel={() => void navigate(`/candidates/${c.id}`)}
          onReload={() =>
            void reload().then((fresh) => {
              if (fresh) setRevision(fresh.revision);
            })
          }
        />
      </div>
    </>
  );
}
