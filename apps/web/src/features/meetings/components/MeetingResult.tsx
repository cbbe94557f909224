import type { Meeting } from '@scorecard/contracts';
import { formatDateTime } from '@/lib/format-time';
import { moveText, movementSummary, tookText } from '../meeting-copy';

/**
 * The result of a finished meeting: who moved between the rounds, from what to what, toward the
 * others' first-round mean (a sign of conformity) or away from it; and the timings. The votes are
 * the meeting's record: they never replace the scorecards' figures.
 */
export function MeetingResult({ meeting, headingLevel = 2 }: { meeting: Meeting; headingLevel?: 2 | 3 }) {
  const movement = meeting.movement;
  if (!movement) return null;
  const names = new Map(meeting.members.map((m) => [m.id, m.name]));
  const moved = movement.questions.flatMap((q) =>
    q.members.filter((m) => m.movement === 'toward' || m.movement === 'away').map((m) => ({ q, m })),
  );
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="panel panel--padded meeting-result" aria-labelledby={`meeting-result-${meeting.id}`}>
      <div className="section-header">
        <div>
          <Heading id={`meeting-result-${meeting.id}`} className="section-header__title">
            Who moved between the rounds
          </Heading>
          <p className="section-header__description">{movementSummary(movement)}</p>
        </div>
      </div>
      {moved.length > 0 ? (
        <div className="table-wrap">
          <table className="table meeting-moves">
            <thead>
              <tr>
                <th scope="col">Member</th>
                <th scope="col">Question</th>
                <th scope="col">Round 1 → round 2</th>
              </tr>
            </thead>
            <tbody>
              {moved.map(({ q, m }) => (
                <tr key={`${q.key}-${m.memberId}`} data-movement={m.movement ?? ''}>
                  <th scope="row">{names.get(m.memberId) ?? 'A former member'}</th>
                  <td>{q.name}</td>
                  <td>
                    <span className={`meeting-tag meeting-tag--${m.movement}`}>
                      {m.movement === 'toward' ? 'Toward' : 'Away'}
                    </span>{' '}
                    {moveText(q.key, m)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="muted meeting-result__note">
        Moving toward the others can be a sign of conformity, or of being persuaded by evidence: read it beside the
        discussion. The debrief’s scores always come from the scorecards alone.
      </p>
      <dl className="meeting-timings">
        <div>
          <dt>Started</dt>
          <dd>{formatDateTime(meeting.startedAt)}</dd>
        </div>
        {meeting.round1RevealedAt ? (
          <div>
            <dt>Round 1 revealed</dt>
            <dd>
              {formatDateTime(meeting.round1RevealedAt)} (after {tookText(meeting.startedAt, meeting.round1RevealedAt)})
            </dd>
          </div>
        ) : null}
        {meeting.round2OpenedAt && meeting.round1RevealedAt ? (
          <div>
            <dt>Discussion</dt>
            <dd>{tookText(meeting.round1RevealedAt, meeting.round2OpenedAt)}</dd>
          </div>
        ) : null}
        {meeting.finishedAt ? (
          <div>
            <dt>Finished</dt>
            <dd>
              {formatDateTime(meeting.finishedAt)} (in all {tookText(meeting.startedAt, meeting.finishedAt)})
            </dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
