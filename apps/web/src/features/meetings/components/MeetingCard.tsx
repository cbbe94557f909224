import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { errorMessage } from '@/lib/api';
import { formatDateTime } from '@/lib/format-time';
import { useLatestMeeting, useMeeting, useStartMeeting } from '../api/meetings';
import { movementSummary, STATUS_TEXT } from '../meeting-copy';
import '../meetings.css';

type MeetingCardProps = {
  applicationId: string;
  /** The caller may host (the opening's hiring manager or an admin) and the application is in debrief. */
  canStart: boolean;
};

/**
 * The debrief's way into its meeting: start one (the host), join the one under way, or read the
 * record of the last one, kept beside the decision. The figures above never read the votes.
 */
export function MeetingCard({ applicationId, canStart }: MeetingCardProps) {
  const latest = useLatestMeeting(applicationId);
  const summary = latest.data ?? null;
  const finished = summary?.status === 'finished' ? summary.id : null;
  const record = useMeeting(applicationId, finished);
  const start = useStartMeeting(applicationId);
  const navigate = useNavigate();
  const open = summary && summary.status !== 'finished' && summary.status !== 'cancelled';
  const to = `/applications/${applicationId}/meeting`;

  return (
    <section className="panel panel--padded debrief-section meeting-card" aria-labelledby="meeting-card-title">
      <div className="section-header">
        <div>
          <h2 id="meeting-card-title" className="section-header__title">
            Debrief meeting
          </h2>
          <p className="section-header__description">
            Estimate, talk, estimate: everyone votes silently, the panel discusses the votes, then everyone votes again.
            The votes are kept as the meeting’s record; the scores above come from the scorecards alone.
          </p>
        </div>
      </div>
      {latest.isPending ? (
        <p className="muted">Loading the meeting…</p>
      ) : latest.isError ? (
        <Alert title="Couldn’t load the meeting">{errorMessage(latest.error)}</Alert>
      ) : open ? (
        <div className="meeting-card__row">
          <p>
            A meeting is under way: <strong>{STATUS_TEXT[summary.status]}</strong>, hosted by {summary.host.name}.
          </p>
          <Link to={to} className="button button--primary">
            Join the meeting
          </Link>
        </div>
      ) : (
        <>
          <p className="meeting-card__text">
            {summary?.status === 'finished' ? (
              <>
                Last meeting finished {formatDateTime(summary.finishedAt!)}, hosted by {summary.host.name}.{' '}
                {record.data?.movement ? movementSummary(record.data.movement) : null}
              </>
            ) : summary?.status === 'cancelled' ? (
              'The last meeting was cancelled by its host.'
            ) : (
              'No meeting has been held for this candidate.'
            )}
          </p>
          {summary?.status === 'finished' || canStart ? (
            <div className="meeting-card__actions">
              {summary?.status === 'finished' ? (
                <Link to={to} className="button button--secondary">
                  See the meeting record
                </Link>
              ) : null}
              {canStart ? (
                <button
                  type="button"
                  className="button button--primary"
                  disabled={start.isPending}
                  onClick={() => start.mutate(undefined, { onSuccess: () => void navigate(to) })}
                >
                  {start.isPending ? 'Starting…' : summary ? 'Start a new meeting' : 'Start meeting'}
                </button>
              ) : null}
            </div>
          ) : null}
          {start.isError ? <Alert title="The meeting didn’t start">{errorMessage(start.error)}</Alert> : null}
        </>
      )}
    </section>
  );
}
