import { HOME_LIST_LIMIT, STAGE_LABELS, type RecruiterHome, type Stage } from '@scorecard/contracts';
import { Link } from 'react-router';
import { EmptyState } from '@/components/ui/States';

const COLUMNS: readonly Stage[] = ['applied', 'screen', 'interviews', 'debrief', 'offer'];

function Count({ n }: { n: number }) {
  return n === 0 ? <span className="home-count--zero">0</span> : <>{n}</>;
}

type OpeningsSectionProps = {
  home: Pick<RecruiterHome, 'scope' | 'openings'>;
  busy: boolean;
  /** Offered when the caller has no open opening of their own; without it, a link to the openings. */
  onShowAll?: () => void;
};

/** The open openings in scope, each with its applications per stage. */
export function OpeningsSection({ home, busy, onShowAll }: OpeningsSectionProps) {
  const mine = home.scope === 'mine';
  return (
    <section className="panel home-section" aria-labelledby="home-openings">
      <div className="home-section__header">
        <h2 id="home-openings" className="section-header__title">
          {mine ? 'Your open openings' : 'All open openings'}
        </h2>
        <p className="section-header__description">
          {mine
            ? 'Open openings where you are the recruiter or the hiring manager, with their applications per stage.'
            : 'Every open opening of your organization, with its applications per stage.'}
        </p>
      </div>
      {home.openings.length === 0 ? (
        mine ? (
          <EmptyState
            title="No open openings of yours"
            action={
              <div className="home-actions">
                {onShowAll ? (
                  <button type="button" className="button button--secondary" onClick={onShowAll}>
                    Show all open openings
                  </button>
                ) : null}
                <Link to="/openings" className="button button--secondary">
                  Go to openings
                </Link>
              </div>
            }
          >
            <p>
              You are not the recruiter or hiring manager of an open opening. Pick yourself as recruiter on an opening’s
              page, or look at every open opening instead.
            </p>
          </EmptyState>
        ) : (
          <EmptyState
            title="No open openings"
            action={
              <Link to="/openings" className="button button--secondary">
                Go to openings
              </Link>
            }
          >
            <p>Open an opening to start collecting applications; it will show here with its pipeline.</p>
          </EmptyState>
        )
      ) : (
        <div className="table-wrap">
          <table className="table home-table" aria-busy={busy}>
            <caption className="visually-hidden">
              {mine ? 'Your open openings' : 'All open openings'}, with applications per stage
            </caption>
            <thead>
              <tr>
                <th scope="col">Opening</th>
                {COLUMNS.map((stage) => (
                  <th key={stage} scope="col" className="table__num">
                    {STAGE_LABELS[stage]}
                  </th>
                ))}
                <th scope="col" className="table__num">
                  Active
                </th>
                <th scope="col" className="table__num">
                  {STAGE_LABELS.hired}
                </th>
              </tr>
            </thead>
            <tbody>
              {home.openings.map((o) => (
                <tr key={o.id} data-opening-id={o.id}>
                  <th scope="row" className="table__name">
                    <Link to={`/openings/${o.id}/pipeline`}>{o.title}</Link>
                    <div className="table__meta">
                      Recruiter: {o.recruiter?.name ?? 'none'} · Hiring manager: {o.hiringManager?.name ?? 'none'}
                    </div>
                  </th>
                  {COLUMNS.map((stage) => (
                    <td key={stage} className="table__num" data-stage={stage}>
                      <Count n={o.counts[stage]} />
                    </td>
                  ))}
                  <td className="table__num home-table__active" data-stage="active">
                    <Count n={o.active} />
                  </td>
                  <td className="table__num" data-stage="hired">
                    <Count n={o.counts.hired} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {home.openings.length >= HOME_LIST_LIMIT ? (
            <p className="home-section__more">
              Showing the first {HOME_LIST_LIMIT} by title.{' '}
              <Link to="/openings?status=open">See every open opening</Link>
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
