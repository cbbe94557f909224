import { z } from 'zod';
import { Email } from './auth.js';
import { PageQuery, Uuid, paginated } from './common.js';
import { PersonRef } from './library.js';
import { webLink } from './web-link.js';

export const CandidateSource = z.enum([
  'internal_promotion',
  'referral',
  'linkedin',
  'github',
  'engineering_blog',
  'conference',
  'daily_dev',
  'other',
]);
export type CandidateSource = z.infer<typeof CandidateSource>;
export const SOURCE_LABELS: Record<CandidateSource, string> = {
  internal_promotion: 'Internal promotion',
  referral: 'Referral',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  engineering_blog: 'Engineering blog',
  conference: 'Conference',
  daily_dev: 'daily.dev',
  other: 'Other',
};

/** Signals of tech-lead potential worth recording at sourcing time. */
export const LeadershipSignal = z.enum([
  'open_source_maintainer',
  'technical_writing',
  'mentoring',
  'conference_talks',
  'mentee_references',
]);
export type LeadershipSignal = z.infer<typeof LeadershipSignal>;
export const SIGNAL_LABELS: Record<LeadershipSignal, string> = {
  open_source_maintainer: 'Open-source maintainer',
  technical_writing: 'Technical writing',
  mentoring: 'Mentors others',
  conference_talks: 'Conference talks',
  mentee_references: 'References from people they mentored',
};

export const DesiredCareerPath = z.enum(['technical', 'management', 'executive', 'undecided']);
export type DesiredCareerPath = z.infer<typeof DesiredCareerPath>;

/** A profile link: "linkedin.com/in/ada" is completed to "https://linkedin.com/in/ada". */
const optionalUrl = webLink(500);

export const CandidateLinks = z.strictObject({
  linkedin: optionalUrl.default(''),
  github: optionalUrl.default(''),
  blog: optionalUrl.default(''),
  talks: optionalUrl.default(''),
});
export type CandidateLinks = z.infer<typeof CandidateLinks>;

export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'A tag cannot be empty.')
  .max(40, 'A tag has at most 40 characters.')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, dots, dashes or underscores.');

const short = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

const CandidateFields = {
  name: z.string().trim().min(1, 'Enter a name.').max(160, 'A name has at most 160 characters.'),
  email: Email,
  phone: short(40).default(''),
  location: short(120).default(''),
  currentTitle: short(160).default(''),
  currentCompany: short(160).default(''),
  links: CandidateLinks.default({ linkedin: '', github: '', blog: '', talks: '' }),
  source: CandidateSource,
  internal: z.boolean().default(false),
  signals: z.array(LeadershipSignal).max(5).default([]),
  desiredCareerPath: DesiredCareerPath.default('undecided'),
  /** The share of time they want to spend coding, in percent, when they said. */
  desiredCodingSharePct: z.number().int().min(0).max(100).nullable().default(null),
  compensationExpectation: z
    .strictObject({
      currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, for example USD.'),
      amountMinor: z.number().int('Whole cents only.').min(0).max(1e11),
    })
    .nullable()
    .default(null),
  notes: short(10_000).default(''),
  tags: z.array(Tag).max(20, 'At most 20 tags.').default([]),
};

export const CreateCandidateRequest = z.strictObject(CandidateFields);
export type CreateCandidateRequest = z.infer<typeof CreateCandidateRequest>;
export type CandidateInput = z.input<typeof CreateCandidateRequest>;

export const UpdateCandidateRequest = z.strictObject({
  // A change names only the fields it changes: without their defaults, a field left out stays as it is.
  ...Object.fromEntries(
    Object.entries(CandidateFields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? v.unwrap() : v).optional()]),
  ),
  revision: z.number().int().min(0),
} as { [K in keyof typeof CandidateFields]: z.ZodOptional<(typeof CandidateFields)[K]> } & { revision: z.ZodNumber });
export type UpdateCandidateRequest = z.infer<typeof UpdateCandidateRequest>;

export const Stage = z.enum(['applied', 'screen', 'interviews', 'debrief', 'offer', 'hired', 'rejected', 'withdrawn']);
export type Stage = z.infer<typeof Stage>;
export const STAGE_LABELS: Record<Stage, string> = {
  applied: 'Applied',
  screen: 'Screen',
  interviews: 'Interviews',
  debrief: 'Debrief',
  offer: 'Offer',
  hired: 'Hired',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

export const CandidateApplicationRef = z.object({
  id: Uuid,
  opening: z.object({ id: Uuid, title: z.string() }),
  stage: Stage,
});

export const Candidate = z
  .object({
    id: Uuid,
    name: z.string(),
    email: z.string(),
    phone: z.string(),
    location: z.string(),
    currentTitle: z.string(),
    currentCompany: z.string(),
    links: CandidateLinks,
    source: CandidateSource,
    internal: z.boolean(),
    signals: z.array(LeadershipSignal),
    desiredCareerPath: DesiredCareerPath,
    desiredCodingSharePct: z.number().int().nullable(),
    compensationExpectation: z.object({ currency: z.string(), amountMinor: z.number().int() }).nullable(),
    notes: z.string(),
    tags: z.array(z.string()),
    applications: z.array(CandidateApplicationRef),
    createdBy: PersonRef.nullable(),
    revision: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    /** When an admin erased the candidate's personal data; an erased candidate no longer changes. */
    erasedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof Candidate>;

export const CandidateSummary = Candidate.pick({
  id: true,
  name: true,
  email: true,
  currentTitle: true,
  currentCompany: true,
  source: true,
  internal: true,
  tags: true,
  applications: true,
  updatedAt: true,
}).meta({ id: 'CandidateSummary' });
export type CandidateSummary = z.infer<typeof CandidateSummary>;

export const CandidateList = paginated(CandidateSummary);
export type CandidateList = z.infer<typeof CandidateList>;

export const CandidateSort = z.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']);
export type CandidateSort = z.infer<typeof CandidateSort>;

export const CandidateListQuery = PageQuery.extend({
  /** Case-insensitive prefix of the name, email, current title or company (`quist` does not find `Zebulon Quist`). */
  q: z.string().trim().max(120).optional(),
  source: CandidateSource.optional(),
  stage: Stage.optional(),
  openingId: Uuid.optional(),
  tag: Tag.optional(),
  sort: CandidateSort.default('-updatedAt'),
});
export type CandidateListQuery = z.infer<typeof CandidateListQuery>;
