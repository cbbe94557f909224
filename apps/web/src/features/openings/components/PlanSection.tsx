import type { Opening } from '@scorecard/contracts';
import { ErrorState, LoadingState } from '@/components/ui/States';
import { usePeople, useRubricVersion } from '../api/opening-sources';
import { PlanBuilder } from './PlanBuilder';
import { PlanView } from './PlanView';

type PlanSectionProps = {
  opening: Opening;
  editable: boolean;
  canEdit: boolean;
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (message: string) => void;
  /** Opens the profile form, focused on `field` when given. */
  onEditProfile: (field?: string) => void;
  onReload: () => Promise<Opening | undefined>;
};

export function PlanSection(props: PlanSectionProps) {
  const { opening, editable } = props;
  const rubricVersionId = opening.rubricVersion?.id ?? null;
  const rubric = useRubricVersion(rubricVersionId);
  const people = usePeople();

  let body;
  if (rubricVersionId === null) {
    body = (
      <div className="plan__empty">
        <p className="state__title">A rubric is needed first</p>
        <p>The plan is built from the rubric’s competencies and questions. Choose a published rubric in the profile.</p>
        {props.canEdit && opening.status !== 'closed' ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => props.onEditProfile('rubricVersionId')}
          >
            Choose a rubric
          </button>
        ) : null}
      </div>
    );
  } else if (rubric.isPending || people.isPending) {
    body = <LoadingState label="Loading the rubric and people…" />;
  } else if (rubric.isError || people.isError) {
    const failed = rubric.isError ? rubric : people;
    body = (
      <ErrorState
        title={rubric.isError ? 'Couldn’t load the rubric' : 'Couldn’t load the people of your organization'}
        error={failed.error}
        onRetry={() => void failed.refetch()}
        retrying={failed.isFetching}
      />
    );
  } else if (editable) {
    body = (
      <PlanBuilder
        opening={opening}
        rubric={rubric.data.content}
        people={people.data}
        onDirtyChange={props.onDirtyChange}
        onSaved={props.onSaved}
        onEditProfile={() => props.onEditProfile('codingSharePct')}
        onReload={props.onReload}
      />
    );
  } else {
    body = <PlanView steps={opening.plan.steps} rubric={rubric.data.content} people={people.data} />;
  }

  return (
    <section className="panel panel--padded opening-section" aria-labelledby="plan-title">
      <div className="section-header">
        <div>
          <h2 id="plan-title" className="section-header__title">
            Interview plan
          </h2>
          <p className="section-header__description">
            {editable
              ? 'The interviews every candidate goes through, in order, with the same questions for everyone.'
              : opening.status === 'closed'
                ? 'This opening is closed, so its plan can no longer change.'
                : 'The interviews every candidate goes through. Only admins and hiring managers change the plan.'}
          </p>
        </div>
      </div>
      {body}
    </section>
  );
}
