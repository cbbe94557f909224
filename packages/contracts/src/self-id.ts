import { z } from 'zod';
import { Uuid } from './common.js';
import { LinkToken } from './invitations.js';
import { PersonRef } from './library.js';

/*
 * Voluntary self-identification and the adverse-impact monitor (issue 24 §3).
 *
 * A candidate answers through a link, without signing in. Answers are stored as category keys,
 * apart from the candidate record, and leave the API only in aggregate (the adverse-impact report,
 * admins and hiring managers) or in the candidate's own data export. No response of this file
 * carries one person's answers: the public page says whether answers are on file, not what they are.
 */

/** How long a self-identification link works; until then the candidate may answer again or withdraw. */
export const SELF_ID_LINK_TTL_DAYS = 30;

/** The answer that is always offered and always the default: stored as no answer at all. */
export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

const at = z.iso.datetime({ offset: true });

/** A stable key for a question or category: what answers store, so relabelling never changes them. */
export const SelfIdKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use up to 40 lower-case letters, digits and underscores, starting with a letter.')
  .refine((k) => k !== PREFER_NOT_TO_SAY, { message: `"${PREFER_NOT_TO_SAY}" is reserved.` });

export const SelfIdCategory = z
  .strictObject({
    key: SelfIdKey,
    label: z.string().trim().min(1, 'Enter a label.').max(80, 'A label has at most 80 characters.'),
  })
  .meta({ id: 'SelfIdCategory' });
export type SelfIdCategory = z.infer<typeof SelfIdCategory>;

const uniqueKeys = (items: readonly { key: string }[]) => new Set(items.map((i) => i.key)).size === items.length;

export const SelfIdDimension = z
  .strictObject({
    key: SelfIdKey,
    /** Short name in reports ("Race or ethnicity"). */
    label: z.string().trim().min(1, 'Enter a label.').max(60, 'A label has at most 60 characters.'),
    /** The question as the candidate reads it. */
    question: z.string().trim().min(1, 'Enter the question.').max(200, 'A question has at most 200 characters.'),
    categories: z
      .array(SelfIdCategory)
      .min(2, 'Offer at least two categories.')
      .max(20, 'Offer at most 20 categories.')
      .refine(uniqueKeys, 'Two categories have the same key.'),
  })
  .meta({ id: 'SelfIdDimension' });
export type SelfIdDimension = z.infer<typeof SelfIdDimension>;

const Dimensions = z
  .array(SelfIdDimension)
  .min(1, 'Ask at least one question.')
  .max(5, 'Ask at most five questions.')
  .refine(uniqueKeys, 'Two questions have the same key.');

/**
 * The defaults: the EEO-1 categories (race/ethnicity and sex), plus a third answer for sex so that a
 * person who is neither is not pushed into "Prefer not to say" (and out of the comparison).
 */
export const DEFAULT_SELF_ID_DIMENSIONS: SelfIdDimension[] = [
  {
    key: 'race_ethnicity',
    label: 'Race or ethnicity',
    question: 'Which of these best describes your race or ethnicity?',
    categories: [
      { key: 'hispanic_latino', label: 'Hispanic or Latino' },
      { key: 'white', label: 'White' },
      { key: 'black', label: 'Black or African American' },
      { key: 'pacific_islander', label: 'Native Hawaiian or Other Pacific Islander' },
      { key: 'asian', label: 'Asian' },
      { key: 'american_indian', label: 'American Indian or Alaska Native' },
      { key: 'two_or_more', label: 'Two or More Races' },
    ],
  },
  {
    key: 'sex',
    label: 'Sex',
    question: 'What is your sex?',
    categories: [
      { key: 'female', label: 'Female' },
      { key: 'male', label: 'Male' },
      { key: 'another', label: 'Another answer (for example non-binary)' },
    ],
  },
];

/** The organization's questions (admins); `updatedAt` null while the defaults apply. */
export const SelfIdSettings = z
  .object({
    dimensions: z.array(SelfIdDimension),
    updatedAt: at.nullable(),
    updatedBy: PersonRef.nullable(),
  })
  .meta({ id: 'SelfIdSettings' });
export type SelfIdSettings = z.infer<typeof SelfIdSettings>;

export const UpdateSelfIdSettingsRequest = z
  .strictObject({ dimensions: Dimensions })
  .meta({ id: 'UpdateSelfIdSettingsRequest' });
export type UpdateSelfIdSettingsRequest = z.infer<typeof UpdateSelfIdSettingsRequest>;

/** A recruiter's request for a candidate's link: to copy it, or to have it emailed as well. */
export const CreateSelfIdLinkRequest = z
  .strictObject({ sendEmail: z.boolean().default(false) })
  .meta({ id: 'CreateSelfIdLinkRequest' });
export type CreateSelfIdLinkRequest = z.infer<typeof CreateSelfIdLinkRequest>;

/** A new link, shown once: the URL carries the secret, which is stored only as a hash. */
export const SelfIdLink = z
  .object({
    url: z.url(),
    expiresAt: at,
    /** Queued to the candidate's email address (it shows in the Email log). */
    emailed: z.boolean(),
  })
  .meta({ id: 'SelfIdLink' });
export type SelfIdLink = z.infer<typeof SelfIdLink>;

/** Whether the candidate has a working link: never whether or what they answered. */
export const SelfIdLinkStatus = z
  .object({
    link: z
      .object({ createdAt: at, expiresAt: at, emailedAt: at.nullable(), createdBy: PersonRef.nullable() })
      .nullable(),
  })
  .meta({ id: 'SelfIdLinkStatus' });
export type SelfIdLinkStatus = z.infer<typeof SelfIdLinkStatus>;

export const SelfIdTokenRequest = z.strictObject({ token: LinkToken }).meta({ id: 'SelfIdTokenRequest' });
export type SelfIdTokenRequest = z.infer<typeof SelfIdTokenRequest>;

/**
 * The public page's content: the organization, its questions, and whether answers are on file. The
 * answers themselves are never sent back: whoever holds the link (the recruiter who copied it, too)
 * could otherwise read them.
 */
export const SelfIdForm = z
  .object({
    organizationName: z.string(),
    dimensions: z.array(SelfIdDimension),
    /** When answers were last saved, or null when none are on file. */
    answeredAt: at.nullable(),
    expiresAt: at,
  })
  .meta({ id: 'SelfIdForm' });
export type SelfIdForm = z.infer<typeof SelfIdForm>;

/**
 * The candidate's answers: for each question (its key), a category key or "prefer_not_to_say" (the
 * same as leaving the question out). Answering again replaces every earlier answer.
 */
export const SelfIdAnswer = z
  .strictObject({ question: z.string().max(40), answer: z.string().max(40) })
  .meta({ id: 'SelfIdAnswer' });
export type SelfIdAnswer = z.infer<typeof SelfIdAnswer>;

export const SubmitSelfIdRequest = z
  .strictObject({
    token: LinkToken,
    answers: z
      .array(SelfIdAnswer)
      .max(5, 'Too many answers.')
      .refine((a) => new Set(a.map((x) => x.question)).size === a.length, 'Answer each question once.'),
  })
  .meta({ id: 'SubmitSelfIdRequest' });
export type SubmitSelfIdRequest = z.infer<typeof SubmitSelfIdRequest>;

/** What saving or withdrawing answers leaves on file (the answers are not echoed back). */
export const SelfIdReceipt = z.object({ answeredAt: at.nullable(), expiresAt: at }).meta({ id: 'SelfIdReceipt' });
export type SelfIdReceipt = z.infer<typeof SelfIdReceipt>;

/** One candidate's answers, for their own data export only. */
export const ExportedSelfId = z
  .object({
    answers: z.array(
      z.object({
        dimension: z.string(),
        /** The question's label now, or null when the question is no longer asked. */
        dimensionLabel: z.string().nullable(),
        category: z.string(),
        categoryLabel: z.string().nullable(),
        answeredAt: at,
      }),
    ),
  })
  .meta({ id: 'ExportedSelfId' });
export type ExportedSelfId = z.infer<typeof ExportedSelfId>;

// ---------------------------------------------------------------------------------------------
// The adverse-impact report

const Day = z.iso.date({ message: 'Use a date such as 2026-11-01.' });

/** The smallest group whose rate is shown; the range keeps tiny groups from being singled out. */
export const ADVERSE_IMPACT_MIN_GROUP = { default: 5, min: 5, max: 100 } as const;

export const AdverseImpactQuery = z
  .strictObject({
    openingId: Uuid.optional(),
    /** Inclusive; by the day (UTC) the application was created. */
    from: Day.optional(),
    to: Day.optional(),
    minGroupSize: z.coerce
      .number()
      .int('Use a whole number.')
      .min(ADVERSE_IMPACT_MIN_GROUP.min, `Use at least ${ADVERSE_IMPACT_MIN_GROUP.min}.`)
      .max(ADVERSE_IMPACT_MIN_GROUP.max, `Use at most ${ADVERSE_IMPACT_MIN_GROUP.max}.`)
      .default(ADVERSE_IMPACT_MIN_GROUP.default),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'The start must not be after the end.',
    path: ['to'],
  });
export type AdverseImpactQuery = z.infer<typeof AdverseImpactQuery>;

/**
 * One group at one step. `kind`: a category that is compared (`category`); "prefer not to say" or
 * no answer (`no_answer`) and answers in a category no longer offered (`retired`) are counted but
 * never compared. A compared group under the minimum is `reportable: false`: no rate, no ratio.
 */
export const AdverseImpactGroup = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(['category', 'no_answer', 'retired']),
    /** Applications of the group whose outcome at this step is known: moved on, or rejected here. */
    applicants: z.number().int(),
    selected: z.number().int(),
    /** Not counted above: still at this step, or withdrew here. */
    pending: z.number().int(),
    withdrew: z.number().int(),
    reportable: z.boolean(),
    rate: z.number().nullable(),
    /** The rate over the highest reportable rate of the step (1 for that group). */
    impactRatio: z.number().nullable(),
    /** Under four fifths (0.8) of the highest rate. */
    flagged: z.boolean(),
    /** Fisher's exact test, two-sided, against the highest-rate group; per comparison, uncorrected. */
    pValue: z.number().nullable(),
    /** The group the rates are compared with. */
    reference: z.boolean(),
  })
  .meta({ id: 'AdverseImpactGroup' });
export type AdverseImpactGroup = z.infer<typeof AdverseImpactGroup>;

export const AdverseImpactTransition = z
  .object({
    dimension: z.string(),
    from: z.string(),
    to: z.string(),
    groups: z.array(AdverseImpactGroup),
  })
  .meta({ id: 'AdverseImpactTransition' });
export type AdverseImpactTransition = z.infer<typeof AdverseImpactTransition>;

export const CompetencyGroupMean = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: z.enum(['category', 'no_answer', 'retired']),
    /** Applications with at least one rating of the competency in a submitted, non-imported scorecard. */
    applications: z.number().int(),
    reportable: z.boolean(),
    /** Mean over applications of each application's mean rating (1–4). */
    mean: z.number().nullable(),
    /** The mean minus the highest reportable group's mean (0 for that group). */
    gap: z.number().nullable(),
  })
  .meta({ id: 'CompetencyGroupMean' });
export type CompetencyGroupMean = z.infer<typeof CompetencyGroupMean>;

export const AdverseImpactCompetency = z
  .object({
    dimension: z.string(),
    competencyKey: z.string(),
    competency: z.string(),
    groups: z.array(CompetencyGroupMean),
  })
  .meta({ id: 'AdverseImpactCompetency' });
export type AdverseImpactCompetency = z.infer<typeof AdverseImpactCompetency>;

export const AdverseImpactReport = z
  .object({
    minGroupSize: z.number().int(),
    threshold: z.number(),
    dimensions: z.array(z.object({ key: z.string(), label: z.string() })),
    /** Applications in the slice, and how many of their candidates answered at least one question. */
    applications: z.number().int(),
    answered: z.number().int(),
    transitions: z.array(AdverseImpactTransition),
    competencies: z.array(AdverseImpactCompetency),
    /** How to read the figures (method, multiple comparisons, legal standing). */
    notes: z.array(z.string()),
  })
  .meta({ id: 'AdverseImpactReport' });
export type AdverseImpactReport = z.infer<typeof AdverseImpactReport>;
