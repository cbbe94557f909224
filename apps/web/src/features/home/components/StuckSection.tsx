import { STAGE_LABELS, type RecruiterHome } from '@scorecard/contracts';
import { Link } from 'react-router';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/States';
import { daysSince, formatDate } from '../home-copy';

/** Applications that have sat in one active stage for longer than the threshold, oldest first. */
export function StuckSection({ home, busy, now }: { home: RecruiterHome; busy: boolean; now: number }) {
  const { stuck, stuckDays } = home;
  const days = stuckDays === 1 ? '1 day' : `${stuckDays} days`;
  return (
    <section className="panel home-section" aria-labelledby="home-stuck">
      <div className="home-section__header">
        <h2 id="home-stuck" className="section-header__title">
          Stuck applications {stuck.total > 0 ? <span className="home-section__total">{stuck.total}</span> : null}
        </h2>
        <p className="section-header__description">
          In the same active stage for more than {days}, longest waiting first.
        </p>
      </div>
      {stuck.items.length === 0 ? (
        <EmptyState title="Nothing stuck">
          <p>
            No application {home.scope === 'mine' ? 'of your openings ' : ''}has waited in one stage for more than{' '}
            {days}.
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-busy={busy}>
            <caption className="visually-hidden">Stuck applications, longest waiting first</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Opening</th>
                <th scope="col">Stage</th>
                <th scope="col">In stage for</th>
              </tr>
            </thead>
            <tbody>
              {stuck.items.map((s) => (
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
            </tbody>
          </table>
          {stuck.total > stuck.items.length ? (
            <p className="home-section__more">
              Showing the {stuck.items.length} longest waiting of {stuck.total}.
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
