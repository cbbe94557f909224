import type { MyInterview } from '@scorecard/contracts';
import { Link } from 'react-router';
import type { MyInterviewsView } from '../api/scorecard-keys';
import { formatDateTime, formatDuration, overdueBy } from '../scorecard-copy';

const ACTION: Record<MyInterviewsView, string> = {
  upcoming: 'Open kit',
  awaiting: 'Fill scorecard',
  submitted: 'View',
};

type Props = { view: MyInterviewsView; items: readonly MyInterview[]; busy: boolean; now: number };

/** One view of the caller's interviews: who, for which opening and step, when, and when feedback is due. */
export function MyInterviewsTable({ view, items, busy, now }: Props) {
  const nowDate = new Date(now);
  return (
    <div className="table-wrap">
      <table className="table my-interviews-table" aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Interview</th>
            <th scope="col">{view === 'submitted' ? 'Submitted' : 'Feedback due'}</th>
            <th scope="col" className="table__actions-col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.interviewId} data-interview-id={i.interviewId}>
              <th scope="row" className="table__name">
                {i.candidate.name}
                <div className="table__meta">{i.opening.title}</div>
              </th>
              <td>
                <div>{i.step}</div>
                <div className="table__meta table__nowrap">
                  <time dateTime={i.startsAt}>{formatDateTime(i.startsAt, nowDate)}</time> ·{' '}
                  {formatDuration(i.durationMinutes)}
                </div>
              </td>
              <td className="table__nowrap">
                {view === 'submitted' && i.submittedAt ? (
                  <time dateTime={i.submittedAt}>{formatDateTime(i.submittedAt, nowDate)}</time>
                ) : (
                  <>
                    <time dateTime={i.feedbackDueAt}>{formatDateTime(i.feedbackDueAt, nowDate)}</time>
                    {i.overdue ? (
                      <div className="my-interviews__overdue">
                        <span className="badge overdue-badge">Overdue</span>
                        <span className="table__meta"> by {overdueBy(i.feedbackDueAt, now)}</span>
                      </div>
                    ) : null}
                  </>
                )}
              </td>
              <td className="table__actions">
                <Link
                  to={`/interviews/${i.interviewId}`}
                  className={
                    view === 'awaiting'
                      ? 'button button--primary button--small'
                      : 'button button--secondary button--small'
                  }
                >
                  {ACTION[view]}
                  <span className="visually-hidden">
                    : {i.candidate.name}, {i.step}
                  </span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
