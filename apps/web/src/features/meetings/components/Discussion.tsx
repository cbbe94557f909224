import { RECOMMENDATION_LABELS, type Debrief, type Meeting, type MeetingVote } from '@scorecard/contracts';
import { RECOMMENDATIONS, questionName, shortValue } from '../meeting-copy';

/** A member's value on a question in one vote: the competency's rating, or the recommendation on 1–4. */
function voteValue(vote: MeetingVote | undefined, key: string): number | undefined {
  if (!vote) return undefined;
  return key === 'recommendation' ? RECOMMENDATIONS.indexOf(vote.recommendation) + 1 : vote.ratings[key];
}

type Evidence = { label: string; rating: number | null; text: string };

/**
 * What a member's own scorecards said on a question, from the debrief (its grid and scorecards, as
 * the independence rule lets the caller read them): each criterion's rating and evidence, or the
 * recommendation. Nothing for a host who did not interview.
 */
function evidenceOf(debrief: Debrief, memberId: string, key: string): Evidence[] {
  if (key === 'recommendation') {
    return debrief.scorecards
      .filter((s) => s.interviewer.id === memberId)
      .map((s) => ({
        label: s.step,
        rating: null,
        text: s.recommendation ? `Recommended: ${RECOMMENDATION_LABELS[s.recommendation]}` : 'No recommendation',
      }));
  }
  const titles = new Map(debrief.competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, cr.title] as const)));
  const columns = debrief.grid.columns.flatMap((c, i) => (c.interviewer.id === memberId ? [i] : []));
  return debrief.grid.rows
    .filter((r) => r.competencyKey === key)
    .flatMap((r) =>
      columns.flatMap((i) => {
        const cell = r.cells[i]!;
        if (cell.status === 'not_asked') return [];
        return [
          {
            label: titles.get(r.criterionKey) ?? 'A question',
            rating: cell.rating,
            text: cell.status === 'not_assessed' ? 'Not assessed' : cell.evidence || 'No evidence written',
          },
        ];
      }),
    );
}

/**
 * After a reveal: each question in the order to talk it through (the largest spread of the latest
 * revealed round first), every member's votes beside what their scorecards said on it.
 */
export function Discussion({ meeting, debrief }: { meeting: Meeting; debrief: Debrief }) {
  const [first, second] = meeting.rounds;
  const byMember = (round: typeof first) => new Map(round?.votes.map((v) => [v.memberId, v]) ?? []);
  const r1 = byMember(first);
  const r2 = byMember(second);
  return (
    <section className="panel panel--padded meeting-discussion" aria-labelledby="meeting-discussion-title">
      <div className="section-header">
        <div>
          <h2 id="meeting-discussion-title" className="section-header__title">
            {meeting.status === 'finished' ? 'The votes, question by question' : 'Discuss: largest disagreement first'}
          </h2>
          <p className="section-header__description">
            Each member’s vote beside what their scorecard said. The spread is the highest vote minus the lowest in the
            latest revealed round.
          </p>
        </div>
      </div>
      <ol className="meeting-topics">
        {meeting.discussion.map(({ key, spread }) => (
          <li key={key} className="meeting-topic">
            <h3 className="meeting-topic__title">
              {spread >= 2 ? <span className="meeting-tag meeting-tag--split">Disagreement</span> : null}
              {questionName(meeting, key)}
              <span className="muted meeting-topic__spread">Spread {spread}</span>
            </h3>
            <div className="table-wrap">
              <table className="table meeting-votes">
                <thead>
                  <tr>
                    <th scope="col">Member</th>
                    <th scope="col">Round 1</th>
                    {second ? <th scope="col">Round 2</th> : null}
                    <th scope="col">Their scorecard</th>
                  </tr>
                </thead>
                <tbody>
                  {meeting.members.map((m) => {
                    const a = voteValue(r1.get(m.id), key);
                    const b = voteValue(r2.get(m.id), key);
                    const evidence = evidenceOf(debrief, m.id, key);
                    return (
                      <tr key={m.id}>
                        <th scope="row">
                          {m.name}
                          {m.host ? <span className="muted"> (host)</span> : null}
                        </th>
                        <td className="meeting-votes__value">{a === undefined ? '—' : shortValue(key, a)}</td>
                        {second ? (
                          <td className="meeting-votes__value">{b === undefined ? '—' : shortValue(key, b)}</td>
                        ) : null}
                        <td>
                          {evidence.length === 0 ? (
                            <span className="muted">No scorecard of theirs on this</span>
                          ) : (
                            <ul className="meeting-evidence">
                              {evidence.map((e, i) => (
                                <li key={i}>
                                  <span className="meeting-evidence__label">
                                    {e.label}
                                    {e.rating !== null ? `: ${e.rating}` : ''}
                                  </span>{' '}
                                  {e.text}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
