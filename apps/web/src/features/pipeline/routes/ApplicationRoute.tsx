import { STAGE_LABELS, Uuid, type Application } from '@scorecard/contracts';
import { allowedMoves } from '@scorecard/domain';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { PageHeader } from '@/components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { InterviewsChanged, InterviewsSection } from '@/features/interviews';
import { useApplication, useRefreshAfterInterviews } from '../api/pipeline-queries';
import { MoveDialog } from '../components/MoveDialog';
import { NoPipelineAccess } from '../components/NoPipelineAccess';
import { StageTimeline } from '../components/StageTimeline';
import { UndoToast } from '../components/UndoToast';
import { canUsePipeline } from '../pipeline-access';
import { isFinal, timeInStage } from '../pipeline-copy';
import { useStageMover } from '../use-stage-mover';

export default function ApplicationRoute() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const allowed = canUsePipeline(user.role);
  const validId = Uuid.safeParse(id).success;
  const application = useApplication(validId && allowed ? id : null);
  useDocumentTitle(
    application.data ? `${application.data.candidate.name} · ${application.data.opening.title}` : 'Application',
  );

  if (!allowed || isApiError(application.error, 'forbidden')) return <NoPipelineAccess title="Application" />;
  if (!validId || isApiError(application.error, 'not_found')) {
    return (
      <>
        <PageHeader title="Application not found" />
        <EmptyState
          title="This application doesn’t exist"
          action={
            <Link to="/candidates" className="button button--secondary">
              Back to candidates
            </Link>
          }
        >
          <p>It may have been removed, or the link is incomplete.</p>
        </EmptyState>
      </>
    );
  }
  if (application.isPending) return <LoadingState label="Loading the application…" />;
  if (application.isError) {
    return (
      <>
        <PageHeader title="Application" />
        <ErrorState
          title="Couldn’t load this application"
          error={application.error}
          onRetry={() => void application.refetch()}
          retrying={application.isFetching}
        />
      </>
    );
  }
  return <ApplicationPage application={application.data} refetch={() => void application.refetch()} />;
}

function ApplicationPage({ application: a, refetch }: { application: Application; refetch: () => void }) {
  const refreshAfterInterviews = useRefreshAfterInterviews();
  const mover = useStageMover({
    onMoved: () => requestAnimationFrame(() => document.getElementById('move-button')?.focus()),
    onStale: refetch,
  });
  const subject = { applicationId: a.id, name: a.candidate.name, stage: a.stage, version: a.version };
  const role = [a.candidate.currentTitle, a.candidate.currentCompany].filter(Boolean).join(' at ');
  const final = isFinal(a.stage);
  // `?schedule=<competency key>`: the debrief's "Add an interview" for an evidence gap.
  const [search, setSearch] = useSearchParams();
  const scheduleFor = search.get('schedule');
  const scheduleHandled = () =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('schedule');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/openings/${a.opening.id}/pipeline`}>Pipeline: {a.opening.title}</Link>
      </p>
      <PageHeader
        title={`${a.candidate.name} for ${a.opening.title}`}
        description={role || undefined}
        actions={
          <>
            <Link to={`/applications/${a.id}/debrief`} className="button button--secondary">
              Debrief
            </Link>
            <Link to={`/candidates/${a.candidate.id}`} className="button button--secondary">
              Candidate profile
            </Link>
          </>
        }
      />
      <UndoToast mover={mover} />
      <div className="visually-hidden" aria-live="polite" role="status">
        {mover.liveAnnouncement}
      </div>
      {mover.failure ? (
        <Alert title="Not moved" onDismiss={mover.clearFailure}>
          {mover.failure}
        </Alert>
      ) : null}
      <div className="application-page">
        <section className="panel panel--padded application-stage" aria-labelledby="stage-title">
          <h2 id="stage-title" className="section-header__title">
            Stage
          </h2>
          <p className="application-stage__now">
            <Badge tone={a.stage === 'hired' ? 'success' : final ? 'muted' : 'accent'}>{STAGE_LABELS[a.stage]}</Badge>
            <span className="muted">{timeInStage(a.stageEnteredAt, Date.now())} in this stage</span>
          </p>
          {allowedMoves(a.stage).length > 0 ? (
            <button
              id="move-button"
              type="button"
              className="button button--primary"
              disabled={mover.pending}
              onClick={() => mover.request(subject)}
            >
              Move…
            </button>
          ) : (
            <p className="muted">{STAGE_LABELS[a.stage]} is final. Apply the candidate again to reconsider.</p>
          )}
        </section>
        <section className="panel panel--padded" aria-labelledby="timeline-title">
          <h2 id="timeline-title" className="section-header__title">
            Timeline
          </h2>
          <StageTimeline history={a.history} interviewEvents={a.interviewEvents} />
        </section>
        <InterviewsChanged.Provider value={refreshAfterInterviews}>
          <InterviewsSection application={a} scheduleFor={scheduleFor} onScheduleForHandled={scheduleHandled} />
        </InterviewsChanged.Provider>
      </div>
      <MoveDialog mover={mover} />
    </>
  );
}
