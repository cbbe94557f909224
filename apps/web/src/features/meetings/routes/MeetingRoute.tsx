import type { Debrief, Meeting } from '@scorecard/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { ConfirmDialog } from '@/components/ui/Dialog';
import { PageHeader } from '@/components/ui/PageHeader';
import { NotFoundState, QueryPage, useIdParam } from '@/components/ui/PageStates';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { canDecide, useDebrief, useDebriefEvents, type DebriefLive } from '@/features/debriefs';
import { errorMessage, isApiError } from '@/lib/api';
import { useSession } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import {
  useCancelMeeting,
  useLatestMeeting,
  useMeeting,
  useOpenRoundTwo,
  useRevealRound,
  useStartMeeting,
} from '../api/meetings';
import { Ballot } from '../components/Ballot';
import { Discussion } from '../components/Discussion';
import { MeetingResult } from '../components/MeetingResult';
import { STATUS_TEXT, STEPS, stepIndex, votedLine } from '../meeting-copy';
import '../meetings.css';

/** `/applications/:id/meeting`: the application's meeting under way, or the record of its last one. */
export default function MeetingRoute() {
  const id = useIdParam();
  const debrief = useDebrief(id);
  const live = useDebriefEvents(id ?? '', id !== null && debrief.isSuccess);
  useDocumentTitle(debrief.data ? `Meeting · ${debrief.data.application.candidate.name}` : 'Debrief meeting');
  const back = { to: id ? `/applications/${id}/debrief` : '/', label: 'Back to the debrief' };
  return (
    <QueryPage
      query={debrief}
      copy={{ title: 'Debrief meeting', loading: 'Loading the meeting…', failed: 'Couldn’t load the meeting' }}
      noAccess={{
        allowed: true,
        page: (
          <>
            <PageHeader title="Debrief meeting" />
            <div className="state state--locked">
              <h2 className="state__title">This meeting isn’t open to you</h2>
              <p className="state__text">
                {isApiError(debrief.error, 'forbidden')
                  ? debrief.error.detail
                  : 'The panel’s meeting is for the people who may read its debrief.'}
              </p>
            </div>
          </>
        ),
      }}
      notFound={{
        found: id !== null,
        page: <NotFoundState title="Meeting not found" heading="This application doesn’t exist" back={back} />,
      }}
    >
      {(data) => <MeetingPage debrief={data} live={live} />}
    </QueryPage>
  );
}

function MeetingPage({ debrief, live }: { debrief: Debrief; live: DebriefLive }) {
  const { user } = useSession();
  const a = debrief.application;
  const latest = useLatestMeeting(a.id);
  const meeting = useMeeting(a.id, latest.data?.id ?? null);
  const start = useStartMeeting(a.id);
  const mayStart = canDecide(user, debrief) && a.stage === 'debrief';

  let body;
  if (latest.isPending || (latest.data && meeting.isPending)) body = <LoadingState label="Loading the meeting…" />;
  else if (latest.isError || meeting.isError) {
    body = (
      <ErrorState
        title="Couldn’t load the meeting"
        error={latest.error ?? meeting.error}
        onRetry={() => void (latest.isError ? latest.refetch() : meeting.refetch())}
      />
    );
  } else if (!meeting.data || meeting.data.status === 'cancelled') {
    body = (
      <EmptyState
        title={meeting.data ? 'The last meeting was cancelled' : 'No meeting yet'}
        action={
          mayStart ? (
            <button
              type="button"
              className="button button--primary"
              disabled={start.isPending}
              onClick={() => start.mutate(undefined)}
            >
              {start.isPending ? 'Starting…' : 'Start meeting'}
            </button>
          ) : null
        }
      >
        <p>
          {mayStart
            ? 'Start it when the panel is together, in the room or on a call: everyone then votes from their own browser.'
            : 'The opening’s hiring manager starts the meeting; this page follows it live once it does.'}
        </p>
        {start.isError ? <Alert title="The meeting didn’t start">{errorMessage(start.error)}</Alert> : null}
      </EmptyState>
    );
  } else {
    body = <MeetingBody meeting={meeting.data} debrief={debrief} userId={user.id} />;
  }

  return (
    <div className="meeting-page">
      <p className="breadcrumb">
        <Link to={`/applications/${a.id}/debrief`}>Debrief: {a.candidate.name}</Link>
      </p>
      <PageHeader
        title={`Debrief meeting: ${a.candidate.name}`}
        description={a.opening.title}
        actions={
          live.status === 'connecting' ? null : (
            <span className={`meeting-live meeting-live--${live.status}`}>
              <span className="meeting-live__dot" aria-hidden="true" />
              {live.status === 'live' ? 'Live' : 'Reconnecting…'}
            </span>
          )
        }
      />
      {body}
    </div>
  );
}

function MeetingBody({ meeting, debrief, userId }: { meeting: Meeting; debrief: Debrief; userId: string }) {
  const round = meeting.status === 'round_1' ? 1 : meeting.status === 'round_2' ? 2 : null;
  const member = meeting.members.some((m) => m.id === userId);
  const at = stepIndex(meeting.status);
  const voted = votedLine(meeting);
  return (
    <>
      <ol className="meeting-steps" aria-label="Steps of the meeting">
        {STEPS.map((s, i) => (
          <li
            key={s}
            className={`meeting-step${i === at ? ' meeting-step--current' : ''}${at !== null && i < at ? ' meeting-step--done' : ''}`}
            aria-current={i === at ? 'step' : undefined}
          >
            {s}
          </li>
        ))}
      </ol>
      <p className="meeting-status" role="status" aria-live="polite">
        <strong>{STATUS_TEXT[meeting.status]}</strong>
        {voted ? ` · ${voted}` : ''}
      </p>
      <div className="meeting-layout">
        <PanelList meeting={meeting} round={round} userId={userId} />
        <HostControls meeting={meeting} round={round} />
      </div>
      {round !== null && meeting.can.vote ? (
        <Ballot key={`${meeting.id}-${round}`} meeting={meeting} round={round} />
      ) : round !== null && !member ? (
        <p className="muted">You follow this meeting without a vote: only the panel votes.</p>
      ) : null}
      {meeting.status === 'finished' ? <MeetingResult meeting={meeting} /> : null}
      {meeting.rounds.length > 0 ? <Discussion meeting={meeting} debrief={debrief} /> : null}
    </>
  );
}

/** The panel, and who has voted in the open round (never how). */
function PanelList({ meeting, round, userId }: { meeting: Meeting; round: 1 | 2 | null; userId: string }) {
  return (
    <section className="panel panel--padded meeting-panel" aria-labelledby="meeting-panel-title">
      <h2 id="meeting-panel-title" className="section-header__title">
        Panel
      </h2>
      <ul className="meeting-members">
        {meeting.members.map((m) => {
          const at = round === 1 ? m.votedAt.round1 : round === 2 ? m.votedAt.round2 : null;
          return (
            <li key={m.id} className="meeting-member">
              <span>
                {m.name}
                {m.id === userId ? ' (you)' : ''}
                {m.host ? <span className="muted"> · host</span> : null}
              </span>
              {round !== null ? (
                <span className={`meeting-tag ${at ? 'meeting-tag--voted' : 'meeting-tag--waiting'}`}>
                  {at ? 'Voted' : 'Not yet'}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The host's controls: reveal early, open round 2, cancel (asked first). */
function HostControls({ meeting, round }: { meeting: Meeting; round: 1 | 2 | null }) {
  const reveal = useRevealRound(meeting.applicationId, meeting.id);
  const openTwo = useOpenRoundTwo(meeting.applicationId, meeting.id);
  const cancel = useCancelMeeting(meeting.applicationId, meeting.id);
  const [confirming, setConfirming] = useState(false);
  const { can } = meeting;
  if (!can.reveal && !can.openRound2 && !can.cancel && round === null) return null;
  const failed = reveal.error ?? openTwo.error;
  return (
    <section className="panel panel--padded meeting-host" aria-labelledby="meeting-host-title">
      <h2 id="meeting-host-title" className="section-header__title">
        {can.cancel ? 'Host' : 'Next step'}
      </h2>
      {round !== null ? (
        <p className="muted">
          The round reveals itself when the last member votes.
          {can.reveal ? ' You can also reveal the votes cast so far.' : ''}
        </p>
      ) : meeting.status === 'discussion' ? (
        <p className="muted">
          {can.openRound2
            ? 'When the panel has talked the disagreements through, open the second silent vote.'
            : 'The host opens the second silent vote after the discussion.'}
        </p>
      ) : null}
      <div className="meeting-host__actions">
        {can.reveal && round !== null ? (
          <button
            type="button"
            className="button button--primary"
            disabled={reveal.isPending}
            onClick={() => reveal.mutate(round)}
          >
            {round === 2 ? 'Reveal and finish' : 'Reveal round 1 now'}
          </button>
        ) : null}
        {can.openRound2 ? (
          <button
            type="button"
            className="button button--primary"
            disabled={openTwo.isPending}
            onClick={() => openTwo.mutate(undefined)}
          >
            Open round 2
          </button>
        ) : null}
        {can.cancel ? (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            Cancel meeting
          </button>
        ) : null}
      </div>
      {failed ? <Alert title="That didn’t work">{errorMessage(failed)}</Alert> : null}
      <ConfirmDialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Cancel this meeting?"
        description="Its votes are kept but never shown as a result. You can start a new meeting afterwards."
        confirmLabel="Cancel meeting"
        cancelLabel="Keep it going"
        pendingLabel="Cancelling…"
        pending={cancel.isPending}
        danger
        failure={cancel.isError ? <Alert title="It wasn’t cancelled">{errorMessage(cancel.error)}</Alert> : null}
        onConfirm={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
      />
    </section>
  );
}
