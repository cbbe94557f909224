import { PlanStep, PlanStepKind, type RubricContent } from '@scorecard/contracts';
import { z } from 'zod';

/** The plan form: the contract's steps, with a plain message when a duration is left empty. */
export const PlanFormSchema = z.object({
  steps: z
    .array(
      PlanStep.extend({
        kind: PlanStepKind,
        durationMinutes: z.number({ error: 'Enter the length in minutes.' }).pipe(PlanStep.shape.durationMinutes),
      }),
    )
    .max(12, 'At most 12 steps.'),
});
export type PlanFormValues = z.infer<typeof PlanFormSchema>;
export type PlanStepValues = PlanFormValues['steps'][number];

/** A v4 UUID for a new step (crypto.randomUUID needs a secure context; this does not). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function newStep(): PlanStepValues {
  return {
    key: newKey(),
    name: '',
    kind: 'assessment',
    durationMinutes: 60,
    focusCompetencyKeys: [],
    interviewerIds: [],
    criterionKeys: [],
  };
}

/**
 * Keeps only what the rubric has: focus competencies it defines, and questions of the step's focus
 * competencies (a question without its competency in focus would never be rated). The candidate's
 * questions step asks nothing of the rubric.
 */
export function cleanStep(step: PlanStepValues, rubric: RubricContent | null): PlanStepValues {
  if (step.kind === 'candidate_questions') return { ...step, focusCompetencyKeys: [], criterionKeys: [] };
  if (!rubric) return step;
  const focus = step.focusCompetencyKeys.filter((k) => rubric.competencies.some((c) => c.key === k));
  const allowed = new Set(
    rubric.competencies.filter((c) => focus.includes(c.key)).flatMap((c) => c.criteria.map((cr) => cr.key)),
  );
  return { ...step, focusCompetencyKeys: focus, criterionKeys: step.criterionKeys.filter((k) => allowed.has(k)) };
}

/** Two plans are the same when their steps are, whatever order the ids in each list are in. */
export function planSignature(steps: readonly Partial<PlanStepValues>[]): string {
  return JSON.stringify(
    steps.map((s) => [
      s.key,
      s.kind ?? 'assessment',
      (s.name ?? '').trim(),
      s.durationMinutes,
      [...(s.focusCompetencyKeys ?? [])].sort(),
      [...(s.interviewerIds ?? [])].sort(),
      [...(s.criterionKeys ?? [])].sort(),
    ]),
  );
}
