import { ROLE_LABELS, ROLES, type DecisionWaiting, type HiringManagerHome as Home } from '@scorecard/contracts';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/States';
import { TrainingSection } from '@/features/qualification';
import { useHiringManagerHome } from '../api/work-queues';
import { daysSince, plural } from '../home-copy';
import { OpeningsSection } from './OpeningsSection';
import { MoreNote, QueueSection } from './QueueSection';
import { ScorecardsToWriteSection } from './ScorecardsToWriteSection';
import '../home.css';

/** "2 competencies, 3 criteria; split recommendation", or "None". */
function disagreementText(d: NonNullable<DecisionWaiting['panel']>['disagreements']): string {
  const parts = [
    d.competencies > 0 ? plural(d.competencies, 'competency', 'competencies') : null,
    d.criteria > 0 ? plural(d.criteria, 'criterion', 'criteria') : null,
  ].filter(Boolean);
  const text = parts.join(', ');
  if (d.recommendationSplit) return text ? `${text}; split recommendation` : 'Split recommendation';
  return text || 'None';
}

function Decisions({ home, now }: { home: Home; now: number }) {
  const { decisions } = home;
  const mine = home.scope === 'mine';
  return (
    <QueueSection
      id="home-decisions"
      title="Decisions waiting"
      total={decisions.total}
      description={
        mine
          ? 'Candidates in debrief on the openings you hire for, longest waiting first. Open one to decide.'
          : 'Candidates in debrief on every opening, longest waiting first. Open one to decide.'
      }
    >
      {decisions.items.length === 0 ? (
        <EmptyState title="No decisions waiting">
          <p>
            No candidate is in debrief {mine ? 'on your openings ' : ''}right now. They appear here once the recruiter
            moves them to Debrief.
          </p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Decisions waiting, longest waiting first</caption>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col" className="table__num">
                  Scorecards in
                </th>
                <th scope="col">Disagreements</th>
                <th scope="col" className="table__num">
                  Dealbreakers
                </th>
                <th scope="col">Waiting</th>
              </tr>
            </thead>
            <tbody>
              {decisions.items.map((d) => (
                <tr key={d.applicationId} data-application-id={d.applicationId}>
                  <th scope="row" className="table__name">
                    <Link to={`/applications/${d.applicationId}/debrief`}>
                      {d.candidate.name}
                      <span className="visually-hidden">: open the debrief to decide</span>
                    </Link>
                    <div className="table__meta">{d.opening.title}</div>
                  </th>
                  <td className="table__num" data-col="scorecards">
                    {d.scorecards.submitted} of {d.scorecards.expected}
                  </td>
                  {d.panel ? (
                    <>
                      <td data-col="disagreements">{disagreementText(d.panel.disagreements)}</td>
                      <td className="table__num" data-col="dealbreakers">
                        {d.panel.redFlags.dealbreakers > 0 ? (
                          <span className="home-overdue">{d.panel.redFlags.dealbreakers}</span>
                        ) : (
                          <span className="home-count--zero">0</span>
                        )}
                      </td>
                    </>
                  ) : (
                    <td colSpan={2} className="table__meta" data-col="hidden">
                      Hidden until you submit your own scorecard
                    </td>
                  )}
                  <td className="table__nowrap">{daysSince(d.stageEnteredAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreNote shown={decisions.items.length} total={decisions.total} what="decisions, longest waiting first" />
        </div>
      )}
    </QueueSection>
  );
}

function AdminSection({ admin }: { admin: NonNullable<Home['admin']> }) {
  const roles = ROLES.filter((r) => admin.users.byRole[r] > 0)
    .map((r) => `${admin.users.byRole[r]} ${ROLE_LABELS[r].toLowerCase()}${admin.users.byRole[r] === 1 ? '' : 's'}`)
    .join(', ');
  return (
    <QueueSection id="home-admin" title="Your organization" description="People and the audit log, for admins.">
      <ul className="admin-tiles">
        <li className="admin-tile">
          <span className="admin-tile__figure">{admin.users.active}</span>
          <span className="admin-tile__label">active {admin.users.active === 1 ? 'user' : 'users'}</span>
          <span className="admin-tile__meta">{roles || 'Nobody yet'}</span>
          <Link to="/users" className="admin-tile__link">
            Manage users
          </Link>
        </li>
        <li className="admin-tile">
          <span className="admin-tile__figure">{admin.auditEventsLastWeek}</span>
          <span className="admin-tile__label">audit {admin.auditEventsLastWeek === 1 ? 'event' : 'events'}</span>
          <span className="admin-tile__meta">in the last 7 days</span>
          <Link to="/admin/audit" className="admin-tile__link">
            Open the audit log
          </Link>
        </li>
      </ul>
    </QueueSection>
  );
}

/** The hiring manager's home (admins get it too, with their own section): decisions first. */
export function HiringManagerHome() {
  const home = useHiringManagerHome();
  if (home.isPending) {
    return (
      <div className="panel">
        <LoadingState label="Loading your decisions…" />
      </div>
    );
  }
  if (home.isError) {
    return (
      <div className="panel">
        <ErrorState
          title="Couldn’t load your home"
          error={home.error}
          onRetry={() => void home.refetch()}
          retrying={home.isFetching}
        />
      </div>
    );
  }
  const now = Date.parse(home.data.now);
  return (
    <div className="home">
      <Decisions home={home.data} now={now} />
      <TrainingSection />
      {home.data.admin ? <AdminSection admin={home.data.admin} /> : null}
      <OpeningsSection home={home.data} busy={false} />
      <ScorecardsToWriteSection
        id="home-my-scorecards"
        title="Your scorecards to write"
        toWrite={home.data.myScorecards}
        now={now}
      />
    </div>
  );
}
