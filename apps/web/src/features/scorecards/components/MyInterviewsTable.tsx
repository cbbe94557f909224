import type { MyInterview } from '@scorecard/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';
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
  const columns = useMemo<DataColumn<MyInterview>[]>(() => {
    const nowDate = new Date(now);
    return [
      {
        id: 'candidate',
        header: 'Candidate',
        meta: { rowHeader: true, className: 'table__name' },
        cell: ({ row: { original: i } }) => (
          <>
            {i.candidate.name}
            <div className="table__meta">{i.opening.title}</div>
          </>
        ),
      },
      {
        id: 'interview',
        header: 'Interview',
        cell: ({ row: { original: i } }) => (
          <>
            <div>{i.step}</div>
            <div className="table__meta table__nowrap">
              <time dateTime={i.startsAt}>{formatDateTime(i.startsAt, nowDate)}</time> ·{' '}
              {formatDuration(i.durationMinutes)}
            </div>
          </>
        ),
      },
      {
        id: 'due',
        header: view === 'submitted' ? 'Submitted' : 'Feedback due',
        meta: { className: 'table__nowrap' },
        cell: ({ row: { original: i } }) =>
          view === 'submitted' && i.submittedAt ? (
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
          ),
      },
      {
        id: 'action',
        header: () => <span className="visually-hidden">Action</span>,
        meta: { className: 'table__actions', headerClassName: 'table__actions-col' },
        cell: ({ row: { original: i } }) => (
          <Link
            to={`/interviews/${i.interviewId}`}
            className={
              view === 'awaiting' ? 'button button--primary button--small' : 'button button--secondary button--small'
            }
          >
            {ACTION[view]}
            <span className="visually-hidden">
              : {i.candidate.name}, {i.step}
            </span>
          </Link>
        ),
      },
    ];
  }, [view, now]);
  return (
    <DataTable
      columns={columns}
      data={items}
      rowId={(i) => i.interviewId}
      className="my-interviews-table"
      busy={busy}
      rowProps={(i) => ({ 'data-interview-id': i.interviewId })}
    />
  );
}
