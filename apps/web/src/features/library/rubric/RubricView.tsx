import type { RubricContent } from '@scorecard/contracts';
import { roundHalfUp } from '@scorecard/domain';
import { Badge } from '@/components/ui/Badge';
import { CATEGORY_LABELS, QUESTION_TYPE_LABELS, competencyName, criterionName, levelLabel } from './rubric-text';

const NOT_WRITTEN = <span className="muted">Not written yet</span>;

/** A rubric version, read-only: what interviewers will see. */
export function RubricView({ content }: { content: RubricContent }) {
  const totalWeight = content.competencies.reduce((sum, c) => sum + (c.weight > 0 ? c.weight : 0), 0);
  return (
    <div className="competency-list">
      {content.competencies.map((competency, ci) => {
        const headingId = `view-competency-${competency.key}`;
        const share = totalWeight > 0 ? roundHalfUp((competency.weight / totalWeight) * 100, 0) : 0;
        return (
          <section key={competency.key} className="competency" aria-labelledby={headingId}>
            <header className="competency__header">
              <h2 id={headingId} className="competency__title">
                <span className="competency__number">Competency {ci + 1}</span>{' '}
                <span className="competency__name">{competencyName(competency.name, ci)}</span>
              </h2>
              <span className="competency__meta">
                <Badge tone="neutral">{CATEGORY_LABELS[competency.category]}</Badge>
                <span>
                  Weight {competency.weight} <span className="muted">({share}% of the score)</span>
                </span>
              </span>
            </header>
            {competency.description ? <p className="competency__description">{competency.description}</p> : null}
            <div className="criteria">
              {competency.criteria.map((criterion, ri) => (
                <section key={criterion.key} className="criterion" aria-labelledby={`view-criterion-${criterion.key}`}>
                  <header className="criterion__header">
                    <h3 id={`view-criterion-${criterion.key}`} className="criterion__title">
                      <span className="criterion__number">Criterion {ri + 1}</span>{' '}
                      <span className="criterion__name">{criterionName(criterion.title, ri)}</span>
                    </h3>
                    <span className="criterion__meta">
                      <span>{QUESTION_TYPE_LABELS[criterion.questionType]} question</span>
                      {criterion.whyLead ? <Badge tone="accent">Asks why they want to lead</Badge> : null}
                    </span>
                  </header>
                  <p className="criterion__prompt">{criterion.prompt || NOT_WRITTEN}</p>
                  {criterion.probes.length > 0 ? (
                    <div className="probes">
                      <h4 className="probes__legend">Follow-up probes</h4>
                      <ul className="probes__view">
                        {criterion.probes.map((probe, i) => (
                          <li key={i}>{probe}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                  <div className="anchors">
                    <h4 className="anchors__legend">What each rating looks like</h4>
                    <dl className="anchors__grid">
                      {criterion.anchors.map((anchor, i) => (
                        <div key={i} className={`anchor anchor--view anchor--${i + 1}`}>
                          <dt className="anchor__level">{levelLabel(i)}</dt>
                          <dd>{anchor || NOT_WRITTEN}</dd>
                        </div>
                      ))}
                    </dl>
                  </div>
                </section>
              ))}
              {competency.criteria.length === 0 ? <p className="muted">No criteria yet.</p> : null}
            </div>
          </section>
        );
      })}
    </div>
  );
}
