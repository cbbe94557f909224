import { Uuid } from '@scorecard/contracts';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useUpdateCandidate } from '../api/candidate-mutations';
import { useCandidate } from '../api/candidate-queries';
import { canUseCandidates } from '../candidate-access';
import { candidateFormValues } from '../candidate-form';
import { CandidateForm } from '../components/CandidateForm';
import { CandidateNotFound } from '../components/CandidateNotFound';
import { NoCandidatesAccess } from '../components/NoCandidatesAccess';

export default function EditCandidateRoute() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const navigate = useNavigate();
  const allowed = canUseCandidates(user.role);
  const validId = Uuid.safeParse(id).success;
  const candidate = useCandidate(validId && allowed ? id : null);
  const update = useUpdateCandidate(id);
  /** The revision the edit started from; a reload after a conflict starts again from the newest. */
  const [revision, setRevision] = useState<number | null>(null);
  useDocumentTitle(candidate.data ? `Edit ${candidate.data.name}` : 'Edit candidate');
  // Pin the revision the edit started from, so a background refetch never resets the form.
  useEffect(() => {
    if (candidate.data && revision === null) setRevision(candidate.data.revision);
  }, [candidate.data, revision]);

  if (!allowed || isApiError(candidate.error, 'forbidden')) return <NoCandidatesAccess />;
  if (!validId || isApiError(candidate.error, 'not_found')) return <CandidateNotFound />;
  if (candidate.isPending) return <LoadingState label="Loading the candidate…" />;
  if (candidate.isError) {
    return (
      <>
        <PageHeader title="Edit candidate" />
        <ErrorState
          title="Couldn’t load this candidate"
          error={candidate.error}
          onRetry={() => void candidate.refetch()}
          retrying={candidate.isFetching}
        />
      </>
    );
  }
  const c = candidate.data;
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
  const base = revision ?? c.revision;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/candidates">Candidates</Link> / <Link to={`/candidates/${c.id}`}>{c.name}</Link>
      </p>
      <PageHeader title={`Edit ${c.name}`} />
      <div className="panel panel--padded">
        <CandidateForm
          key={base}
          label="Edit candidate"
          defaultValues={candidateFormValues(c)}
          submitLabel="Save changes"
          pendingLabel="Saving…"
          onSubmit={async (request) => {
            const saved = await update.mutateAsync({ ...request, revision: base });
            await navigate(`/candidates/${saved.id}`, { state: { notice: 'Changes saved.' } });
          }}
          onCancel={() => void navigate(`/candidates/${c.id}`)}
          onReload={() =>
            void candidate.refetch().then((fresh) => {
              if (fresh.data) setRevision(fresh.data.revision);
            })
          }
        />
      </div>
    </>
  );
}
