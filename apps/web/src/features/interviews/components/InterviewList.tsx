import '../interviews.css';
import type { Interview } from '@scorecard/contracts';
import { canChangeInterview } from '@scorecard/domain';
import {
  SCORECARD_STATE_LABELS,
  assignmentHistory,
  formatDateTime,
  formatDuration,
  formatSlot,
  scorecardState,
  trainingSeatLabel,
  type ScorecardState,
} from '../interview-copy';
import { browserTimeZone, formatInZone } from '../time-zone';

const BADGE_CLASS: Record<ScorecardState, string> = {
  scheduled: 'badge badge--muted',
  awaiting: 'badge badge--accent',
  overdue: 'badge interview-badge--overdue',
  submitted: 'badge badge--success',
  cancelled: 'badge badge--muted',
  none: 'badge badge--muted',
};

/** The id of an interview's heading, which takes focus after the interview changes. */
export function interviewHeadingId(id: string): string {
  return `interview-${id}-title`;
}

/** Focuses an interview's heading once it is on the page (after the list has been read again). */
export function focusInterview(id: string) {
  let tries = 0;
  const attempt = () => {
    const el = document.getElementById(interviewHeadingId(id));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'nearest' });
    } else if (tries++ < 30) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

type InterviewListProps = {
  interviews: readonly Interview[];
  now: number;
  onChange: (interview: Interview) => void;
  onCancel: (interview: Interview) => void;
  /** Adds a trainee (a shadow, or a reverse shadow's observer) beside an interview that has none. */
  onAddTrainee?: (interview: Interview) => void;
};

/** The interviews of an application: scheduled ones by time, cancelled ones greyed at the end. */
export function InterviewList({ interviews, now, onChange, onCancel, onAddTrainee }: InterviewListProps) {
  return (
    <ul className="interview-list" aria-label="Interviews">
      {interviews.map((interview) => (
        <InterviewItem
          key={interview.id}
          interview={interview}
          now={now}
          onChange={onChange}
          onCancel={onCancel}
          onAddTrainee={onAddTrainee}
        />
      ))}
    </ul>
  );
}

function InterviewItem({
  interview: i,
  now,
  onChange,
  onCancel,
  onAddTrainee,
}: { interview: Interview } & Omit<InterviewListProps, 'interviews'>) {
  const state = scorecardState(i, now);
  const changeable = canChangeInterview({ status: i.status, scorecardStatus: i.scorecard?.status ?? null }).ok;
  const nowDate = new Date(now);
  const seat = trainingSeatLabel(i);
  const pairable = onAddTrainee && i.status === 'scheduled' && i.scorecard?.status === 'draft' && i.training === null;
  return (
    <li className={i.status === 'cancelled' ? 'interview interview--cancelled' : 'interview'} data-interview-id={i.id}>
      <div className="interview__main">
        <div className="interview__title">
          <h3 className="interview__step" id={interviewHeadingId(i.id)} tabIndex={-1}>
            {i.step.name}
          </h3>
          <span className={BADGE_CLASS[state]}>
            <span className="visually-hidden">{state === 'scheduled' ? 'Status: ' : 'Scorecard: '}</span>
            {SCORECARD_STATE_LABELS[state]}
          </span>
          {seat ? <span className="badge badge--accent">{seat}</span> : null}
        </div>
        <p className="interview__who">
          <span className="visually-hidden">Interviewer: </span>
          {i.interviewer.name}
        </p>
      </div>
      <dl className="interview__facts">
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={i.startsAt}>{formatSlot(i.startsAt, i.endsAt, nowDate)}</time>
            <span className="interview__duration"> · {formatDuration(i.durationMinutes)}</span>
            {i.timeZone && i.timeZone !== browserTimeZone() ? (
              <span className="interview__zone">
                {' '}
                · interviewer’s time: <time dateTime={i.startsAt}>{formatInZone(i.startsAt, i.timeZone)}</time>
              </span>
            ) : null}
          </dd>
        </div>
        {i.location || i.videoLink ? (
          <div className="interview__where">
            <dt>Where</dt>
            <dd>
              {i.location}
              {i.location && i.videoLink ? ' · ' : null}
              {i.videoLink ? (
                <a href={i.videoLink} target="_blank" rel="noreferrer noopener">
                  Video link<span className="visually-hidden"> for {i.step.name}</span>
                </a>
              ) : null}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>Feedback due</dt>
          <dd>
            <time dateTime={i.feedbackDueAt}>{formatDateTime(i.feedbackDueAt, nowDate)}</time>
          </dd>
        </div>
      </dl>
      {changeable ? (
        <div className="interview__actions">
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(i)}>
            Reschedule / reassign<span className="visually-hidden">: {i.step.name}</span>
          </button>
          <button
            type="button"
            className="button button--ghost button--small button--danger-text"
            onClick={() => onCancel(i)}
          >
            Cancel interview<span className="visually-hidden">: {i.step.name}</span>
          </button>
          {pairable ? (
            <button type="button" className="button button--ghost button--small" onClick={() => onAddTrainee(i)}>
              Add a trainee<span className="visually-hidden">: {i.step.name}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {i.assignments.length > 1 ? (
        <p className="interview__history">{assignmentHistory(i.assignments, nowDate)}</p>
      ) : null}
    </li>
  );
}
