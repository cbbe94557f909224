import { STAGE_LABELS, Uuid, type Debrief } from '@scorecard/contracts';
import { Link, useParams } from 'react-router';
import { Badge } from '../../../components/ui/Badge';
import { PageHeader } from '../../../components/ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/States';
import { isApiError } from '../../../lib/api';
import { useSession } from '../../../lib/session';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDebrief } from '../api/debrief-queries';
import { useDebriefEvents, type DebriefLive } from '../api/use-debrief-events';
import { DecisionPanel } from '../components/DecisionPanel';
import { DiscussFirst } from '../components/DiscussFirst';
import { MissingSection } from '../components/MissingSection';
import { RedFlagsSection } from '../components/RedFlagsSection';
import { ScorecardsSection } from '../components/ScorecardsSection';
import { ScoresTable } from '../components/ScoresTable';
import { TallySection } from '../components/TallySection';
import { canDecide, isHiringTeam } from '../debrief-access';
import { formatDateTime, formatMean, plural, statDetail, updateMessage } from '../debrief-copy';
import '../debriefs.css';

export default function DebriefRoute() {
  const { id = '' } = useParams();
  const validId = Uuid.safeParse(id).success;
  const debrief = useDebrief(validId ? id : null);
  const live = useDebriefEvents(id, validId && debrief.isSuccess);
  useDocumentTitle(debrief.data ? `Debrief · ${debrief.data.application.candidate.name}` : 'Debrief');

  if (!validId || isApiError(debrief.error, 'not_found')) {
    return (
      <>
        <PageHeader title="Debrief not found" />
        <EmptyState
          title="This application doesn’t exist"
          action={
            <Link to="/" className="button button--secondary">
              Back to home
            </Link>
          }
        >
          <p>It may have been removed, or the link is incomplete.</p>
        </EmptyState>
      </>
    );
  }
  if (isApiError(debrief.error, 'forbidden')) return <DebriefLocked detail={debrief.error.detail} />;
  if (debrief.isPending) return <LoadingState label="Loading the debrief…" />;
  if (debrief.isError) {
    return (
      <>
        <PageHeader title="Debrief" />
        <ErrorState
          title="Couldn’t load the debrief"
          error={debrief.error}
          onRetry={() => void debrief.refetch()}
          retrying={debrief.isFetching}
        />
      </>
    );
  }
  return <DebriefPage debrief={debrief.data} live={live} />;
}

/** The independence rule: the API's own words, calmly, and nothing of the panel's feedback. */
function DebriefLocked({ detail }: { detail: string | undefined }) {
  const { user } = useSession();
  return (
    <>
      <PageHeader title="Debrief" />
      <div className="state state--locked debrief-locked">
        <h2 className="state__title">This debrief isn’t open to you yet</h2>
        <p className="state__text">
          {detail ?? 'You see the panel’s feedback once your own scorecard for this candidate is submitted.'}
        </p>
        <p className="state__text">
          Interviewers score independently: nobody’s feedback is shown to someone who still has theirs to give.
        </p>
        <Link to={isHiringTeam(user.role) ? '/openings' : '/interviews'} className="button button--secondary">
          {isHiringTeam(user.role) ? 'Back to openings' : 'Go to my interviews'}
        </Link>
      </div>
    </>
  );
}

function DebriefPage({ debrief, live }: { debrief: Debrief; live: DebriefLive }) {
  const { user } = useSession();
  const { application: a, overall } = debrief;
  const team = isHiringTeam(user.role);
  const role = [a.candidate.currentTitle, a.candidate.currentCompany].filter(Boolean).join(' at ');
  const submitted = debrief.scorecards.length;
  const expected = submitted + debrief.pending.length;
  const overdue = debrief.pending.filter((p) => p.overdue).length;
  return (
    <div className="debrief-page">
      <p className="breadcrumb debrief-no-print">
        {team ? (
          <>
            <Link to={`/openings/${a.opening.id}/pipeline`}>Pipeline: {a.opening.title}</Link> /{' '}
            <Link to={`/applications/${a.id}`}>{a.candidate.name}</Link>
          </>
        ) : (
          <Link to="/interviews">My interviews</Link>
        )}
      </p>
      <PageHeader
        title={`Debrief: ${a.candidate.name}`}
        description={
          <>
            {a.opening.title}
            {role ? ` · ${role}` : ''}
          </>
        }
        actions={
          <>
            <LiveIndicator status={live.status} />
            {team ? (
              <Link
                to={`/openings/${a.opening.id}/compare?ids=${a.id}`}
                className="button button--secondary debrief-no-print"
              >
                Compare candidates
              </Link>
            ) : null}
            <button type="button" className="button button--secondary debrief-no-print" onClick={() => window.print()}>
              Print
            </button>
          </>
        }
      />
      <p className="debrief-update debrief-no-print" role="status" aria-live="polite">
        {live.update ? updateMessage(live.update.kind) : ''}
      </p>
      <p className="debrief-print-only">
        Printed from Scorecard on {formatDateTime(new Date().toISOString())}. Hiring manager:{' '}
        {a.opening.hiringManager?.name ?? 'not set'}.
      </p>
      <dl className="debrief-summary">
        <div className="debrief-summary__item">
          <dt>Stage</dt>
          <dd>
            <Badge tone="accent">{STAGE_LABELS[a.stage]}</Badge>
          </dd>
        </div>
        <div className="debrief-summary__item">
          <dt>Overall</dt>
          <dd>
            {overall.score === null ? (
              'No scores yet'
            ) : (
              <>
                <span className="debrief-summary__big">{formatMean(overall.score)}</span>
                {overall.stat ? <span className="muted"> ({statDetail(overall.stat)})</span> : null}
              </>
            )}
          </dd>
        </div>
        <div className="debrief-summary__item">
          <dt>Scorecards</dt>
          <dd>
            {submitted} of {expected} in
            {overdue > 0 ? <span className="overdue-tag">{plural(overdue, 'overdue', 'overdue')}</span> : null}
          </dd>
        </div>
        <div className="debrief-summary__item">
          <dt>Red flags</dt>
          <dd>
            {debrief.dealbreaker ? (
              <span className="severity severity--dealbreaker">Dealbreaker flagged</span>
            ) : debrief.redFlags.length > 0 ? (
              plural(debrief.redFlags.length, 'concern')
            ) : (
              'None'
            )}
          </dd>
        </div>
      </dl>
      <DecisionPanel debrief={debrief} canDecide={canDecide(user, debrief)} />
      <DiscussFirst debrief={debrief} />
      <ScoresTable debrief={debrief} />
      <div className="debrief-pair">
        <TallySection debrief={debrief} />
        <MissingSection debrief={debrief} />
      </div>
      <RedFlagsSection debrief={debrief} />
      <ScorecardsSection debrief={debrief} />
    </div>
  );
}

function LiveIndicator({ status }: { status: DebriefLive['status'] }) {
  if (status === 'connecting') return null;
  return (
    <span
      className={`live-indicator live-indicator--${status} debrief-no-print`}
      title={
        status === 'live'
          ? 'New scorecards and decisions appear here as they arrive.'
          : 'The live connection dropped; trying again.'
      }
    >
      <span className="live-indicator__dot" aria-hidden="true" />
      {status === 'live' ? 'Live' : 'Reconnecting…'}
    </span>
  );
}
