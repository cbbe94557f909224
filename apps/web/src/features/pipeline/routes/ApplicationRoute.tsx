import { STAGE_LABELS, type Application } from '@scorecard/contracts';
import { allowedMoves } from '@scorecard/domain';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { Badge } from '@/components/ui/Badge';
import { PageHeader } from '@/components/ui/PageHeader';
import { NotFoundState, QueryPage, useIdParam } from '@/components/ui/PageStates';
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
  const id = useIdParam();
  const { user } = useSession();
  const allowed = canUsePipeline(user.role);
  const application = useApplication(allowed ? id : null);
  useDocumentTitle(
    application.data ? `${application.data.candidate.name} · ${application.data.opening.title}` : 'Application',
  );
  const notFound = (
    <NotFoundState
      title="Application not found"
      heading="This application doesn’t exist"
      back={{ to: '/candidates', label: 'Back to candidates' }}
    />
  );
  return (
    <QueryPage
      query={application}
      copy={{ title: 'Application', loading: 'Loading the application…', failed: 'Couldn’t load this application' }}
      noAccess={{ allowed, page: <NoPipelineAccess title="Application" /> }}
      notFound={{ found: id !== null, page: notFound }}
    >
      {(data) => <ApplicationPage application={data} refetch={() => void application.refetch()} />}
    </QueryPage>
  );
}

function ApplicationPage({ application: a, refetch }: { application: Application; refetch: () => void }) {
  const refreshAfterInterviews = useRefreshAfterInterviews();
  const mover = useStageMover({
    onMoved: () => requestAnimationFrame(() => document.getElementById('move-button')?.focus()),
    onStale: refetch,
  });
  const subject = { applicationId: a.id, name: a.candidate.name, stage: a.stage, revision: a.revision };
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
