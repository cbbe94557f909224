import type { PlanStepKind } from '@scorecard/contracts';
import { TECH_LEAD_KEYS } from '../modules/library/tech-lead-kit.js';

const C = TECH_LEAD_KEYS.competencies;
const Q = TECH_LEAD_KEYS.criteria;

/** One step of the demo openings' interview plan: the kit's steps, with the questions each asks. */
export interface DemoPlanStep {
  name: string;
  kind: PlanStepKind;
  durationMinutes: number;
  focus: string[];
  criterionKeys: string[];
}

/**
 * The plan both demo openings use. Every competency is asked by two steps, so each candidate gets
 * two raters of it, and each pair of steps shares questions, so two interviewers rate the same
 * answer to the same question: the first and fourth steps both ask about trade-offs and about
 * explaining to different audiences; the second and third both ask about code review and technical
 * culture. Those shared questions are the matched units calibration compares interviewers on. The
 * plan ends with the candidate's questions.
 */
export const DEMO_PLAN: DemoPlanStep[] = [
  {
    name: 'System design and trade-offs',
    kind: 'assessment',
    durationMinutes: 60,
    focus: [C.technicalDepth, C.communication],
    criterionKeys: [Q.systemDesign, Q.tradeOffs, Q.handsOnCode, Q.productionDebugging, Q.audiences],
  },
  {
    name: 'Leadership and influence',
    kind: 'assessment',
    durationMinutes: 60,
    focus: [C.technicalLeadership, C.mentoring],
    criterionKeys: [Q.whyLead, Q.influence, Q.standardsAndTechnology, Q.codeReview, Q.technicalCulture],
  },
  {
    name: 'Mentoring and code review',
    kind: 'assessment',
    durationMinutes: 60,
    focus: [C.mentoring, C.technicalLeadership],
    criterionKeys: [Q.growingEngineers, Q.technicalFeedback, Q.knowledgeSharing, Q.codeReview, Q.technicalCulture],
  },
  {
    name: 'Communication with stakeholders',
    kind: 'assessment',
    durationMinutes: 45,
    focus: [C.communication, C.technicalDepth],
    criterionKeys: [Q.stakeholderTradeOffs, Q.audiences, Q.crossTeam, Q.emPartnership, Q.tradeOffs],
  },
  {
    name: 'The candidate’s questions',
    kind: 'candidate_questions',
    durationMinutes: 15,
    focus: [],
    criterionKeys: [],
  },
];

/** Index of each demo plan step, by what it asks. */
export const STEP = { design: 0, leadership: 1, mentoring: 2, communication: 3, candidateQuestions: 4 } as const;
