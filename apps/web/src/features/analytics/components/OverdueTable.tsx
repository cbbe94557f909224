import type { PipelineAnalytics } from '@scorecard/contracts';
import { formatDays, formatHours, plural } from '../analytics-copy';
import { useMemo } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/DataTable';

const dateTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** "3 days", "5 hours": how long ago a due time passed. */
function overdueFor(dueAt: string, now: number): string {
  const hours = Math.max(0, (now - Date.parse(dueAt)) / 3_600_000);
  if (hours < 1) return 'under an hour';
  return hours < 48 ? formatHours(hours) : formatDays(Math.floor(hours / 24));
}

type Row = PipelineAnalytics['overdueByInterviewer'][number];

/** Interviewers with draft scorecards past their feedback due time, most overdue first. */
export function OverdueTable({ rows, now }: { rows: PipelineAnalytics['overdueByInterviewer']; now: number }) {
  const total = rows.reduce((n, r) => n + r.overdue, 0);
  const columns = useMemo<DataColumn<Row>[]>(
    () => [
      {
        id: 'interviewer',
        header: 'Interviewer',
        meta: { rowHeader: true },
        cell: ({ row }) => row.original.interviewer.name,
      },
      {
        id: 'overdue',
        header: 'Overdue scorecards',
        meta: { className: 'table__num', headerClassName: 'table__num' },
        cell: ({ row }) => row.original.overdue,
      },
      {
        id: 'oldest',
        header: 'Oldest due',
        cell: ({ row: { original: r } }) => (
          <>
            <time dateTime={r.oldestDueAt}>{dateTime.format(new Date(r.oldestDueAt))}</time>
            <span className="table__meta">overdue by {overdueFor(r.oldestDueAt, now)}</span>
          </>
        ),
      },
    ],
    [now],
  );
  return (
    <>
      <DataTable
        scrollLabel="Overdue scorecards table"
        columns={columns}
        data={rows}
        rowId={(r) => r.interviewer.id}
        className="analytics-table"
        tableName="overdue"
        caption="Overdue scorecards by interviewer"
      />
      <p className="analytics-section__foot">
        {plural(total, 'scorecard')} past due across {plural(rows.length, 'interviewer')}.
      </p>
    </>
  );
}
