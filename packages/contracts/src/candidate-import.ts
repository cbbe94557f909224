import { z } from 'zod';
import {
  CandidateSource,
  CreateCandidateRequest,
  DesiredCareerPath,
  LeadershipSignal,
  SIGNAL_LABELS,
  SOURCE_LABELS,
} from './candidates.js';
import { type FieldError } from './errors.js';
import { PageQuery, Uuid, paginated } from './common.js';

/** The candidate fields a CSV column can fill. */
export const ImportField = z.enum([
  'name',
  'email',
  'phone',
  'location',
  'currentTitle',
  'currentCompany',
  'linkedin',
  'github',
  'blog',
  'talks',
  'source',
  'internal',
  'signals',
  'desiredCareerPath',
  'desiredCodingSharePct',
  'compensationCurrency',
  'compensationAmount',
  'notes',
  'tags',
]);
export type ImportField = z.infer<typeof ImportField>;

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  location: 'Location',
  currentTitle: 'Current title',
  currentCompany: 'Current company',
  linkedin: 'LinkedIn',
  github: 'GitHub',
  blog: 'Blog',
  talks: 'Talks',
  source: 'Source',
  internal: 'Internal (yes/no)',
  signals: 'Leadership signals',
  desiredCareerPath: 'Desired career path',
  desiredCodingSharePct: 'Desired coding share (%)',
  compensationCurrency: 'Compensation currency',
  compensationAmount: 'Compensation expectation',
  notes: 'Notes',
  tags: 'Tags',
};

/** Fields every import must map a column to. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['name', 'email', 'source'];

/** The most rows one import may hold, and the most one batch may send. */
export const IMPORT_MAX_ROWS = 20_000;
export const IMPORT_BATCH_ROWS = 500;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

const HEADER_SYNONYMS: Record<ImportField, string[]> = {
  name: ['name', 'fullname', 'candidate', 'candidatename', 'candidatefullname', 'firstandlastname', 'person'],
  email: ['email', 'emailaddress', 'mail', 'e-mail', 'emailaddr', 'mailaddress', 'contactemail', 'workemail'],
  phone: ['phone', 'phonenumber', 'mobile', 'telephone', 'phoneno', 'tel', 'cell', 'cellphone', 'mobilenumber'],
  location: ['location', 'city', 'place'],
  currentTitle: ['currenttitle', 'title', 'jobtitle', 'role', 'position', 'currentrole', 'currentposition'],
  currentCompany: [
    'currentcompany',
    'company',
    'employer',
    'organization',
    'organisation',
    'companyname',
    'currentemployer',
  ],
  linkedin: ['linkedin', 'linkedinurl', 'linkedinprofile', 'linkedinprofileurl', 'linkedinlink'],
  github: ['github', 'githuburl', 'githubprofile', 'githubhandle'],
  blog: ['blog', 'blogurl', 'website', 'writing'],
  talks: ['talks', 'talksurl', 'speaking'],
  source: [
    'source',
    'channel',
    'sourcedfrom',
    'wherefrom',
    'origin',
    'candidatesource',
    'leadsource',
    'howdidyouhearaboutus',
    'sourcechannel',
  ],
  internal: ['internal', 'isinternal', 'internalcandidate', 'internalyesno'],
  signals: ['signals', 'leadershipsignals'],
  desiredCareerPath: ['desiredcareerpath', 'careerpath', 'path'],
  desiredCodingSharePct: ['desiredcodingshare', 'desiredcodingsharepct', 'codingshare', 'coding'],
  compensationCurrency: ['currency', 'compensationcurrency', 'compcurrency'],
  compensationAmount: ['compensation', 'compensationexpectation', 'salary', 'salaryexpectation', 'expectedsalary'],
  notes: ['notes', 'note', 'comments'],
  tags: ['tags', 'tag', 'labels'],
};

/** The field a CSV header most likely means, or null. */
export function guessImportField(header: string): ImportField | null {
  const h = norm(header);
  if (!h) return null;
  for (const field of ImportField.options) {
    if (norm(field) === h || HEADER_SYNONYMS[field].some((s) => norm(s) === h)) return field;
  }
  return null;
}

/**
 * The header row of the CSV template people can download and fill in: each header is its field's
 * label, so every column maps by itself (a unit test holds this).
 */
export const IMPORT_TEMPLATE_FIELDS: readonly ImportField[] = ImportField.options;

/** The CSV template: the header row and one example row, RFC 4180 quoted, CRLF line ends. */
export function importTemplateCsv(): string {
  const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const example: Record<ImportField, string> = {
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    location: 'London',
    currentTitle: 'Staff Engineer',
    currentCompany: 'Analytical Engines',
    linkedin: 'https://www.linkedin.com/in/example',
    github: 'https://github.com/example',
    blog: '',
    talks: '',
    source: SOURCE_LABELS.referral,
    internal: 'no',
    signals: `${SIGNAL_LABELS.mentoring}; ${SIGNAL_LABELS.technical_writing}`,
    desiredCareerPath: 'Technical',
    desiredCodingSharePct: '60',
    compensationCurrency: 'GBP',
    compensationAmount: '150000',
    notes: 'Met at a conference.',
    tags: 'backend; platform',
  };
  const lines = [
    IMPORT_TEMPLATE_FIELDS.map((f) => quote(IMPORT_FIELD_LABELS[f])),
    IMPORT_TEMPLATE_FIELDS.map((f) => quote(example[f])),
  ];
  return lines.map((l) => l.join(',')).join('\r\n') + '\r\n';
}

/** One CSV row, already mapped: field to the cell's raw text. */
export const ImportRowValues = z.partialRecord(
  ImportField,
  z.string().max(10_000, 'A cell has at most 10,000 characters.'),
);
export type ImportRowValues = z.infer<typeof ImportRowValues>;

function byLabel<T extends string>(options: readonly T[], labels: Record<T, string>, raw: string): T | string {
  const n = norm(raw);
  return options.find((o) => norm(o) === n || norm(labels[o]) === n) ?? raw;
}

const list = (raw: string | undefined) =>
  (raw ?? '')
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);

function parseBoolean(raw: string): boolean | string {
  const n = raw.trim().toLowerCase();
  if (['', 'no', 'n', 'false', '0', 'external'].includes(n)) return false;
  if (['yes', 'y', 'true', '1', 'internal'].includes(n)) return true;
  return raw;
}

function parseNumber(raw: string): number | string {
  const cleaned = raw.replace(/[\s,_%]/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : raw;
}

const CAREER_LABELS: Record<DesiredCareerPath, string> = {
  technical: 'Technical',
  management: 'Management',
  executive: 'Executive',
  undecided: 'Undecided',
};

/**
 * Turns one mapped CSV row into a candidate, or the row's field errors. Labels or values are
 * accepted for choices ("daily.dev" or "daily_dev"); lists are separated by `;`, `,` or `|`;
 * compensation is in whole currency units.
 */
export function parseImportRow(
  v: ImportRowValues,
): { ok: true; candidate: CreateCandidateRequest } | { ok: false; errors: FieldError[] } {
  const text = (f: ImportField) => v[f]?.trim() ?? '';
  const amount = text('compensationAmount');
  const currency = text('compensationCurrency').toUpperCase();
  const share = text('desiredCodingSharePct');
  const candidate = {
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    location: text('location'),
    currentTitle: text('currentTitle'),
    currentCompany: text('currentCompany'),
    links: { linkedin: text('linkedin'), github: text('github'), blog: text('blog'), talks: text('talks') },
    source: text('source') ? byLabel(CandidateSource.options, SOURCE_LABELS, text('source')) : undefined,
    internal: parseBoolean(text('internal')),
    signals: list(v.signals).map((s) => byLabel(LeadershipSignal.options, SIGNAL_LABELS, s)),
    desiredCareerPath: text('desiredCareerPath')
      ? byLabel(DesiredCareerPath.options, CAREER_LABELS, text('desiredCareerPath'))
      : 'undecided',
    desiredCodingSharePct: share ? parseNumber(share) : null,
    compensationExpectation:
      amount || currency
        ? {
            currency,
            amountMinor:
              typeof parseNumber(amount) === 'number' ? Math.round((parseNumber(amount) as number) * 100) : amount,
          }
        : null,
    notes: text('notes'),
    tags: list(v.tags),
  };
  const parsed = CreateCandidateRequest.safeParse(candidate);
  if (parsed.success) return { ok: true, candidate: parsed.data };
  const errors = parsed.error.issues.map((i) => ({ path: importPath(i.path), message: importMessage(i) }));
  return { ok: false, errors: dedupe(errors) };
}

/** Reports a nested candidate path as the CSV field it came from. */
function importPath(path: PropertyKey[]): string {
  const [head, sub] = path.map(String);
  if (head === 'links' && sub) return sub;
  if (head === 'compensationExpectation') return sub === 'currency' ? 'compensationCurrency' : 'compensationAmount';
  return head ?? '';
}

function importMessage(issue: z.core.$ZodIssue): string {
  const field = issue.path[0];
  if (field === 'source') return `Use one of: ${Object.values(SOURCE_LABELS).join(', ')}.`;
  if (field === 'signals') return `Use any of: ${Object.values(SIGNAL_LABELS).join(', ')}.`;
  if (field === 'desiredCareerPath') {
    return 'Use technical (Staff, Principal, Distinguished Engineer), management (Engineering Manager, Director, VP Engineering), executive (CTO at a startup) or undecided.';
  }
  if (field === 'internal') return 'Use yes or no.';
  if (field === 'desiredCodingSharePct') return 'Use a whole percentage from 0 to 100.';
  if (field === 'compensationExpectation' && issue.path[1] === 'amountMinor') return 'Use an amount such as 200000.';
  return issue.message;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.path) ? false : (seen.add(e.path), true)));
}

export const CandidateImport = z
  .object({
    id: Uuid,
    status: z.enum(['staging', 'committed']),
    rows: z.number().int(),
    invalidRows: z.number().int(),
    /** The first 200 row errors, in row order. */
    errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })),
    createdCount: z.number().int().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'CandidateImport' });
export type CandidateImport = z.infer<typeof CandidateImport>;

export const AddImportRowsRequest = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          /** The row's number in the file (1 = first data row); resending a row replaces it. */
          row: z.number().int().min(1).max(IMPORT_MAX_ROWS, `An import holds at most ${IMPORT_MAX_ROWS} rows.`),
          values: ImportRowValues,
        }),
      )
      .min(1, 'Send at least one row.')
      .max(IMPORT_BATCH_ROWS, `Send at most ${IMPORT_BATCH_ROWS} rows at a time.`),
  })
  .meta({ id: 'AddImportRowsRequest' });
export type AddImportRowsRequest = z.infer<typeof AddImportRowsRequest>;

export const ImportRowErrors = z.object({
  received: z.number().int(),
  invalid: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), path: z.string(), message: z.string() })),
});
export type ImportRowErrors = z.infer<typeof ImportRowErrors>;

export const CommitImportRequest = z.strictObject({
  /** Write the valid rows and skip the others; by default any row error writes nothing. */
  skipInvalid: z.boolean().default(false),
});
export type CommitImportRequest = z.infer<typeof CommitImportRequest>;

/** A candidate an import added, for the import's results. */
export const ImportedCandidate = z.object({
  /** The row's number in the file. */
  row: z.number().int(),
  id: Uuid,
  name: z.string(),
  email: z.string(),
});
export type ImportedCandidate = z.infer<typeof ImportedCandidate>;

export const ImportedCandidateList = paginated(ImportedCandidate).meta({ id: 'ImportedCandidateList' });
export type ImportedCandidateList = z.infer<typeof ImportedCandidateList>;

export const ImportedCandidatesQuery = PageQuery;
export type ImportedCandidatesQuery = z.infer<typeof ImportedCandidatesQuery>;

export const ApplyImportRequest = z.strictObject({ openingId: Uuid });
export type ApplyImportRequest = z.infer<typeof ApplyImportRequest>;

/** What applying one added candidate to the opening did. */
export const ApplyImportOutcome = z.enum(['applied', 'already_applied', 'erased']);
export type ApplyImportOutcome = z.infer<typeof ApplyImportOutcome>;

export const ApplyImportResult = z
  .object({
    opening: z.object({ id: Uuid, title: z.string() }),
    applied: z.number().int(),
    alreadyApplied: z.number().int(),
    erased: z.number().int(),
    /** Every added candidate with what happened, in row order. */
    results: z.array(
      z.object({
        candidateId: Uuid,
        name: z.string(),
        outcome: ApplyImportOutcome,
        applicationId: Uuid.nullable(),
      }),
    ),
  })
  .meta({ id: 'ApplyImportResult' });
export type ApplyImportResult = z.infer<typeof ApplyImportResult>;
