import type { InterviewKit } from '@scorecard/contracts';

/**
 * The closing step's kit: the candidate asks. What tech-lead candidates expect to hear about, each
 * with what this opening's hiring manager wrote, so the answers are the opening's and not improvised.
 */
export function CandidateQuestionsKit({ kit }: { kit: InterviewKit }) {
  const q = kit.candidateQuestions;
  if (!q) return null;
  return (
    <section className="panel panel--padded scorecard-section candidate-questions" aria-labelledby="candidate-q-title">
      <h2 id="candidate-q-title" className="section-header__title">
        The candidate’s questions
      </h2>
      <p className="section-header__description">
        This step is the candidate’s: leave them the time to ask, answer honestly, and note what they asked and what
        worried them. Nobody is rated here and there is no recommendation. Tech-lead candidates usually want to know
        about these five things.
      </p>
      <dl className="candidate-questions__topics">
        {q.topics.map((t) => (
          <div key={t.key} className="candidate-questions__topic">
            <dt className="candidate-questions__label">{t.label}</dt>
            <dd>
              <p className="candidate-questions__guidance">{t.guidance}</p>
              <p className="candidate-questions__opening">
                <span className="criterion-block__label">What this opening says</span>
                {t.key === 'codingTime' && q.codingSharePct !== null ? (
                  <span className="candidate-questions__share">Coding share: {q.codingSharePct}% of the time. </span>
                ) : null}
                {t.opening.trim() ? (
                  <span>{t.opening}</span>
                ) : (
                  <span className="muted">
                    The hiring manager hasn’t written this yet: ask them before the interview.
                  </span>
                )}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
