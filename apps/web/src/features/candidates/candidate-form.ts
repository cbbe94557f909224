import {
  CandidateSource,
  CreateCandidateRequest,
  DesiredCareerPath,
  LeadershipSignal,
  Tag,
  type Candidate,
} from '@scorecard/contracts';
import { z } from 'zod';

/**
 * The candidate form. Its fields are what a person types (amounts in whole currency units, tags
 * separated by commas, empty for "not said"); each is checked with the contract's own rule, and
 * the output is the request the API expects (money in minor units, nulls for nothing said).
 */
const F = CreateCandidateRequest.shape;

const tags = z.string().transform((value, ctx) => {
  const out: string[] = [];
  for (const raw of value.split(',')) {
    if (raw.trim() === '') continue;
    const parsed = Tag.safeParse(raw);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `“${raw.trim()}”: ${parsed.error.issues[0]?.message ?? 'Not a tag.'}` });
      return z.NEVER;
    }
    if (!out.includes(parsed.data)) out.push(parsed.data);
  }
  if (out.length > 20) {
    ctx.addIssue({ code: 'custom', message: 'At most 20 tags.' });
    return z.NEVER;
  }
  return out;
});

export const CandidateFormSchema = z
  .object({
    name: F.name,
    email: F.email,
    phone: F.phone,
    location: F.location,
    currentTitle: F.currentTitle,
    currentCompany: F.currentCompany,
    links: z.object({
      linkedin: F.links.unwrap().shape.linkedin,
      github: F.links.unwrap().shape.github,
      blog: F.links.unwrap().shape.blog,
      talks: F.links.unwrap().shape.talks,
    }),
    source: z.union([CandidateSource, z.literal('')]).refine((v) => v !== '', 'Choose where the candidate came from.'),
    internal: z.enum(['internal', 'external']),
    signals: z.array(LeadershipSignal),
    desiredCareerPath: DesiredCareerPath,
    desiredCodingSharePct: z
      .string()
      .trim()
      .regex(/^\d*$/, 'Use a whole percentage, for example 40.')
      .transform((v) => (v === '' ? null : Number(v)))
      .pipe(z.number().int().min(0).max(100, 'Use a percentage from 0 to 100.').nullable()),
    compensation: z.object({
      amount: z
        .string()
        .transform((v) => v.replace(/[\s,_]/g, ''))
        .pipe(z.string().regex(/^\d*$/, 'Use a whole amount, without cents, for example 180,000.')),
      currency: z.string().trim().toUpperCase(),
    }),
    notes: F.notes,
    tags,
  })
  .superRefine((v, ctx) => {
    if (v.compensation.amount !== '' && !/^[A-Z]{3}$/.test(v.compensation.currency)) {
      ctx.addIssue({
        code: 'custom',
        path: ['compensation', 'currency'],
        message: 'Use a three-letter currency code, for example USD.',
      });
    }
    if (v.compensation.amount !== '' && Number(v.compensation.amount) > 1e9) {
      ctx.addIssue({ code: 'custom', path: ['compensation', 'amount'], message: 'That amount is too large.' });
    }
  });

export type CandidateFormInput = z.input<typeof CandidateFormSchema>;
export type CandidateFormOutput = z.output<typeof CandidateFormSchema>;

export const newCandidateDefaults: CandidateFormInput = {
  name: '',
  email: '',
  phone: '',
  location: '',
  currentTitle: '',
  currentCompany: '',
  links: { linkedin: '', github: '', blog: '', talks: '' },
  source: '',
  internal: 'external',
  signals: [],
  desiredCareerPath: 'undecided',
  desiredCodingSharePct: '',
  compensation: { amount: '', currency: 'USD' },
  notes: '',
  tags: '',
};

export function candidateFormValues(c: Candidate): CandidateFormInput {
  return {
    name: c.name,
    email: c.email,
    phone: c.phone,
    location: c.location,
    currentTitle: c.currentTitle,
    currentCompany: c.currentCompany,
    links: { ...c.links },
    source: c.source,
    internal: c.internal ? 'internal' : 'external',
    signals: [...c.signals],
    desiredCareerPath: c.desiredCareerPath,
    desiredCodingSharePct: c.desiredCodingSharePct === null ? '' : String(c.desiredCodingSharePct),
    compensation: c.compensationExpectation
      ? {
          amount: String(Math.round(c.compensationExpectation.amountMinor / 100)),
          currency: c.compensationExpectation.currency,
        }
      : { amount: '', currency: 'USD' },
    notes: c.notes,
    tags: c.tags.join(', '),
  };
}

export function toCandidateRequest(v: CandidateFormOutput): CreateCandidateRequest {
  return {
    name: v.name,
    email: v.email,
    phone: v.phone,
    location: v.location,
    currentTitle: v.currentTitle,
    currentCompany: v.currentCompany,
    links: v.links,
    source: v.source as CandidateSource,
    internal: v.internal === 'internal',
    signals: v.signals,
    desiredCareerPath: v.desiredCareerPath,
    desiredCodingSharePct: v.desiredCodingSharePct,
    compensationExpectation:
      v.compensation.amount === ''
        ? null
        : { currency: v.compensation.currency, amountMinor: Number(v.compensation.amount) * 100 },
    notes: v.notes,
    tags: v.tags,
  };
}

/** The form field an API error path names (`compensationExpectation.amountMinor` → the amount box). */
export function formFieldFor(path: string): string {
  if (path.startsWith('compensationExpectation.currency')) return 'compensation.currency';
  if (path.startsWith('compensationExpectation')) return 'compensation.amount';
  if (path.startsWith('tags')) return 'tags';
  if (path.startsWith('signals')) return 'signals';
  return path;
}

/** The guide's three paths from tech lead; Director and VP Engineering are the management path. */
export const CAREER_PATH_LABELS: Record<DesiredCareerPath, string> = {
  technical: 'Technical (Staff, Principal, Distinguished Engineer)',
  management: 'Management (Engineering Manager, Director, VP Engineering)',
  executive: 'Executive (CTO at a startup)',
  undecided: 'Not decided or not said',
};
