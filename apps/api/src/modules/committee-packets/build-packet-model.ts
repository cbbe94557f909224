import {
  ARCHETYPE_LABELS,
  DECISION_AUTHORITY_LABELS,
  DECISION_LABELS,
  EXPECTATIONS,
  EXPECTATION_LABELS,
  LEVEL_LABELS,
  RECOMMENDATION_LABELS,
  STAGE_LABELS,
  type CareerPath,
  type Debrief,
  type MeetingRecord,
  type PacketQuery,
  type PeopleManagement,
  type Recommendation,
  type Role,
} from '@scorecard/contracts';
import {
  anonymiser,
  candidateCode,
  candidateLabel,
  cardOveralls,
  coverageShare,
  formatFixed,
  roundHalfUp,
  sampleSd,
  standardError,
} from '@scorecard/domain';
import type { Caller } from '../../common/request-context.js';
import type { PacketExtrasRow } from './committee-packet.repository.js';
import type { PacketModel, PacketScorecard } from './packet-model.js';

/** Who may read the opening's compensation band (as `getOpening`): never an interviewer. */
const SEES_COMPENSATION: ReadonlySet<Role> = new Set<Role>(['admin', 'hiring_manager', 'recruiter']);

const PEOPLE_MANAGEMENT: Record<PeopleManagement, string> = {
  none: 'None: no direct reports',
  some: 'Some: a few direct reports or informal management',
  full: 'Full: manages the team',
};
const CAREER_PATH: Record<CareerPath, string> = {
  technical: 'Technical (staff, principal)',
  management: 'Management (engineering manager)',
  executive: 'Executive (director, CTO)',
  open: 'Open',
};
const CATEGORY: Record<string, string> = {
  technical: 'Technical',
  leadership: 'Leadership',
  mentoring: 'Mentoring',
  communication: 'Communication',
  other: 'Other',
};

/** A mean with one decimal, as everywhere else ("3.0"). */
const mean = (v: number) => formatFixed(v, 1);
/** A spread without a needless decimal ("1", "1.5"). */
const spread = (v: number) => {
  const r = roundHalfUp(v, 1);
  return Number.isInteger(r) ? String(r) : formatFixed(r, 1);
};
/** A standard error with one decimal, two below 0.1 (so a small real error never reads "± 0.0"). */
const standardErrorText = (v: number) => (roundHalfUp(v, 2) < 0.1 ? formatFixed(v, 2) : formatFixed(v, 1));
const percent = (share: number) => `${formatFixed(share * 100, 0)}%`;
const money = (minor: number | string, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(minor) / 100);

/** "7 Dec 2026, 14:05 UTC": the packet is read away from the product, so times say their zone. */
export function packetTime(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  }).format(d);
  return `${date}, ${time} UTC`;
}

/** A file name's safe slug of a name ("Zoë Chen-Ngô" → "zoë-chen-ngô"); the header encodes it. */
function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'candidate'
  );
}

export interface PacketInput {
  caller: Pick<Caller, 'role' | 'name' | 'organizationName'>;
  debrief: Debrief;
  extras: PacketExtrasRow;
  meeting: MeetingRecord | null;
  query: PacketQuery;
  now: Date;
}

/**
 * The packet's content from the debrief (the same access, figures and independence rule), the
 * opening's profile and rubric, and the latest finished meeting. With `anonymise`, every free text
 * goes through the domain's `anonymiser`, and the name, company and contact details are never read
 * into the model.
 */
export function buildPacketModel({ caller, debrief: d, extras, meeting, query, now }: PacketInput): PacketModel {
  const applicationId = d.application.id;
  const candidate = d.application.candidate;
  const anonymised = query.anonymise;
  const hide = anonymised
    ? anonymiser({
        applicationId,
        name: candidate.name,
        currentCompany: candidate.currentCompany,
        email: extras.candidate_email,
        phone: extras.candidate_phone,
        links: Object.values(extras.candidate_links ?? {}).filter((l): l is string => typeof l === 'string'),
        terms: query.redact,
      })
    : (s: string) => s;
  // The meeting's members and votes hold no free text about the candidate; it is printed as recorded.
  const rubric = extras.rubric?.competencies ?? [];
  const criteria = new Map(
    d.competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, { title: cr.title, competency: c.name }] as const)),
  );
  const anchors = new Map(rubric.flatMap((c) => c.criteria.map((cr) => [cr.key, cr.anchors] as const)));
  const competencyNames = new Map(d.competencies.map((c) => [c.key, c.name]));
  const flags = new Map(d.redFlags.map((f) => [f.flagKey, f]));

  const title = candidate.currentTitle.trim();
  const company = candidate.currentCompany.trim();
  const currentRole = anonymised ? (title ? hide(title) : null) : [title, company].filter(Boolean).join(' at ') || null;

  const profileRows: [string, string][] = [
    ['Title', extras.title],
    ['Team', extras.team || 'Not stated'],
    ['Level', LEVEL_LABELS[extras.level]],
    ['Archetype', ARCHETYPE_LABELS[extras.archetype]],
    ['Coding share', extras.coding_share_pct === null ? 'Not stated' : `${extras.coding_share_pct}% of the time`],
    ['People management', PEOPLE_MANAGEMENT[extras.people_management]],
    ['Decision authority', DECISION_AUTHORITY_LABELS[extras.decision_authority]],
    ['Career path', CAREER_PATH[extras.career_path]],
    ['Engineering manager partnership', extras.em_partnership || 'Not stated'],
  ];
  if (SEES_COMPENSATION.has(caller.role)) {
    profileRows.push([
      'Compensation band',
      `${money(extras.comp_min_minor, extras.comp_currency)} to ${money(extras.comp_max_minor, extras.comp_currency)}`,
    ]);
  }

  const score = scoreSection(d);
  const label = anonymised ? candidateLabel(applicationId) : candidate.name;
  const date = now.toISOString().slice(0, 10);
  return {
    organization: caller.organizationName,
    generatedAt: now,
    generatedBy: caller.name,
    anonymised,
    redactedTerms: query.redact.length,
    candidate: label,
    currentRole,
    opening: d.application.opening.title,
    stage: STAGE_LABELS[d.application.stage],
    filename: anonymised
      ? `committee-packet-${candidateCode(applicationId)}.pdf`
      : `committee-packet-${slug(candidate.name)}-${date}.pdf`,
    profile: {
      rows: profileRows,
      expectations: EXPECTATIONS.map(
        (k) => [EXPECTATION_LABELS[k], extras.expectations[k] || 'Not stated'] as [string, string],
      ),
    },
    rubric: d.rubricVersion
      ? {
          name: `${d.rubricVersion.name}, version ${d.rubricVersion.version}`,
          competencies: rubric.map((c) => ({
            name: c.name,
            weight: c.weight,
            category: CATEGORY[c.category] ?? c.category,
            description: c.description,
            criteria: c.criteria.map((cr) => ({
              title: cr.title,
              prompt: cr.prompt,
              probes: cr.probes,
              anchors: [...cr.anchors],
            })),
          })),
        }
      : null,
    score,
    disagreements: {
      competencies: d.disagreements.competencies.map((k) => competencyNames.get(k) ?? 'A competency'),
      criteria: d.disagreements.criteria.map((k) => {
        const c = criteria.get(k);
        return c ? `${c.competency}: ${c.title}` : 'A question';
      }),
      recommendationSplit: d.disagreements.recommendationSplit,
    },
    evidenceGaps: d.evidenceGaps.map((g) => ({ name: g.name, ratings: g.ratings })),
    redFlags: [...d.redFlags]
      .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'dealbreaker' ? -1 : 1))
      .map((f) => ({
        description: f.description,
        severity: f.severity === 'dealbreaker' ? 'Dealbreaker' : 'Concern',
        seenBy: f.seenBy.map((s) => ({ interviewer: s.interviewer.name, evidence: hide(s.evidence) })),
      })),
    dealbreaker: d.dealbreaker,
    scorecards: d.scorecards.map((s) => scorecardOf(s, { criteria, anchors, competencyNames, flags, hide })),
    pending: d.pending.map((p) => ({
      step: p.step,
      interviewer: p.interviewer.name,
      due: packetTime(p.feedbackDueAt),
      overdue: p.overdue,
    })),
    meeting,
    decisions: d.decisions.map((x) => ({
      outcome: DECISION_LABELS[x.decision],
      by: x.by.name,
      at: packetTime(x.at),
      rationale: hide(x.rationale),
      acknowledgedDealbreakers: x.acknowledgedDealbreakers,
    })),
  };
}

/**
 * The combined score as the debrief computes it (independent ratings), with its standard error from
 * the scorecards' own overalls (the comparison's rule: SD / √k with k ≥ 2 scorecards) and the share of
 * the rubric's weight it covers. The own overalls come from the debrief's grid, which holds each
 * scorecard's first-submission ratings; when they do not number what the figure counted, the error
 * is reported unknown rather than guessed.
 */
function scoreSection(d: Debrief): PacketModel['score'] {
  const weights = d.competencies.map((c) => ({ key: c.key, weight: c.weight }));
  const cards = d.grid.columns.map((col, i) => ({
    id: col.scorecardId,
    recommendation: null,
    ratings: d.grid.rows.map((r) => ({
      criterionKey: r.criterionKey,
      competencyKey: r.competencyKey,
      rating: r.cells[i]?.status === 'rated' ? r.cells[i]!.rating : null,
    })),
  }));
  const overalls = cardOveralls(cards, weights);
  const k = d.overall.stat?.count ?? 0;
  const se = overalls.length === k ? standardError({ cards: k, cardSd: sampleSd(overalls) }, null) : null;
  const coverage = coverageShare(weights, new Set(d.competencies.filter((c) => c.stat).map((c) => c.key)));
  const notes: string[] = [];
  let overall: string | null = null;
  if (d.overall.score !== null && d.overall.stat) {
    const s = d.overall.stat;
    overall =
      se?.value != null
        ? `${mean(d.overall.score)} ± ${standardErrorText(se.value)}`
        : `${mean(d.overall.score)} (error unknown)`;
    notes.push(
      s.count === 1
        ? 'From 1 scorecard: one interviewer’s view, with no error that can be estimated from this panel.'
        : `From ${s.count} scorecards, whose own overalls range from ${mean(s.min)} to ${mean(s.max)} (spread ${spread(s.spread)}).`,
    );
    if (se?.value != null) {
      notes.push(
        `± is one standard error: the standard deviation of the scorecards’ own overalls divided by √${s.count}. It says how far the overall would typically move with another panel of the same size; with few scorecards it is itself uncertain.`,
      );
    }
    notes.push(
      `It covers ${percent(coverage)} of the rubric’s weight${coverage < 1 - 1e-9 ? ': competencies nobody rated are left out, not counted as zero' : ''}.`,
    );
  } else {
    notes.push('No submitted scorecard rates this candidate yet, so there is no score.');
  }
  const t = d.tally;
  const tally = (['strong_yes', 'yes', 'no', 'strong_no'] as Recommendation[])
    .map((r) => `${RECOMMENDATION_LABELS[r]}: ${t[r]}`)
    .join(' · ');
  return {
    overall,
    notes,
    coverage: percent(coverage),
    competencies: d.competencies.map((c) => ({
      name: c.name,
      weight: spread(c.weight),
      score: c.stat ? mean(c.stat.mean) : 'Not assessed',
      n: c.stat ? String(c.stat.count) : '0',
      spread: c.stat ? (c.stat.count > 1 ? spread(c.stat.spread) : '—') : '—',
      disagreement: c.disagreement,
    })),
    tally,
  };
}

type Lookups = {
  criteria: Map<string, { title: string; competency: string }>;
  anchors: Map<string, readonly string[]>;
  competencyNames: Map<string, string>;
  flags: Map<string, Debrief['redFlags'][number]>;
  hide: (s: string) => string;
};

type Card = Debrief['scorecards'][number];
type Content = {
  ratings: { criterionKey: string; competencyKey: string; rating: number | null; evidence: string }[];
  recommendation: Recommendation | null;
  summary: string;
};

const ratingText = (r: number | null) => (r === null ? 'Not assessed' : `${r} of 4`);
const recommendationText = (r: Recommendation | null) => (r ? RECOMMENDATION_LABELS[r] : 'None given');

/**
 * One scorecard as first submitted (every figure reads that), asked questions only, grouped by
 * competency in rubric order; each later amendment listed after it with what it changed.
 */
function scorecardOf(s: Card, { criteria, anchors, competencyNames, flags, hide }: Lookups): PacketScorecard {
  const current: Content = { ratings: s.ratings, recommendation: s.recommendation, summary: s.summary };
  // Each amendment keeps the content it replaced: the first one's is the first submission.
  const states: Content[] = [...s.amendments.map((a) => a.original), current];
  const first = states[0]!;
  const asked = new Set(s.ratings.filter((r) => r.asked).map((r) => r.criterionKey));
  const now = new Map(s.ratings.map((r) => [r.criterionKey, r.rating]));
  const order = [...criteria.keys()];
  const byCompetency = new Map<string, PacketScorecard['competencies'][number]['ratings']>();
  for (const r of [...first.ratings]
    .filter((x) => asked.has(x.criterionKey))
    .sort((a, b) => order.indexOf(a.criterionKey) - order.indexOf(b.criterionKey))) {
    const name = competencyNames.get(r.competencyKey) ?? criteria.get(r.criterionKey)?.competency ?? 'Other questions';
    const list = byCompetency.get(name) ?? [];
    const later = now.get(r.criterionKey);
    list.push({
      criterion: criteria.get(r.criterionKey)?.title ?? 'A question outside this rubric version',
      rating: ratingText(r.rating),
      anchor: r.rating === null ? '' : (anchors.get(r.criterionKey)?.[r.rating - 1] ?? ''),
      amendedTo: later !== undefined && later !== r.rating ? ratingText(later) : null,
      evidence: hide(r.evidence),
    });
    byCompetency.set(name, list);
  }
  const labels: string[] = [];
  if (s.stepKind === 'candidate_questions') labels.push('Candidate’s questions: notes and summary only, in no figure');
  if (s.imported) labels.push('Imported from another system');
  if (s.shadow) labels.push('Shadow: a trainee’s scorecard, in no figure');
  if (s.amendments.length > 0) labels.push('Amended after submission (shown as first submitted)');
  return {
    step: s.step,
    interviewer: s.interviewer.name,
    submittedAt: s.submittedAt ? packetTime(s.submittedAt) : 'Not submitted',
    recommendation: recommendationText(first.recommendation),
    labels,
    competencies: [...byCompetency].map(([name, ratings]) => ({ name, ratings })),
    redFlags: s.redFlags.map((f) => ({
      description: flags.get(f.flagKey)?.description ?? 'A red flag',
      severity: flags.get(f.flagKey)?.severity === 'dealbreaker' ? 'Dealbreaker' : 'Concern',
      evidence: hide(f.evidence),
    })),
    summary: hide(first.summary),
    amendments: s.amendments.map((a, i) => {
      const before = states[i]!;
      const after = states[i + 1]!;
      const changes: string[] = [];
      const was = new Map(before.ratings.map((r) => [r.criterionKey, r.rating]));
      for (const r of after.ratings) {
        const old = was.get(r.criterionKey);
        if (old !== undefined && old !== r.rating) {
          changes.push(
            `${criteria.get(r.criterionKey)?.title ?? 'A question'}: ${ratingText(old)} → ${ratingText(r.rating)}`,
          );
        }
      }
      if (before.recommendation !== after.recommendation) {
        changes.push(
          `Recommendation: ${recommendationText(before.recommendation)} → ${recommendationText(after.recommendation)}`,
        );
      }
      if (before.summary !== after.summary) changes.push('The summary was rewritten.');
      return {
        by: a.by.name,
        at: packetTime(a.at),
        reason: hide(a.reason) + (a.afterFeedback ? ' (amended after reading the panel’s feedback)' : ''),
        changes,
      };
    }),
  };
}
