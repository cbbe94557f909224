import type { InterviewKit } from '@scorecard/contracts';
import type { ScorecardIssue } from '@scorecard/domain';
import type { ReactNode } from 'react';
import { isCandidateQuestions, issuesByPath, type DraftContent } from '../scorecard-draft';
import { CandidateQuestionsKit } from './CandidateQuestionsKit';
import { CriterionBlock } from './CriterionBlock';
import { KitFacts } from './KitFacts';
import { NotesPanel } from './NotesPanel';
import { OverallSection } from './OverallSection';
import { RedFlagChecklist } from './RedFlagChecklist';
import { UnaskedRatings } from './UnaskedRatings';

export type Updater = (recipe: (draft: DraftContent) => DraftContent) => void;

type ScorecardFormProps = {
  kit: InterviewKit;
  content: DraftContent;
  /** null: the scorecard is shown read-only. */
  update: Updater | null;
  /** What is missing, shown beside each field (once the person has tried to submit). */
  issues: readonly ScorecardIssue[];
  now: number;
  /** Between the competencies and red flags and the end of the page: the list of what is missing. */
  children?: ReactNode;
};

/**
 * The interview kit and the scorecard on one page: each asked question beside its rating (the kit
 * holds exactly the questions the interview asked), old unasked ratings apart and read-only; the
 * candidate's questions step shows its topics and takes notes and a summary only.
 */
export function ScorecardForm({ kit, content, update, issues, now, children }: ScorecardFormProps) {
  const errors = issuesByPath(issues);
  const asked = new Set(kit.questionKeys);
  const closing = isCandidateQuestions(kit);
  return (
    <div className="scorecard">
      <div className="scorecard__top">
        <KitFacts kit={kit} now={now} />
        <NotesPanel notes={content.notes} update={update} />
      </div>
      {closing ? <CandidateQuestionsKit kit={kit} /> : null}
      {update && kit.competencies.length > 0 ? (
        <p className="keyboard-hint" id="keyboard-hint">
          <strong>Keyboard:</strong> in a rating, press <kbd>1</kbd>–<kbd>4</kbd> to choose a level, <kbd>0</kbd> or{' '}
          <kbd>N</kbd> for not assessed; <kbd>Tab</kbd> moves to the evidence, then to the next criterion. Changes save
          as you go.
        </p>
      ) : null}
      {kit.competencies.map((competency) => (
        <section
          key={competency.key}
          className="panel competency-block"
          aria-labelledby={`competency-${competency.key}-title`}
        >
          <header className="competency-block__header">
            <h2 id={`competency-${competency.key}-title`} className="section-header__title">
              {competency.name}
            </h2>
            {competency.description.trim() ? (
              <p className="section-header__description">{competency.description}</p>
            ) : null}
          </header>
          {competency.criteria.map((criterion) => (
            <CriterionBlock
              key={criterion.key}
              criterion={criterion}
              asked={asked.has(criterion.key)}
              entry={content.ratings[criterion.key]}
              update={update}
              ratingError={errors.get(`ratings.${criterion.key}`)}
              evidenceError={errors.get(`ratings.${criterion.key}.evidence`)}
            />
          ))}
        </section>
      ))}
      <UnaskedRatings kit={kit} />
      <RedFlagChecklist items={kit.redFlags} flags={content.redFlags} update={update} errors={errors} />
      <OverallSection
        recommendation={content.recommendation}
        summary={content.summary}
        update={update}
        error={errors.get('recommendation')}
        withRecommendation={!closing}
        contradictionConfirmedAt={kit.scorecard.contradictionConfirmedAt}
        now={now}
      />
      {children}
    </div>
  );
}
