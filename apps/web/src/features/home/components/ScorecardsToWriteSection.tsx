import type { ScorecardDueState, ScorecardsToWrite } from '@scorecard/contracts';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/States';
import { dueIn, formatWeekdayTime } from '../home-copy';
import { MoreNote, QueueSection } from './QueueSection';

const STATE_LABELS: Record<ScorecardDueState, string> = { overdue: 'Overdue', due: 'Due', draft: 'Draft' };

type Props = {
  id: string;
  title: string;
  toWrite: ScorecardsToWrite;
  now: number;
};

/** The caller's draft scorecards, earliest due first: each with its state, the time left and a link to write it. */
export function ScorecardsToWriteSection({ id, title, toWrite, now }: Props) {
  const { counts } = toWrite;
  const summary = [
    counts.overdue > 0 ? `${counts.overdue} overdue` : null,
    counts.due > 0 ? `${counts.due} due now` : null,
    counts.draft > 0 ? `${counts.draft} for interviews not over yet` : null,
  ].filter(Boolean);
  return (
    <QueueSection
      id={id}
      title={title}
      total={toWrite.total}
      totalTone={counts.overdue > 0 ? 'danger' : 'neutral'}
      description={
        summary.length > 0 ? `Earliest due first: ${summary.join(', ')}.` : 'Your draft scorecards, earliest due first.'
      }
    >
      {toWrite.items.length === 0 ? (
        <EmptyState title="Nothing to write — you’re up to date">
          <p>Every scorecard of yours is submitted. New ones appear here when an interview is scheduled with you.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="queue-list" aria-labelledby={id}>
            {toWrite.items.map((s) => (
              <li key={s.scorecardId} className="queue-item" data-scorecard-id={s.scorecardId} data-state={s.state}>
                <div className="queue-item__main">
                  <Link to={`/interviews/${s.interviewId}`} className="queue-item__title">
                    {s.candidate.name}
                    <span className="visually-hidden">: write the scorecard</span>
                  </Link>
                  <div className="queue-item__meta">
                    {s.step} · {s.opening.title} · interview{' '}
                    <time dateTime={s.startsAt}>{formatWeekdayTime(s.startsAt)}</time>
                  </div>
                </div>
                <div className="queue-item__aside">
                  <span className={`queue-state queue-state--${s.state}`}>{STATE_LABELS[s.state]}</span>
                  <time
                    dateTime={s.feedbackDueAt}
                    className={s.state === 'overdue' ? 'queue-item__when queue-item__when--late' : 'queue-item__when'}
                    title={`Feedback due ${formatWeekdayTime(s.feedbackDueAt)}`}
                  >
                    {dueIn(s.feedbackDueAt, now)}
                  </time>
                </div>
              </li>
            ))}
          </ul>
          <MoreNote shown={toWrite.items.length} total={toWrite.total} what="scorecards, earliest due first" />
        </>
      )}
    </QueueSection>
  );
}
