import { RATINGS_VIEW_LABELS, RatingsView, STAGE_LABELS, type Debrief } from '@scorecard/contracts';
import { FINAL_STAGES } from '@scorecard/domain';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Badge } from '@/components/ui/Badge';
import { PageHeader } from '@/components/ui/PageHeader';
import { NotFoundState, QueryPage, useIdParam } from '@/components/ui/PageStates';
import { isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { MeetingCard } from '@/features/meetings';
import { useDebrief } from '../api/debrief-queries';
import { useDebriefEvents, type DebriefLive } from '../api/use-debrief-events';
import { CommitteePacketControl } from '../components/CommitteePacketControl';
import { DecisionPanel, type DecisionPreset } from '../components/DecisionPanel';
import { DiscussFirst } from '../components/DiscussFirst';
import { EvidenceGaps } from '../components/EvidenceGaps';
import { InterviewerGrid } from '../components/InterviewerGrid';
import { MissingSection } from '../components/MissingSection';
import { RedFlagSummary } from '../components/RedFlagSummary';
import { ScorecardsSection } from '../components/ScorecardsSection';
import { ScoresTable } from '../components/ScoresTable';
import { TallySection } from '../components/TallySection';
import { canDecide, isHiringTeam } from '../debrief-access';
import { formatDateTime, plural, updateMessage } from '../debrief-copy';
import { viewLine, viewedDebrief } from '../ratings-view';
import '../debriefs.css';

export default function DebriefRoute() {
  const id = useIdParam();
  const { user } = useSession();
  // `?ratings=with_amendments`, for the hiring team only: shareable, and printed as it reads.
  const [search, setSearch] = useSearchParams();
  const asked = RatingsView.safeParse(search.get('ratings'));
  const view: RatingsView = isHiringTeam(user.role) && asked.success ? asked.data : 'independent';
  const setView = useCallback(
    (next: RatingsView) =>
      setSearch(
        (prev) => {
          const params = new URLSearchParams(prev);
          if (next === 'independent') params.delete('ratings');
          else params.set('ratings', next);
          return params;
        },
        { replace: true },
      ),
    [setSearch],
  );
  const debrief = useDebrief(id, view);
  const live = useDebriefEvents(id ?? '', id !== null && debrief.isSuccess);
  useDocumentTitle(debrief.data ? `Debrief · ${debrief.data.application.candidate.name}` : 'Debrief');

  const notFound = (
    <NotFoundState
      title="Debrief not found"
      heading="This application doesn’t exist"
      back={{ to: '/', label: 'Back to home' }}
    />
  );
  const locked = <DebriefLocked detail={isApiError(debrief.error, 'forbidden') ? debrief.error.detail : undefined} />;
  return (
    <QueryPage
      query={debrief}
      copy={{ title: 'Debrief', loading: 'Loading the debrief…', failed: 'Couldn’t load the debrief' }}
      noAccess={{ allowed: true, page: locked }}
      notFound={{ found: id !== null, page: notFound }}
    >
      {(data) => (
        <DebriefPage
          debrief={data}
          live={live}
          requestedView={view}
          switching={debrief.isPlaceholderData}
          onViewChange={setView}
        />
      )}
    </QueryPage>
  );
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

type DebriefPageProps = {
  debrief: Debrief;
  live: DebriefLive;
  /** The view asked for; the debrief shown may still be the other while it loads. */
  requestedView: RatingsView;
  switching: boolean;
  onViewChange: (view: RatingsView) => void;
};

/**
 * The debrief in the order that limits anchoring: what to discuss first, the evidence gaps, the
 * scores, the scorecards, and the decision last (docs/MEASUREMENT.md). The figures read each
 * scorecard as first submitted unless the hiring team switches to the amended view; the page says
 * which, in print too.
 */
function DebriefPage({ debrief: raw, live, requestedView, switching, onViewChange }: DebriefPageProps) {
  const { user } = useSession();
  // Every section reads the scorecards as the figures do: in the view's ratings, and without a
  // shadow's scorecard (issue 24 §5), which only the list of scorecards shows.
  const debrief = useMemo(() => {
    const viewed = viewedDebrief(raw);
    return { ...viewed, scorecards: viewed.scorecards.filter((s) => !s.shadow) };
  }, [raw]);
  const shadows = raw.scorecards.length - debrief.scorecards.length;
  const { application: a } = debrief;
  const team = isHiringTeam(user.role);
  const decides = canDecide(user, debrief);
  const [preset, setPreset] = useState<DecisionPreset | null>(null);
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
            <CommitteePacketControl applicationId={a.id} />
          </>
        }
      />
      <p className="debrief-update debrief-no-print" role="status" aria-live="polite">
        {switching ? 'Loading the other view of the ratings…' : live.update ? updateMessage(live.update.kind) : ''}
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
          <dt>Scorecards</dt>
          <dd>
            {submitted} of {expected} in
            {shadows > 0 ? (
              <span className="table__meta"> · {plural(shadows, 'shadow scorecard')} beside them</span>
            ) : null}
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
      <RatingsViewBar
        view={debrief.ratingsView}
        requested={requestedView}
        canSwitch={team}
        amendments={raw.scorecards.reduce((n, s) => n + s.amendments.length, 0)}
        onChange={onViewChange}
      />
      <DiscussFirst debrief={debrief} />
      <div className="debrief-pair">
        <EvidenceGaps
          debrief={debrief}
          canSchedule={team && !FINAL_STAGES.includes(a.stage)}
          onHold={decides && a.stage === 'debrief' ? () => setPreset({ decision: 'hold', at: Date.now() }) : null}
        />
        <MissingSection debrief={debrief} />
      </div>
      <ScoresTable debrief={debrief} />
      <InterviewerGrid debrief={debrief} />
      <div className="debrief-pair">
        <TallySection debrief={debrief} />
        <RedFlagSummary debrief={debrief} />
      </div>
      <ScorecardsSection debrief={raw} />
      <MeetingCard applicationId={a.id} canStart={decides && a.stage === 'debrief'} />
      <DecisionPanel debrief={debrief} canDecide={decides} preset={preset} />
    </div>
  );
}

/**
 * Which ratings the figures read, said plainly on screen and in print; the hiring team switches
 * between the independent ratings (the default) and the amended ones.
 */
function RatingsViewBar({
  view,
  requested,
  canSwitch,
  amendments,
  onChange,
}: {
  view: RatingsView;
  requested: RatingsView;
  canSwitch: boolean;
  amendments: number;
  onChange: (view: RatingsView) => void;
}) {
  const id = useId();
  // Checked at once; the URL (and then the figures) follow.
  const [selected, setSelected] = useState(requested);
  useEffect(() => setSelected(requested), [requested]);
  return (
    <div className={`ratings-view ratings-view--${view}`}>
      <p className="ratings-view__line" id={`${id}-line`}>
        <strong>{viewLine(view)}</strong>{' '}
        <span className="ratings-view__note">
          {view === 'independent'
            ? amendments > 0
              ? `${plural(amendments, 'amendment')} since, shown beside the originals and counted in no figure.`
              : 'No scorecard was amended.'
            : 'Amendments made after the first submission are counted; some may have been made after reading the panel’s feedback.'}
        </span>
      </p>
      {canSwitch ? (
        <fieldset className="ratings-view__switch debrief-no-print" aria-describedby={`${id}-line`}>
          <legend className="ratings-view__legend">Figures from</legend>
          {RatingsView.options.map((v) => (
            <label key={v} className="ratings-view__option">
              <input
                type="radio"
                className="radio"
                name={`${id}-view`}
                value={v}
                checked={selected === v}
                onChange={() => {
                  setSelected(v);
                  onChange(v);
                }}
              />
              <span>{v === 'independent' ? 'Independent ratings (default)' : capitalize(RATINGS_VIEW_LABELS[v])}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
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
