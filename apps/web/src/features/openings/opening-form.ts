import {
  Archetype,
  CareerPath,
  CreateOpeningRequest,
  DEFAULT_COMPENSATION,
  DecisionAuthority,
  Expectations,
  Level,
  PeopleManagement,
  type CompensationBand,
  type Opening,
} from '@scorecard/contracts';
import { z } from 'zod';

/**
 * The opening form. Its fields are what a person types (amounts in whole currency units, empty
 * for "not chosen yet"); each is checked with the contract's own rule for that field, and the
 * output is the request the API expects (money in minor units, nulls for nothing chosen).
 */
const F = CreateOpeningRequest.shape;

const optionalId = z
  .string()
  .transform((v) => (v === '' ? null : v))
  .pipe(F.hiringManagerId.unwrap());

/** "190,000" or "190000" → 190000; whole currency units only. */
const amount = (what: string) =>
  z
    .string()
    .transform((v) => v.replace(/[\s,_]/g, ''))
    .pipe(
      z
        .string()
        .min(1, `Enter the ${what}.`)
        .regex(/^\d+$/, 'Use a whole amount, without cents, for example 190,000.')
        .transform(Number)
        .pipe(z.number().max(1e9, 'That amount is too large.')),
    );

export const OpeningFormSchema = z.object({
  title: F.title,
  team: F.team,
  level: Level,
  archetype: Archetype,
  codingSharePct: z
    .string()
    .trim()
    .regex(/^\d*$/, 'Use a whole percentage, for example 60.')
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(F.codingSharePct.unwrap()),
  peopleManagement: PeopleManagement,
  decisionAuthority: DecisionAuthority,
  emPartnership: F.emPartnership,
  compensation: z
    .object({
      currency: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, for example USD.'),
      min: amount('minimum'),
      max: amount('maximum'),
    })
    .refine((c) => c.max >= c.min, { message: 'The maximum must be at least the minimum.', path: ['max'] }),
  careerPath: CareerPath,
  expectations: Expectations,
  hiringManagerId: optionalId,
  recruiterId: optionalId,
  hideCandidateDetails: z.boolean(),
  rubricVersionId: optionalId,
  checklistVersionId: optionalId,
});

export type OpeningFormInput = z.input<typeof OpeningFormSchema>;
export type OpeningFormOutput = z.output<typeof OpeningFormSchema>;

const wholeUnits = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatAmount(minor: number): string {
  return wholeUnits.format(Math.round(minor / 100));
}

export function compensationInput(band: CompensationBand): OpeningFormInput['compensation'] {
  return { currency: band.currency, min: formatAmount(band.minMinor), max: formatAmount(band.maxMinor) };
}

/** The profile as the API takes it (create, or the changed profile of an update). */
export function toOpeningRequest(values: OpeningFormOutput): CreateOpeningRequest {
  const { compensation, ...rest } = values;
  return {
    ...rest,
    compensation: {
      currency: compensation.currency,
      minMinor: compensation.min * 100,
      maxMinor: compensation.max * 100,
    },
  };
}

export function newOpeningDefaults(hiringManagerId: string | null): OpeningFormInput {
  return {
    title: '',
    team: '',
    level: 'senior',
    archetype: 'feature',
    codingSharePct: '',
    peopleManagement: 'none',
    decisionAuthority: 'team',
    emPartnership: '',
    compensation: compensationInput(DEFAULT_COMPENSATION.senior),
    careerPath: 'open',
    expectations: { technicalAuthority: '', codingTime: '', teamQuality: '', emPartnership: '', growthPath: '' },
    hiringManagerId: hiringManagerId ?? '',
    recruiterId: '',
    hideCandidateDetails: false,
    rubricVersionId: '',
    checklistVersionId: '',
  };
}

export function openingFormValues(opening: Opening): OpeningFormInput {
  return {
    title: opening.title,
    team: opening.team,
    level: opening.level,
    archetype: opening.archetype,
    codingSharePct: opening.codingSharePct === null ? '' : String(opening.codingSharePct),
    peopleManagement: opening.peopleManagement,
    decisionAuthority: opening.decisionAuthority,
    emPartnership: opening.emPartnership,
    compensation: compensationInput(opening.compensation),
    careerPath: opening.careerPath,
    expectations: { ...opening.expectations },
    hiringManagerId: opening.hiringManager?.id ?? '',
    recruiterId: opening.recruiter?.id ?? '',
    hideCandidateDetails: opening.hideCandidateDetails,
    rubricVersionId: opening.rubricVersion?.id ?? '',
    checklistVersionId: opening.checklistVersion?.id ?? '',
  };
}

/** The API names fields as the request does; a few live under other names in this form. */
export function formFieldFor(path: string): string {
  if (path === 'compensation.minMinor') return 'compensation.min';
  if (path === 'compensation.maxMinor' || path === 'compensation') return 'compensation.max';
  return path;
}
