import type { HomeInterview, InterviewerHome as Home } from '@scorecard/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { QualificationPathSection } from '@/features/qualification';
import { useInterviewerHome } from '../api/work-queues';
import { ago, formatTime, formatWeekdayTime, plural } from '../home-copy';
import { MoreNote, QueueSection } from './QueueSection';
import { ScorecardsToWriteSection } from './ScorecardsToWriteSection';
import '../home.css';

function InterviewList({ items, withDay }: { items: HomeInterview[]; withDay: boolean }) {
  return (
    <ul className="queue-list">
      {items.map((i) => (
        <li key={i.scorecardId} className="queue-item" data-interview-id={i.interviewId}>
          <time dateTime={i.startsAt} className="queue-item__time">
            {withDay ? formatWeekdayTime(i.startsAt) : formatTime(i.startsAt)}
          </time>
          <div className="queue-item__main">
            <Link to={`/interviews/${i.interviewId}`} className="queue-item__title">
              {i.candidate.name}
              <span className="visually-hidden">: open the interview kit</span>
            </Link>
            <div className="queue-item__meta">
              {i.step} · {i.opening.title} · {i.durationMinutes} min
            </div>
          </div>
          <div className="queue-item__aside">
            {i.scorecardStatus === 'submitted' ? (
              <span className="queue-state queue-state--done">Submitted</span>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

function Schedule({ home }: { home: Home }) {
  const zone = home.timeZone === 'UTC' ? 'UTC' : `your time zone (${home.timeZone.replace(/_/g, ' ')})`;
  return (
    <div className="home-columns home-columns--pair">
      <QueueSection
        id="home-today"
        title="Today"
        total={home.today.total}
        description={`Your interviews today, earliest first; days run midnight to midnight in ${zone}.`}
      >
        {home.today.items.length === 0 ? (
          <EmptyState title="No interviews today">
            <p>Nothing on your calendar today. Interviews scheduled with you appear here and under “This week”.</p>
          </EmptyState>
        ) : (
          <>
            <InterviewList items={home.today.items} withDay={false} />
            <MoreNote shown={home.today.items.length} total={home.today.total} what="interviews" />
          </>
        )}
      </QueueSection>
      <QueueSection
        id="home-week"
        title="This week"
        total={home.thisWeek.total}
        description="Your interviews in the next six days, earliest first."
      >
        {home.thisWeek.items.length === 0 ? (
          <EmptyState title="No more interviews this week">
            <p>
              See every interview of yours on <Link to="/interviews">My interviews</Link>.
            </p>
          </EmptyState>
        ) : (
          <>
            <InterviewList items={home.thisWeek.items} withDay />
            <MoreNote shown={home.thisWeek.items.length} total={home.thisWeek.total} what="interviews" />
          </>
        )}
      </QueueSection>
    </div>
  );
}

/** How many recent submissions show before "Show all". */
const RECENT = 5;

function Submitted({ home, now }: { home: Home; now: number }) {
  const { submitted } = home;
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? submitted.items : submitted.items.slice(0, RECENT);
  return (
    <QueueSection
      id="home-submitted"
      title="Recently submitted"
      description="Your submitted scorecards, newest first. A debrief opens to you once you owe no scorecard on that candidate."
    >
      {submitted.items.length === 0 ? (
        <EmptyState title="Nothing submitted yet">
          <p>Scorecards you submit appear here, with a link to the debrief once it is open to you.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="queue-list">
            {shown.map((s) => (
              <li key={s.scorecardId} className="queue-item" data-scorecard-id={s.scorecardId}>
                <div className="queue-item__main">
                  <span className="queue-item__title">{s.candidate.name}</span>
                  <div className="queue-item__meta">
                    {s.step} · {s.opening.title} · submitted{' '}
                    <time dateTime={s.submittedAt} title={formatWeekdayTime(s.submittedAt)}>
                      {ago(s.submittedAt, now)}
                    </time>
                  </div>
                </div>
                <div className="queue-item__aside">
                  <Link to={`/interviews/${s.interviewId}`} className="button button--ghost button--small">
                    Your scorecard<span className="visually-hidden"> on {s.candidate.name}</span>
                  </Link>
                  {s.debriefOpen ? (
                    <Link
                      to={`/applications/${s.applicationId}/debrief`}
                      className="button button--secondary button--small"
                    >
                      Open debrief<span className="visually-hidden"> of {s.candidate.name}</span>
                    </Link>
                  ) : (
                    <span className="queue-item__note">Debrief opens once you submit your other scorecard</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
          {submitted.items.length > RECENT ? (
            <p className="home-section__more">
              <button
                type="button"
                className="button button--ghost button--small"
                aria-expanded={expanded}
                onClick={() => setExpanded((e) => !e)}
              >
                {expanded ? `Show the ${RECENT} most recent` : `Show all ${submitted.items.length}`}
              </button>
              {expanded && submitted.total > submitted.items.length
                ? ` Showing ${submitted.items.length} of ${submitted.total}; see the rest on `
                : ' '}
              {expanded && submitted.total > submitted.items.length ? (
                <Link to="/interviews">My interviews</Link>
              ) : null}
            </p>
          ) : null}
        </>
      )}
    </QueueSection>
  );
}

/** The interviewer's home: today, this week, the scorecards they owe, their qualification path and what they submitted. */
export function InterviewerHome() {
  const home = useInterviewerHome();
  if (home.isPending) {
    return (
      <div className="panel">
        <LoadingState label="Loading your interviews…" />
      </div>
    );
  }
  if (home.isError) {
    return (
      <div className="panel">
        <ErrorState
          title="Couldn’t load your interviews"
          error={home.error}
          onRetry={() => void home.refetch()}
          retrying={home.isFetching}
        />
      </div>
    );
  }
  const now = Date.parse(home.data.now);
  const { toWrite } = home.data;
  return (
    <div className="home">
      <p className="home-summary">
        {toWrite.counts.overdue > 0
          ? `${plural(toWrite.counts.overdue, 'scorecard')} overdue — start with ${toWrite.counts.overdue === 1 ? 'it' : 'those'}.`
          : toWrite.counts.due > 0
            ? `${plural(toWrite.counts.due, 'scorecard')} to write now.`
            : home.data.today.total > 0
              ? `${plural(home.data.today.total, 'interview')} today.`
              : 'No interviews today and nothing due.'}
      </p>
      <ScorecardsToWriteSection id="home-to-write" title="Scorecards to write" toWrite={toWrite} now={now} />
      <Schedule home={home.data} />
      <QualificationPathSection />
      <Submitted home={home.data} now={now} />
    </div>
  );
}
