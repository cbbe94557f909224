import { PLAN_STEP_KIND_LABELS, type Person, type PlanStepKind, type RubricContent } from '@scorecard/contracts';
import { useId } from 'react';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import type { PlanFormValues } from '../plan-form';
import { InterviewerPicker } from './InterviewerPicker';

type PlanStepEditorProps = {
  form: UseFormReturn<PlanFormValues>;
  index: number;
  stepKey: string;
  count: number;
  rubric: RubricContent;
  people: readonly Person[];
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
};

const CATEGORY_LABELS: Record<RubricContent['competencies'][number]['category'], string> = {
  technical: 'Technical',
  leadership: 'Leadership',
  mentoring: 'Mentoring',
  communication: 'Communication',
  other: 'Other',
};

const KIND_HINTS: Record<PlanStepKind, string> = {
  assessment: 'Asks the questions you choose below; the interviewer rates each answer.',
  candidate_questions:
    'The candidate asks their questions (authority, coding time, the team, the engineering manager, growth). Notes only: no ratings, no recommendation. Put it last.',
};

/** One interview step: kind, name, length, focus competencies, their questions, default interviewers. */
export function PlanStepEditor({ form, index, stepKey, count, rubric, people, onMove, onRemove }: PlanStepEditorProps) {
  const id = useId();
  const { register, control, setValue, getValues } = form;
  const errors = form.formState.errors.steps?.[index];
  const name = useWatch({ control, name: `steps.${index}.name` });
  const focus = useWatch({ control, name: `steps.${index}.focusCompetencyKeys` }) ?? [];
  const kind = useWatch({ control, name: `steps.${index}.kind` }) ?? 'assessment';
  const focused = rubric.competencies.filter((c) => focus.includes(c.key));
  const number = index + 1;
  const heading = name?.trim() ? `Step ${number}: ${name.trim()}` : `Step ${number}`;

  const toggleFocus = (key: string, checked: boolean) => {
    const next = checked ? [...focus, key] : focus.filter((k) => k !== key);
    setValue(`steps.${index}.focusCompetencyKeys`, next, { shouldDirty: true });
    if (!checked) {
      // Questions of a competency no longer in focus leave the step with it.
      const dropped = new Set(rubric.competencies.find((c) => c.key === key)?.criteria.map((cr) => cr.key));
      const questions = getValues(`steps.${index}.criterionKeys`).filter((k) => !dropped.has(k));
      setValue(`steps.${index}.criterionKeys`, questions, { shouldDirty: true });
    }
  };

  const chooseKind = (next: PlanStepKind) => {
    setValue(`steps.${index}.kind`, next, { shouldDirty: true });
    if (next === 'candidate_questions') {
      setValue(`steps.${index}.focusCompetencyKeys`, [], { shouldDirty: true });
      setValue(`steps.${index}.criterionKeys`, [], { shouldDirty: true });
    }
  };

  return (
    <section className="step" aria-labelledby={`${id}-title`} data-step-key={stepKey} data-step-kind={kind}>
      <header className="step__header">
        <h3 id={`${id}-title`} className="step__title" tabIndex={-1}>
          {heading}
        </h3>
        <div className="step__tools">
          <button
            type="button"
            className="button button--ghost button--small"
            data-action="up"
            disabled={index === 0}
            onClick={() => onMove(index, index - 1)}
          >
            Move up<span className="visually-hidden"> step {number}</span>
          </button>
          <button
            type="button"
            className="button button--ghost button--small"
            data-action="down"
            disabled={index === count - 1}
            onClick={() => onMove(index, index + 1)}
          >
            Move down<span className="visually-hidden"> step {number}</span>
          </button>
          <button
            type="button"
            className="button button--ghost button--small step__remove"
            onClick={() => onRemove(index)}
          >
            Remove<span className="visually-hidden"> step {number}</span>
          </button>
        </div>
      </header>

      <div className="step__basics">
        <div className={errors?.name ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${id}-name`}>
            Step name
          </label>
          <input
            id={`${id}-name`}
            className="input"
            autoComplete="off"
            placeholder="e.g. Leadership and mentoring"
            aria-invalid={Boolean(errors?.name)}
            aria-describedby={errors?.name ? `${id}-name-error` : undefined}
            {...register(`steps.${index}.name`)}
          />
          {errors?.name ? (
            <p id={`${id}-name-error`} className="field__error">
              {errors.name.message}
            </p>
          ) : null}
        </div>
        <div className={errors?.durationMinutes ? 'field field--invalid' : 'field'}>
          <label className="field__label" htmlFor={`${id}-duration`}>
            Duration (minutes)
          </label>
          <input
            id={`${id}-duration`}
            className="input input--narrow"
            type="number"
            min={10}
            max={480}
            step={5}
            aria-invalid={Boolean(errors?.durationMinutes)}
            aria-describedby={errors?.durationMinutes ? `${id}-duration-error` : undefined}
            {...register(`steps.${index}.durationMinutes`, { valueAsNumber: true })}
          />
          {errors?.durationMinutes ? (
            <p id={`${id}-duration-error`} className="field__error">
              {errors.durationMinutes.message}
            </p>
          ) : null}
        </div>
      </div>

      <fieldset className="step__kind">
        <legend className="field__label">Kind of step</legend>
        <div className="step__kind-options">
          {(Object.keys(PLAN_STEP_KIND_LABELS) as PlanStepKind[]).map((k) => (
            <div className="check" key={k}>
              <input
                id={`${id}-kind-${k}`}
                type="radio"
                name={`${id}-kind`}
                className="radio"
                checked={kind === k}
                onChange={() => chooseKind(k)}
              />
              <label htmlFor={`${id}-kind-${k}`}>{PLAN_STEP_KIND_LABELS[k]}</label>
            </div>
          ))}
        </div>
        <p className="field__hint">{KIND_HINTS[kind]}</p>
        {errors?.focusCompetencyKeys && kind === 'candidate_questions' ? (
          <p className="field__error">{errors.focusCompetencyKeys.message}</p>
        ) : null}
      </fieldset>

      <div className="step__columns">
        {kind === 'candidate_questions' ? null : (
          <fieldset className="checks">
            <legend className="field__label">Focus competencies</legend>
            {rubric.competencies.map((c) => (
              <div className="check" key={c.key}>
                <input
                  id={`${id}-c-${c.key}`}
                  type="checkbox"
                  className="checkbox"
                  checked={focus.includes(c.key)}
                  onChange={(e) => toggleFocus(c.key, e.target.checked)}
                />
                <label htmlFor={`${id}-c-${c.key}`}>{c.name}</label>
                <span className="check__meta">{CATEGORY_LABELS[c.category]}</span>
              </div>
            ))}
          </fieldset>
        )}
        <Controller
          control={control}
          name={`steps.${index}.interviewerIds`}
          render={({ field, fieldState }) => (
            <InterviewerPicker
              people={people}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
      </div>

      {kind === 'candidate_questions' ? null : (
        <Controller
          control={control}
          name={`steps.${index}.criterionKeys`}
          render={({ field, fieldState }) => (
            <fieldset className="questions">
              <legend className="field__label">Questions this step asks</legend>
              <p className="field__hint">
                The scorecard rates exactly these: a competency counts as asked only through its questions.
              </p>
              {focused.length === 0 ? (
                <p className="field__hint">Choose focus competencies to pick their questions.</p>
              ) : (
                focused.map((c) => (
                  <div key={c.key} className="questions__group" role="group" aria-label={`${c.name} questions`}>
                    <p className="questions__competency" aria-hidden="true">
                      {c.name}
                    </p>
                    {c.criteria.map((cr) => (
                      <div className="question" key={cr.key}>
                        <input
                          id={`${id}-q-${cr.key}`}
                          type="checkbox"
                          className="checkbox"
                          checked={field.value.includes(cr.key)}
                          aria-describedby={`${id}-q-${cr.key}-prompt`}
                          onChange={(e) =>
                            field.onChange(
                              e.target.checked ? [...field.value, cr.key] : field.value.filter((k) => k !== cr.key),
                            )
                          }
                        />
                        <div className="question__text">
                          <label htmlFor={`${id}-q-${cr.key}`} className="question__title">
                            {cr.title || 'Untitled question'}
                            {cr.whyLead ? <span className="why-lead">Why-lead question</span> : null}
                          </label>
                          <p id={`${id}-q-${cr.key}-prompt`} className="question__prompt">
                            {cr.prompt}
                          </p>
                        </div>
                      </div>
                    ))}
                  </div>
                ))
              )}
              {fieldState.error ? <p className="field__error">{fieldState.error.message}</p> : null}
            </fieldset>
          )}
        />
      )}
    </section>
  );
}
