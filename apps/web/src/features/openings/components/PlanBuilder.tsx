import { zodResolver } from '@hookform/resolvers/zod';
import type { Opening, Person, RubricContent } from '@scorecard/contracts';
import { checkPlan } from '@scorecard/domain';
import { useEffect, useEffectEvent, useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch, type FieldPath } from 'react-hook-form';
import { Alert } from '@/components/ui/Alert';
import { ApiError } from '@/lib/api';
import { useSavePlan } from '../api/opening-mutations';
import { isStale, openingWriteErrorMessage } from '../opening-errors';
import { PlanFormSchema, cleanStep, newStep, planSignature, type PlanFormValues } from '../plan-form';
import { PlanCheckPanel } from './PlanCheckPanel';
import { PlanStepEditor } from './PlanStepEditor';

type PlanBuilderProps = {
  opening: Opening;
  rubric: RubricContent;
  people: readonly Person[];
  onDirtyChange: (dirty: boolean) => void;
  onSaved: (message: string) => void;
  onEditProfile: () => void;
  /** Fetches the opening again; resolves with the fresh one. */
  onReload: () => Promise<Opening | undefined>;
};

/** Edits the ordered interview steps, checks them live, and saves them against the opening's revision. */
export function PlanBuilder({
  opening,
  rubric,
  people,
  onDirtyChange,
  onSaved,
  onEditProfile,
  onReload,
}: PlanBuilderProps) {
  const form = useForm<PlanFormValues>({
    resolver: zodResolver(PlanFormSchema),
    defaultValues: { steps: opening.plan.steps },
  });
  const steps = useFieldArray({ control: form.control, name: 'steps' });
  const save = useSavePlan(opening.id);
  /** The revision and plan this draft started from: a save names that revision. */
  const [base, setBase] = useState({ revision: opening.revision, plan: planSignature(opening.plan.steps) });
  const [conflict, setConflict] = useState(false);
  const { isDirty } = form.formState;

  const watched = useWatch({ control: form.control, name: 'steps' });
  const current = useMemo(() => (watched ?? []).map((s) => cleanStep(s, rubric)), [watched, rubric]);
  const check = useMemo(
    () => checkPlan({ rubric, steps: current, codingSharePct: opening.codingSharePct }),
    [rubric, current, opening.codingSharePct],
  );

  const adopt = (fresh: Opening) => {
    form.reset({ steps: fresh.plan.steps });
    setBase({ revision: fresh.revision, plan: planSignature(fresh.plan.steps) });
    setConflict(false);
    save.reset();
  };

  // A newer opening arrived (our own save, a profile edit, or someone else's change). An effect
  // event: it compares with the draft as it is now, but only a new opening makes it run.
  const arrived = useEffectEvent((fresh: Opening) => {
    if (fresh.revision === base.revision) return;
    const serverPlan = planSignature(fresh.plan.steps);
    if (serverPlan === base.plan) setBase({ revision: fresh.revision, plan: serverPlan });
    else if (
      !form.formState.isDirty ||
      serverPlan === planSignature(form.getValues('steps').map((s) => cleanStep(s, rubric)))
    )
      adopt(fresh);
    else setConflict(true);
  });
  useEffect(() => arrived(opening), [opening]);

  useEffect(() => onDirtyChange(isDirty), [isDirty, onDirtyChange]);
  useEffect(() => {
    if (!isDirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const submit = form.handleSubmit((values) => {
    save.mutate(
      { steps: values.steps.map((s) => cleanStep(s, rubric)), revision: base.revision },
      {
        onSuccess: (saved) => {
          adopt(saved);
          onSaved(
            saved.planCheck.ok ? 'Plan saved. The plan check passes.' : 'Plan saved. The plan check still has issues.',
          );
        },
        onError: (error) => {
          if (!(error instanceof ApiError) || error.code !== 'validation_failed') return;
          error.fieldErrors.forEach((fe, i) => {
            if (fe.path.startsWith('steps.'))
              form.setError(
                fe.path as FieldPath<PlanFormValues>,
                { type: 'server', message: fe.message },
                { shouldFocus: i === 0 },
              );
          });
        },
      },
    );
  });

  const focusStep = (key: string, selector: string) =>
    requestAnimationFrame(() => {
      const step = document.querySelector(`[data-step-key="${key}"]`);
      (step?.querySelector<HTMLElement>(selector) ?? step?.querySelector<HTMLElement>('h3'))?.focus();
    });

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) adopt(fresh);
  };

  return (
    <form className="plan" onSubmit={(e) => void submit(e)} noValidate aria-label="Interview plan">
      <div className="plan__steps">
        {conflict || (save.isError && isStale(save.error)) ? (
          <Alert title="Someone else saved this plan">
            <p>Their version was saved after you started editing, so yours can’t be saved over it.</p>
            <button
              type="button"
              className="button button--secondary button--small alert__action"
              onClick={() => void reload()}
            >
              Load their plan (discards your changes)
            </button>
          </Alert>
        ) : save.isError ? (
          <Alert title="The plan wasn’t saved" onDismiss={() => save.reset()}>
            {openingWriteErrorMessage(save.error, 'the plan')}
          </Alert>
        ) : null}
        {steps.fields.length === 0 ? (
          <div className="plan__empty">
            <p className="state__title">No interview steps yet</p>
            <p>Add the interviews every candidate goes through, in order. Each focuses on some competencies.</p>
          </div>
        ) : (
          <ol className="plan__list">
            {steps.fields.map((field, index) => (
              <li key={field.id}>
                <PlanStepEditor
                  form={form}
                  index={index}
                  stepKey={field.key}
                  count={steps.fields.length}
                  rubric={rubric}
                  people={people}
                  onMove={(from, to) => {
                    steps.move(from, to);
                    focusStep(field.key, `[data-action="${to < from ? 'up' : 'down'}"]:not(:disabled)`);
                  }}
                  onRemove={(i) => {
                    steps.remove(i);
                    requestAnimationFrame(() => document.getElementById('plan-add-step')?.focus());
                  }}
                />
              </li>
            ))}
          </ol>
        )}
        <button
          id="plan-add-step"
          type="button"
          className="button button--secondary"
          disabled={steps.fields.length >= 12}
          onClick={() => {
            const step = newStep();
            steps.append(step, { shouldFocus: false });
            focusStep(step.key, 'input');
          }}
        >
          Add step
        </button>
      </div>
      <aside className="plan__aside" aria-label="Plan check and saving">
        <PlanCheckPanel check={check} rubric={rubric} steps={current} onEditProfile={onEditProfile} />
        <div className="save-bar">
          <p className={isDirty ? 'save-bar__state save-bar__state--dirty' : 'save-bar__state'} role="status">
            {isDirty ? 'Unsaved changes' : 'All changes saved'}
          </p>
          <div className="save-bar__actions">
            {isDirty ? (
              <button type="button" className="button button--ghost" onClick={() => adopt(opening)}>
                Discard
              </button>
            ) : null}
            <button type="submit" className="button button--primary" disabled={save.isPending || !isDirty}>
              {save.isPending ? 'Saving…' : 'Save plan'}
            </button>
          </div>
        </div>
      </aside>
    </form>
  );
}
