import { z } from 'zod';
import { PageQuery, Uuid, paginated } from './common.js';

/**
 * Rubrics and red-flag checklists are versioned documents: a draft is editable; publishing freezes
 * a numbered version forever; editing after that starts a new draft version. Drafts may be
 * incomplete (empty texts); publishing checks completeness (see `@scorecard/domain`).
 */

export const QuestionType = z.enum(['behavioural', 'situational']);
export type QuestionType = z.infer<typeof QuestionType>;

/** What a competency measures, so the plan check knows leadership and communication when it sees them. */
export const CompetencyCategory = z.enum(['technical', 'leadership', 'mentoring', 'communication', 'other']);
export type CompetencyCategory = z.infer<typeof CompetencyCategory>;

export const Severity = z.enum(['concern', 'dealbreaker']);
export type Severity = z.infer<typeof Severity>;

export const VersionStatus = z.enum(['draft', 'published']);
export type VersionStatus = z.infer<typeof VersionStatus>;

/** The four rating levels, 1 = strong evidence against ... 4 = strong evidence for. No neutral middle. */
export const RATING_LEVELS = [1, 2, 3, 4] as const;
export const RATING_LABELS = [
  'Strong evidence against',
  'Some evidence against',
  'Some evidence for',
  'Strong evidence for',
] as const;

const draftText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters.`);

export const Criterion = z.strictObject({
  /** Stable across versions, so changes can be shown and scores traced. */
  key: Uuid,
  title: draftText(160),
  prompt: draftText(2000),
  probes: z.array(draftText(500)).max(10, 'At most 10 follow-up probes.'),
  questionType: QuestionType,
  /** Asks why the candidate wants to lead rather than stay an individual contributor. */
  whyLead: z.boolean(),
  /** Anchor text for rating levels 1, 2, 3 and 4, in that order. */
  anchors: z.tuple([draftText(1000), draftText(1000), draftText(1000), draftText(1000)]),
});
export type Criterion = z.infer<typeof Criterion>;

export const Competency = z.strictObject({
  key: Uuid,
  name: draftText(120),
  description: draftText(2000),
  category: CompetencyCategory,
  weight: z
    .number({ error: 'Enter a weight.' })
    .positive('A weight must be greater than 0.')
    .max(100, 'A weight is at most 100.'),
  criteria: z.array(Criterion).max(20, 'At most 20 criteria per competency.'),
});
export type Competency = z.infer<typeof Competency>;

function uniqueKeys<T>(
  items: T[],
  key: (t: T) => string,
  ctx: z.RefinementCtx,
  path: (i: number) => (string | number)[],
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', message: 'This key is used twice.', path: path(i) });
    seen.add(k);
  });
}

export const RubricContent = z
  .strictObject({
    competencies: z.array(Competency).min(1, 'Add at least one competency.').max(12, 'At most 12 competencies.'),
  })
  .superRefine((c, ctx) => {
    uniqueKeys(
      c.competencies,
      (x) => x.key,
      ctx,
      (i) => ['competencies', i, 'key'],
    );
    uniqueKeys(
      c.competencies.flatMap((x, ci) => x.criteria.map((cr, ri) => ({ cr, ci, ri }))),
      (x) => x.cr.key,
      ctx,
      (i) => ['criteria', i, 'key'],
    );
  })
  .meta({ id: 'RubricContent' });
export type RubricContent = z.infer<typeof RubricContent>;

export const RedFlagItem = z.strictObject({
  key: Uuid,
  description: draftText(500),
  severity: Severity,
});
export type RedFlagItem = z.infer<typeof RedFlagItem>;

export const ChecklistContent = z
  .strictObject({
    items: z.array(RedFlagItem).min(1, 'Add at least one red flag.').max(50, 'At most 50 red flags.'),
  })
  .superRefine((c, ctx) =>
    uniqueKeys(
      c.items,
      (x) => x.key,
      ctx,
      (i) => ['items', i, 'key'],
    ),
  )
  .meta({ id: 'ChecklistContent' });
export type ChecklistContent = z.infer<typeof ChecklistContent>;

export const PersonRef = z.object({ id: Uuid, name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

const DocName = z.string().trim().min(1, 'Enter a name.').max(120, 'A name has at most 120 characters.');
const DocDescription = z.string().trim().max(2000, 'Use at most 2000 characters.');

export const VersionSummary = z.object({
  id: Uuid,
  version: z.number().int(),
  status: VersionStatus,
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

function versionedSchemas<C extends z.ZodType>(content: C, id: string) {
  const Version = z
    .object({
      id: Uuid,
      documentId: Uuid,
      documentName: z.string(),
      version: z.number().int(),
      status: VersionStatus,
      /** Bumped by every save of a draft; a save must name the revision it was based on. */
      revision: z.number().int(),
      content,
      publishedAt: z.iso.datetime({ offset: true }).nullable(),
      publishedBy: PersonRef.nullable(),
      updatedAt: z.iso.datetime({ offset: true }),
    })
    .meta({ id: `${id}Version` });
  const Summary = z
    .object({
      id: Uuid,
      name: z.string(),
      description: z.string(),
      builtIn: z.boolean(),
      archivedAt: z.iso.datetime({ offset: true }).nullable(),
      /** Highest published version number, or null when nothing is published yet. */
      publishedVersion: z.number().int().nullable(),
      publishedVersionId: Uuid.nullable(),
      draftVersionId: Uuid.nullable(),
      updatedAt: z.iso.datetime({ offset: true }),
    })
    .meta({ id: `${id}Summary` });
  const Detail = Summary.extend({
    versions: z.array(VersionSummary),
    draft: Version.nullable(),
    published: Version.nullable(),
  }).meta({ id: `${id}Detail` });
  const Create = z.strictObject({ name: DocName, description: DocDescription.default(''), content });
  const Update = z
    .strictObject({
      name: DocName.optional(),
      description: DocDescription.optional(),
      archived: z.boolean().optional(),
    })
    .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Change at least one field.' });
  const SaveDraft = z.strictObject({ content, revision: z.number().int().min(0) });
  return { Version, Summary, Detail, Create, Update, SaveDraft, List: paginated(Summary) };
}

export const LibraryListQuery = PageQuery.extend({
  q: z.string().trim().max(120).optional(),
  archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type LibraryListQuery = z.infer<typeof LibraryListQuery>;

export const PublishRequest = z.strictObject({ revision: z.number().int().min(0) });
export type PublishRequest = z.infer<typeof PublishRequest>;
export const DuplicateRequest = z.strictObject({ name: DocName });
export type DuplicateRequest = z.infer<typeof DuplicateRequest>;

const rubric = versionedSchemas(RubricContent, 'Rubric');
export const RubricVersion = rubric.Version;
export type RubricVersion = z.infer<typeof RubricVersion>;
export const RubricSummary = rubric.Summary;
export type RubricSummary = z.infer<typeof RubricSummary>;
export const RubricDetail = rubric.Detail;
export type RubricDetail = z.infer<typeof RubricDetail>;
export const RubricList = rubric.List;
export type RubricList = z.infer<typeof RubricList>;
export const CreateRubricRequest = rubric.Create;
export type CreateRubricRequest = z.infer<typeof CreateRubricRequest>;
export const UpdateRubricRequest = rubric.Update;
export type UpdateRubricRequest = z.infer<typeof UpdateRubricRequest>;
export const SaveRubricDraftRequest = rubric.SaveDraft;
export type SaveRubricDraftRequest = z.infer<typeof SaveRubricDraftRequest>;

const checklist = versionedSchemas(ChecklistContent, 'Checklist');
export const ChecklistVersion = checklist.Version;
export type ChecklistVersion = z.infer<typeof ChecklistVersion>;
export const ChecklistSummary = checklist.Summary;
export type ChecklistSummary = z.infer<typeof ChecklistSummary>;
export const ChecklistDetail = checklist.Detail;
export type ChecklistDetail = z.infer<typeof ChecklistDetail>;
export const ChecklistList = checklist.List;
export type ChecklistList = z.infer<typeof ChecklistList>;
export const CreateChecklistRequest = checklist.Create;
export type CreateChecklistRequest = z.infer<typeof CreateChecklistRequest>;
export const UpdateChecklistRequest = checklist.Update;
export type UpdateChecklistRequest = z.infer<typeof UpdateChecklistRequest>;
export const SaveChecklistDraftRequest = checklist.SaveDraft;
export type SaveChecklistDraftRequest = z.infer<typeof SaveChecklistDraftRequest>;
