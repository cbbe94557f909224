import type { RecruiterHome } from '@scorecard/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/States';
import { RemindNowButton } from '@/features/reminders';
import { homeKeys } from '../api/home-keys';
import { formatDateTime, overdueBy } from '../home-copy';
import { HomeTableSection } from './HomeTableSection';

/** Draft scorecards past their feedback due time, most overdue first: the feedback to chase. */
export function OverdueSection({ home, busy, now }: { home: RecruiterHome; busy: boolean; now: number }) {
  const { overdue } = home;
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: homeKeys.all });
  return (
    <HomeTableSection
      id="home-overdue"
      title="Overdue scorecards"
      total={overdue.total}
      shown={overdue.items.length}
      description="Feedback past its due time and not yet submitted, most overdue first."
      empty={
        <EmptyState title="No overdue scorecards">
          <p>Every interviewer {home.scope === 'mine' ? 'on your openings ' : ''}is up to date with their feedback.</p>
        </EmptyState>
      }
      caption="Overdue scorecards, most overdue first"
      columns={['Interviewer', 'Candidate', 'Interview', 'Overdue by', 'Reminder']}
      more={`Showing the ${overdue.items.length} most overdue of ${overdue.total}.`}
      busy={busy}
      rows={overdue.items.map((o) => (
        <tr key={o.scorecardId} data-scorecard-id={o.scorecardId}>
          <th scope="row" className="table__name">
            {o.interviewer.name}
          </th>
          <td>
            <Link to={`/applications/${o.applicationId}`}>{o.candidate.name}</Link>
            <div className="table__meta">{o.opening.title}</div>
          </td>
          <td>{o.step}</td>
          <td className="table__nowrap">
            <span className="home-overdue">{overdueBy(o.feedbackDueAt, now)}</span>
            <div className="table__meta">
              due <time dateTime={o.feedbackDueAt}>{formatDateTime(o.feedbackDueAt)}</time>
            </div>
          </td>
          <td>
            <RemindNowButton
              interviewId={o.interviewId}
              interviewerName={o.interviewer.name}
              lastRemindedAt={o.lastRemindedAt}
              now={now}
              onReminded={refresh}
            />
          </td>
        </tr>
      ))}
    />
  );
}
