import { z } from 'zod';
import { PageQuery, Role, Uuid, paginated } from './common.js';
import { PersonRef } from './library.js';

export const Level = z.enum(['mid', 'senior', 'staff']);
export type Level = z.infer<typeof Level>;
export const LEVEL_LABELS: Record<Level, string> = { mid: 'Mid-level', senior: 'Senior', staff: 'Staff-level' };

export const Archetype = z.enum(['architecture', 'code_quality', 'feature', 'player_coach']);
export type Archetype = z.infer<typeof Archetype>;
export const ARCHETYPE_LABELS: Record<Archetype, string> = {
  architecture: 'Architecture-focused',
  code_quality: 'Code quality',
  feature: 'Feature',
  player_coach: 'Player-coach',
};

export const PeopleManagement = z.enum(['none', 'some', 'full']);
export type PeopleManagement = z.infer<typeof PeopleManagement>;

export const DecisionAuthority = z.enum(['advisory', 'team', 'full']);
export type DecisionAuthority = z.infer<typeof DecisionAuthority>;
export const DECISION_AUTHORITY_LABELS: Record<DecisionAuthority, string> = {
  advisory: 'Advises; others decide',
  team: "Decides the team's technical matters",
  full: 'Owns the technical direction',
};

export const CareerPath = z.enum(['technical', 'management', 'executive', 'open']);
export type CareerPath = z.infer<typeof CareerPath>;

export const OpeningStatus = z.enum(['draft', 'open', 'on_hold', 'closed']);
export type OpeningStatus = z.infer<typeof OpeningStatus>;

/** The five things tech-lead candidates expect a role to be clear about. */
export const EXPECTATIONS = ['technicalAuthority', 'codingTime', 'teamQuality', 'emPartnership', 'growthPath'] as const;
export type Expectation = (typeof EXPECTATIONS)[number];
export const EXPECTATION_LABELS: Record<Expectation, string> = {
  technicalAuthority: 'Technical authority',
  codingTime: 'Coding time',
  teamQuality: 'Team quality',
  emPartnership: 'Engineering manager partnership',
  growthPath: 'Growth path',
};

const longText = z.string().trim().max(2000, 'Use at most 2000 characters.');

export const Expectations = z.strictObject({
  technicalAuthority: longText,
  codingTime: longText,
  teamQuality: longText,
  emPartnership: longText,
  growthPath: longText,
});
export type Expectations = z.infer<typeof Expectations>;

/** Money in minor units (cents) with an ISO 4217 currency. */
export const CompensationBand = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, for example USD.'),
    minMinor: z.number().int('Whole cents only.').min(0, 'Cannot be negative.').max(1e11),
    maxMinor: z.number().int('Whole cents only.').min(0, 'Cannot be negative.').max(1e11),
  })
  .refine((b) => b.maxMinor >= b.minMinor, {
    message: 'The maximum must be at least the minimum.',
    path: ['maxMinor'],
  });
export type CompensationBand = z.infer<typeof CompensationBand>;

/** The guide's 2026 US base-salary bands, the default for a new opening of each level. */
export const DEFAULT_COMPENSATION: Record<Level, CompensationBand> = {
  mid: { currency: 'USD', minMinor: 150_000_00, maxMinor: 190_000_00 },
  senior: { currency: 'USD', minMinor: 190_000_00, maxMinor: 250_000_00 },
  staff: { currency: 'USD', minMinor: 240_000_00, maxMinor: 320_000_00 },
};

const OpeningFields = {
  title: z.string().trim().min(1, 'Enter a title.').max(160, 'A title has at most 160 characters.'),
  team: z.string().trim().max(120, 'Use at most 120 characters.'),
  level: Level,
  archetype: Archetype,
  /** Share of time spent writing production code, in percent; null until the hiring manager states it. */
  codingSharePct: z.number().int('Use a whole percentage.').min(0, 'At least 0%.').max(100, 'At most 100%.').nullable(),
  peopleManagement: PeopleManagement,
  decisionAuthority: DecisionAuthority,
  emPartnership: longText,
  compensation: CompensationBand,
  careerPath: CareerPath,
  expectations: Expectations,
  hiringManagerId: Uuid.nullable(),
  /** The recruiter who runs the opening's pipeline; it shows on their home page. */
  recruiterId: Uuid.nullable(),
  rubricVersionId: Uuid.nullable(),
  checklistVersionId: Uuid.nullable(),
  /** Interviewers see only the candidate's name, not their CV details (control of ancillary information). */
  hideCandidateDetails: z.boolean(),
};

export const CreateOpeningRequest = z.strictObject({
  ...OpeningFields,
  team: OpeningFields.team.default(''),
  codingSharePct: OpeningFields.codingSharePct.default(null),
  emPartnership: OpeningFields.emPartnership.default(''),
  compensation: CompensationBand.optional(),
  careerPath: CareerPath.default('open'),
  expectations: Expectations.default({
    technicalAuthority: '',
    codingTime: '',
    teamQuality: '',
    emPartnership: '',
    growthPath: '',
  }),
  peopleManagement: PeopleManagement.default('none'),
  decisionAuthority: DecisionAuthority.default('team'),
  hiringManagerId: Uuid.nullable().default(null),
  recruiterId: Uuid.nullable().default(null),
  hideCandidateDetails: z.boolean().default(false),
  rubricVersionId: Uuid.nullable().default(null),
  checklistVersionId: Uuid.nullable().default(null),
});
export type CreateOpeningRequest = z.infer<typeof CreateOpeningRequest>;

export const UpdateOpeningRequest = z.strictObject({
  ...Object.fromEntries(Object.entries(OpeningFields).map(([k, v]) => [k, v.optional()])),
  revision: z.number().int().min(0),
} as { [K in keyof typeof OpeningFields]: z.ZodOptional<(typeof OpeningFields)[K]> } & {
  revision: z.ZodNumber;
});
export type UpdateOpeningRequest = z.infer<typeof UpdateOpeningRequest>;

/**
 * An assessment step asks rubric questions and is rated; the closing `candidate_questions` step is
 * the candidate's time to ask theirs (no focus competencies, no questions, no ratings).
 */
export const PlanStepKind = z.enum(['assessment', 'candidate_questions']);
export type PlanStepKind = z.infer<typeof PlanStepKind>;
export const PLAN_STEP_KIND_LABELS: Record<PlanStepKind, string> = {
  assessment: 'Assessment',
  candidate_questions: 'Candidate’s questions',
};

export const PlanStep = z
  .strictObject({
    key: Uuid,
    name: z.string().trim().min(1, 'Name the step.').max(120, 'Use at most 120 characters.'),
    /** Stored plans from before step kinds read as assessment steps. */
    kind: PlanStepKind.default('assessment'),
    durationMinutes: z.number().int('Whole minutes.').min(10, 'At least 10 minutes.').max(480, 'At most 8 hours.'),
    focusCompetencyKeys: z.array(Uuid).max(12),
    interviewerIds: z.array(Uuid).max(10, 'At most 10 default interviewers.'),
    criterionKeys: z.array(Uuid).max(40, 'At most 40 questions per step.'),
  })
  .meta({ id: 'PlanStep' });
export type PlanStep = z.infer<typeof PlanStep>;

export const InterviewPlan = z.strictObject({
  steps: z.array(PlanStep).max(12, 'At most 12 steps.'),
});
export type InterviewPlan = z.infer<typeof InterviewPlan>;

export const SavePlanRequest = z.strictObject({ steps: InterviewPlan.shape.steps, revision: z.number().int().min(0) });
export type SavePlanRequest = z.infer<typeof SavePlanRequest>;

export const PlanIssueCode = z.enum([
  'no_rubric',
  'no_steps',
  'competency_not_covered',
  'competency_needs_two_interviewers',
  'leadership_not_tested',
  'communication_not_tested',
  'why_lead_not_asked',
  'coding_share_missing',
  'coding_share_em_like',
  'candidate_questions_missing',
  'candidate_questions_not_last',
]);
export type PlanIssueCode = z.infer<typeof PlanIssueCode>;

/** Errors fail the check (opening then needs an override reason); warnings are shown and never block. */
export const PlanIssueSeverity = z.enum(['error', 'warning']);
export type PlanIssueSeverity = z.infer<typeof PlanIssueSeverity>;

export const PlanIssue = z.object({
  code: PlanIssueCode,
  severity: PlanIssueSeverity,
  message: z.string(),
  competencyKey: Uuid.optional(),
});
export type PlanIssue = z.infer<typeof PlanIssue>;

/** `ok`: no error (warnings may remain). */
export const PlanCheck = z.object({ ok: z.boolean(), issues: z.array(PlanIssue) });
export type PlanCheck = z.infer<typeof PlanCheck>;

export const ChangeOpeningStatusRequest = z.strictObject({
  status: OpeningStatus,
  /** Needed to open an opening whose plan check fails; recorded with who and when. */
  overrideReason: z.string().trim().min(10, 'Explain the override in at least 10 characters.').max(1000).optional(),
  revision: z.number().int().min(0),
});
export type ChangeOpeningStatusRequest = z.infer<typeof ChangeOpeningStatusRequest>;

const VersionRef = z.object({ id: Uuid, documentId: Uuid, name: z.string(), version: z.number().int() });

export const Opening = z
  .object({
    id: Uuid,
    title: z.string(),
    team: z.string(),
    level: Level,
    archetype: Archetype,
    codingSharePct: z.number().int().nullable(),
    peopleManagement: PeopleManagement,
    decisionAuthority: DecisionAuthority,
    emPartnership: z.string(),
    compensation: CompensationBand,
    careerPath: CareerPath,
    expectations: Expectations,
    status: OpeningStatus,
    hiringManager: PersonRef.nullable(),
    recruiter: PersonRef.nullable(),
    hideCandidateDetails: z.boolean(),
    rubricVersion: VersionRef.nullable(),
    checklistVersion: VersionRef.nullable(),
    plan: InterviewPlan,
    planCheck: PlanCheck,
    planOverride: z.object({ reason: z.string(), by: PersonRef, at: z.iso.datetime({ offset: true }) }).nullable(),
    revision: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Opening' });
export type Opening = z.infer<typeof Opening>;

export const OpeningSummary = Opening.pick({
  id: true,
  title: true,
  team: true,
  level: true,
  archetype: true,
  status: true,
  hiringManager: true,
  recruiter: true,
  updatedAt: true,
}).meta({ id: 'OpeningSummary' });
export type OpeningSummary = z.infer<typeof OpeningSummary>;

export const OpeningList = paginated(OpeningSummary);
export type OpeningList = z.infer<typeof OpeningList>;

export const OpeningListQuery = PageQuery.extend({
  q: z.string().trim().max(120).optional(),
  status: OpeningStatus.optional(),
});
export type OpeningListQuery = z.infer<typeof OpeningListQuery>;

/** Active people of the organization, for pickers (hiring manager, default interviewers). */
export const Person = z.object({ id: Uuid, name: z.string(), role: Role });
export type Person = z.infer<typeof Person>;
export const PeopleList = paginated(Person);
export type PeopleList = z.infer<typeof PeopleList>;
export const PeopleQuery = PageQuery.extend({
  q: z.string().trim().max(120).optional(),
  role: Role.optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;
