import { Injectable } from '@nestjs/common';
import {
  type AdverseImpactCompetency,
  type AdverseImpactGroup,
  type AdverseImpactQuery,
  type AdverseImpactReport,
  type AdverseImpactTransition,
  type CompetencyGroupMean,
  type SelfIdDimension,
  STAGE_LABELS,
} from '@scorecard/contracts';
import { adverseImpact, FOUR_FIFTHS } from '@scorecard/domain';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { type ReportSlice, SelfIdRepository, STEP_STAGES } from './self-id.repository.js';
import { SelfIdService } from './self-id.service.js';

const DAY = 86_400_000;

/** How to read the report: said in every answer, so a figure never travels without it. */
export const ADVERSE_IMPACT_NOTES = [
  'Each step counts the applications (created in the date range) that reached it and whose outcome there is known: they moved on, or were rejected at that step. Applications still at the step, and candidates who withdrew there, are left out of the rates and shown apart.',
  'The impact ratio is a group’s selection rate divided by the highest rate among groups large enough to report. Under 0.8 it is flagged: the four-fifths rule of thumb of the Uniform Guidelines (29 CFR 1607.4(D)). A flag is a reason to look closer, not a legal finding; consult counsel before drawing conclusions.',
  'The p-value is Fisher’s exact test (two-sided) of each group against the highest-rate group. P-values are per comparison and not corrected for the many comparisons in this report: with 20 comparisons, one under 0.05 is expected by chance alone.',
  'Groups smaller than the minimum are shown as too few to report, with no rate or ratio, so that no individual can be singled out. “Prefer not to say” and no answer are counted apart and never compared; so are answers in a category no longer offered.',
  'Mean ratings per competency count each application once (the mean of its ratings in submitted scorecards made here; imported scorecards are left out), with the same minimum.',
];

type Kind = AdverseImpactGroup['kind'];

/** The label and kind of a stored category key ('' is no answer) of a question. */
function describe(dimension: SelfIdDimension, key: string): { key: string; label: string; kind: Kind } {
  if (key === '') return { key: '', label: 'Prefer not to say or no answer', kind: 'no_answer' };
  const category = dimension.categories.find((c) => c.key === key);
  return category
    ? { key, label: category.label, kind: 'category' }
    : { key, label: `No longer offered (${key})`, kind: 'retired' };
}

/** Offered categories in the settings' order, then the ones no longer offered, then no answer. */
function order(dimension: SelfIdDimension) {
  const position = (g: { key: string; kind: Kind }) =>
    g.kind === 'category' ? dimension.categories.findIndex((c) => c.key === g.key) : g.kind === 'retired' ? 1000 : 2000;
  return (a: { key: string; kind: Kind }, b: { key: string; kind: Kind }) =>
    position(a) - position(b) || a.key.localeCompare(b.key);
}

/**
 * The adverse-impact report (admins and hiring managers): counts from SQL (SelfIdRepository), the
 * four-fifths rule and Fisher's exact test from packages/domain (`adverseImpact`). Only groups of
 * at least `minGroupSize` show a rate or a mean; nothing identifies a person.
 */
@Injectable()
export class AdverseImpactService {
  constructor(
    private readonly repo: SelfIdRepository,
    private readonly selfId: SelfIdService,
  ) {}

  async report(caller: Caller, q: AdverseImpactQuery): Promise<AdverseImpactReport> {
    const slice: ReportSlice = {
      openingId: q.openingId ?? null,
      from: q.from ? new Date(`${q.from}T00:00:00Z`) : null,
      to: q.to ? new Date(new Date(`${q.to}T00:00:00Z`).getTime() + DAY) : null,
    };
    const org = caller.organizationId;
    if (slice.openingId && !(await this.repo.openingExists(org, slice.openingId))) throw AppError.notFound('opening');
    const dimensions = await this.selfId.dimensions(org);
    const keys = dimensions.map((d) => d.key);
    const [steps, means] = await Promise.all([
      this.repo.stepCounts(org, slice, keys),
      this.repo.competencyMeans(org, caller.userId, slice, keys),
    ]);
    const min = q.minGroupSize;

    const transitions: AdverseImpactTransition[] = [];
    for (const dimension of dimensions) {
      for (let step = 0; step < STEP_STAGES.length - 1; step++) {
        const rows = steps.rows.filter((r) => r.dimension === dimension.key && r.step === step);
        if (rows.length === 0) continue;
        // In the settings' order, so that of two groups with the same highest rate the first is the reference.
        const described = rows.map((r) => ({ ...r, ...describe(dimension, r.category) })).sort(order(dimension));
        const compared = described.filter((g) => g.kind === 'category');
        const impact = new Map(
          adverseImpact(
            compared.map((g) => ({ group: g.key, selected: g.selected, total: g.applicants })),
            { minGroupSize: min, threshold: FOUR_FIFTHS },
          ).map((i) => [i.group, i]),
        );
        const groups = described
          .map((g): AdverseImpactGroup => {
            const base = {
              key: g.key,
              label: g.label,
              kind: g.kind,
              applicants: g.applicants,
              selected: g.selected,
              pending: g.pending,
              withdrew: g.withdrew,
            };
            const i = impact.get(g.key);
            // Not compared (no answer, no longer offered) or too few: a rate only for a big enough
            // group that is not compared, never a ratio.
            if (g.kind !== 'category' || !i || !i.reportable) {
              const shown = g.kind !== 'category' && g.applicants >= min;
              return {
                ...base,
                reportable: shown,
                rate: shown ? g.selected / g.applicants : null,
                impactRatio: null,
                flagged: false,
                pValue: null,
                reference: false,
              };
            }
            return {
              ...base,
              reportable: true,
              rate: i.rate,
              impactRatio: i.impactRatio,
              flagged: i.flagged,
              pValue: i.pValue,
              reference: i.impactRatio !== null && i.pValue === null,
            };
          })
          .sort(order(dimension));
        transitions.push({
          dimension: dimension.key,
          from: STAGE_LABELS[STEP_STAGES[step]!],
          to: STAGE_LABELS[STEP_STAGES[step + 1]!],
          groups,
        });
      }
    }

    const competencies: AdverseImpactCompetency[] = [];
    for (const dimension of dimensions) {
      const rows = means.filter((r) => r.dimension === dimension.key);
      const byCompetency = new Map<string, typeof rows>();
      for (const r of rows) byCompetency.set(r.competency_key, [...(byCompetency.get(r.competency_key) ?? []), r]);
      const ordered = [...byCompetency.values()].sort(
        (a, b) => a[0]!.position - b[0]!.position || a[0]!.competency.localeCompare(b[0]!.competency),
      );
      for (const list of ordered) {
        const groups = list.map((r) => ({ ...r, ...describe(dimension, r.category) }));
        const top = Math.max(
          ...groups.filter((g) => g.kind === 'category' && g.applications >= min).map((g) => g.mean),
          Number.NEGATIVE_INFINITY,
        );
        competencies.push({
          dimension: dimension.key,
          competencyKey: list[0]!.competency_key,
          competency: list[0]!.competency,
          groups: groups
            .map((g): CompetencyGroupMean => {
              const reportable = g.applications >= min;
              return {
                key: g.key,
                label: g.label,
                kind: g.kind,
                applications: g.applications,
                reportable,
                mean: reportable ? g.mean : null,
                gap: reportable && g.kind === 'category' && Number.isFinite(top) ? g.mean - top : null,
              };
            })
            .sort(order(dimension)),
        });
      }
    }

    return {
      minGroupSize: min,
      threshold: FOUR_FIFTHS,
      dimensions: dimensions.map((d) => ({ key: d.key, label: d.label })),
      applications: steps.applications,
      answered: steps.answered,
      transitions,
      competencies,
      notes: ADVERSE_IMPACT_NOTES,
    };
  }
}
