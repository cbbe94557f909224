import type { PipelineAnalytics } from '@scorecard/contracts';
import { formatDays, formatHours, plural } from '../analytics-copy';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

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

/** Interviewers with draft scorecards past their feedback due time, most overdue first. */
export function OverdueTable({ rows, now }: { rows: PipelineAnalytics['overdueByInterviewer']; now: number }) {
  const total = rows.reduce((n, r) => n + r.overdue, 0);
  return (
    <>
      <ScrollRegion label="Overdue scorecards table">
        <table className="table analytics-table" data-table="overdue">
          <caption className="visually-hidden">Overdue scorecards by interviewer</caption>
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              <th scope="col" className="table__num">
                Overdue scorecards
              </th>
              <th scope="col">Oldest due</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.interviewer.id}>
                <th scope="row">{r.interviewer.name}</th>
                <td className="table__num">{r.overdue}</td>
                <td>
                  <time dateTime={r.oldestDueAt}>{dateTime.format(new Date(r.oldestDueAt))}</time>
                  <span className="table__meta">overdue by {overdueFor(r.oldestDueAt, now)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="analytics-section__foot">
        {plural(total, 'scorecard')} past due across {plural(rows.length, 'interviewer')}.
      </p>
    </>
  );
}
