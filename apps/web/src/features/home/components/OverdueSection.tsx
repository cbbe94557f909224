import type { RecruiterHome } from '@scorecard/contracts';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/States';
import { formatDateTime, overdueBy } from '../home-copy';

/** Draft scorecards past their feedback due time, most overdue first: the feedback to chase. */
export function OverdueSection({ home, busy, now }: { home: RecruiterHome; busy: boolean; now: number }) {
  const { overdue } = home;
  return (
    <section className="panel home-section" aria-labelledby="home-overdue">
      <div className="home-section__header">
        <h2 id="home-overdue" className="section-header__title">
          Overdue scorecards {overdue.total > 0 ? <span className="home-section__total">{overdue.total}</span> : null}
        </h2>
        <p className="section-header__description">
          Feedback past its due time and not yet submitted, most overdue first.
        </p>
      </div>
      {overdue.items.length === 0 ? (
        <EmptyState title="No overdue scorecards">
          <p>Every interviewer {home.scope === 'mine' ? 'on your openings ' : ''}is up to date with their feedback.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-busy={busy}>
            <caption className="visually-hidden">Overdue scorecards, most overdue first</caption>
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Candidate</th>
                <th scope="col">Interview</th>
                <th scope="col">Overdue by</th>
              </tr>
            </thead>
            <tbody>
              {overdue.items.map((o) => (
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
                </tr>
              ))}
            </tbody>
          </table>
          {overdue.total > overdue.items.length ? (
            <p className="home-section__more">
              Showing the {overdue.items.length} most overdue of {overdue.total}.
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
