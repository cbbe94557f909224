import type { InterviewKit } from '@scorecard/contracts';
import { formatDateTime, formatDuration, overdueBy } from '../scorecard-copy';
import { KitFiles } from './KitFiles';

const LINK_LABELS = { linkedin: 'LinkedIn', github: 'GitHub', blog: 'Blog', talks: 'Talks' } as const;

/** Who the candidate is (unless the opening hides CV details from interviewers) and when the interview is. */
export function KitFacts({ kit, now }: { kit: InterviewKit; now: number }) {
  const { candidate, interview, scorecard } = kit;
  const nowDate = new Date(now);
  const overdue = scorecard.status === 'draft' && Date.parse(interview.feedbackDueAt) < now;
  const role = [candidate.currentTitle, candidate.currentCompany].filter(Boolean).join(' at ');
  const links = candidate.links
    ? (Object.keys(LINK_LABELS) as (keyof typeof LINK_LABELS)[]).filter((k) => candidate.links?.[k])
    : [];
  return (
    <section className="panel panel--padded kit-facts" aria-labelledby="kit-facts-title">
      <h2 id="kit-facts-title" className="section-header__title">
        Interview
      </h2>
      <dl className="kit-facts__list">
        <div>
          <dt>Candidate</dt>
          <dd>
            <span className="kit-facts__name">{candidate.name}</span>
            {candidate.detailsHidden ? (
              <p className="kit-facts__hidden">
                CV details hidden for this opening, so you judge only what you hear in the interview.
              </p>
            ) : (
              <>
                {role ? <p>{role}</p> : null}
                {candidate.location ? <p className="muted">{candidate.location}</p> : null}
                {links.length > 0 ? (
                  <p className="kit-facts__links">
                    {links.map((k) => (
                      <a key={k} href={candidate.links?.[k]} target="_blank" rel="noreferrer noopener">
                        {LINK_LABELS[k]}
                      </a>
                    ))}
                  </p>
                ) : null}
                {candidate.id ? <KitFiles candidateId={candidate.id} /> : null}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Step</dt>
          <dd>
            {interview.step}
            {scorecard.shadow ? (
              <p className="kit-facts__shadow">
                <span className="badge badge--accent">Shadow</span> A training session: your scorecard is kept and shown
                on the debrief as a shadow’s, and counts in no figure.
              </p>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>
            <time dateTime={interview.startsAt}>{formatDateTime(interview.startsAt, nowDate)}</time>
            <span className="muted"> · {formatDuration(interview.durationMinutes)}</span>
          </dd>
        </div>
        <div>
          <dt>Feedback due</dt>
          <dd>
            <time dateTime={interview.feedbackDueAt}>{formatDateTime(interview.feedbackDueAt, nowDate)}</time>
            {overdue ? (
              <span className="kit-facts__overdue">
                <span className="badge overdue-badge">Overdue</span>{' '}
                <span className="muted">by {overdueBy(interview.feedbackDueAt, now)}</span>
              </span>
            ) : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}
