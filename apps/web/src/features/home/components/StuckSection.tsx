import { STAGE_LABELS, type RecruiterHome } from '@scorecard/contracts';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/States';
import { daysSince, formatDate } from '../home-copy';
import { HomeTableSection } from './HomeTableSection';

/** Applications that have sat in one active stage for longer than the threshold, oldest first. */
export function StuckSection({ home, busy, now }: { home: RecruiterHome; busy: boolean; now: number }) {
  const { stuck, stuckDays } = home;
  const days = stuckDays === 1 ? '1 day' : `${stuckDays} days`;
  return (
    <HomeTableSection
      id="home-stuck"
      title="Stuck applications"
      total={stuck.total}
      shown={stuck.items.length}
      description={`In the same active stage for more than ${days}, longest waiting first.`}
      empty={
        <EmptyState title="Nothing stuck">
          <p>
            No application {home.scope === 'mine' ? 'of your openings ' : ''}has waited in one stage for more than{' '}
            {days}.
          </p>
        </EmptyState>
      }
      caption="Stuck applications, longest waiting first"
      columns={['Candidate', 'Opening', 'Stage', 'In stage for']}
      more={`Showing the ${stuck.items.length} longest waiting of ${stuck.total}.`}
      busy={busy}
      rows={stuck.items.map((s) => (
        <tr key={s.applicationId} data-application-id={s.applicationId}>
          <th scope="row" className="table__name">
            <Link to={`/applications/${s.applicationId}`}>{s.candidate.name}</Link>
          </th>
          <td>{s.opening.title}</td>
          <td>
            <Badge tone="accent">{STAGE_LABELS[s.stage]}</Badge>
          </td>
          <td className="table__nowrap">
            {daysSince(s.stageEnteredAt, now)}
            <div className="table__meta">
              since <time dateTime={s.stageEnteredAt}>{formatDate(s.stageEnteredAt)}</time>
            </div>
          </td>
        </tr>
      ))}
    />
  );
}
