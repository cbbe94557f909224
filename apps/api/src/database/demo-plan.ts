import type { PlanStepKind } from '@scorecard/contracts';
import { TECH_LEAD_PLAN } from '../modules/library/tech-lead-kit.js';

/** One step of the demo openings' interview plan: the kit's steps, with the questions each asks. */
export interface DemoPlanStep {
  name: string;
  kind: PlanStepKind;
  durationMinutes: number;
  focus: string[];
  criterionKeys: string[];
}

/**
 * The plan both demo openings use: the kit's own plan (`TECH_LEAD_PLAN`, whose steps share
 * questions so calibration has matched units), with every step's kind spelled out.
 */
export const DEMO_PLAN: DemoPlanStep[] = TECH_LEAD_PLAN.map((s) => ({ ...s, kind: s.kind ?? 'assessment' }));

/** Index of each demo plan step, by what it asks. */
export const STEP = { design: 0, leadership: 1, mentoring: 2, communication: 3, candidateQuestions: 4 } as const;
