import type {
  CandidateSource,
  DecisionKind,
  DesiredCareerPath,
  Recommendation,
  DecideRequest,
} from '@scorecard/contracts';
import { seededRandom } from '@scorecard/domain';
import { TECH_LEAD_RUBRIC } from '../modules/library/tech-lead-kit.js';
import { DEMO_PLAN, STEP } from './demo-plan.js';

/**
 * The demo's closed opening, generated: about thirty past candidates who went through the whole
 * panel to a decision, so calibration and the comparison have enough data to show real figures.
 * Pure and deterministic (a seeded generator, never `Math.random`): the same seed gives the same
 * candidates, ratings and decisions every time. `seed-demo.ts` plays it through the services.
 *
 * How a rating is made: each candidate has a true level per competency (a candidate level plus a
 * per-competency deviation) and per question (plus a small deviation), shared by everyone who asks
 * that question. An interviewer's rating is that level plus their own stable leniency plus noise,
 * rounded and clamped to 1-4. Mateo is clearly lenient, Jonas severe, Ines and Priya in line; the
 * recommendation follows the interviewer's own mean rating, so it never contradicts it.
 */
export const PAST_OPENING_TITLE = 'Tech Lead, Payments';
export const PAST_CANDIDATE_COUNT = 30;
const SEED = 20_261_118;

export const INES = 'interviewer1@acme.test';
export const MATEO = 'interviewer2@acme.test';
export const PRIYA = 'interviewer3@acme.test';
export const JONAS = 'interviewer4@acme.test';
const PANEL = [INES, MATEO, PRIYA, JONAS] as const;

/** Each interviewer's stable leniency, in rating points: what calibration should find. */
export const DEMO_LENIENCY: Record<(typeof PANEL)[number], number> = {
  [INES]: 0,
  [MATEO]: 0.6,
  [PRIYA]: 0.05,
  [JONAS]: -0.5,
};
/** Spread of one rating around the interviewer's expectation (before rounding). */
const RATING_NOISE_SD = 0.5;

/** A standard normal draw (Box-Muller) from a uniform generator. */
function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export interface PastScorecard {
  ratings: { criterionKey: string; rating: 1 | 2 | 3 | 4; evidence: string }[];
  recommendation: Recommendation;
  summary: string;
}

export interface PastInterview {
  /** Index of the step of `DEMO_PLAN`. */
  step: number;
  interviewer: string;
  /** Days before the seed it started, and the hour (UTC). */
  daysAgo: number;
  hour: number;
  /** Hours after the interview ended that the scorecard went in (feedback is due after 24). */
  submittedHoursAfter: number;
  scorecard: PastScorecard;
}

export interface PastCandidate {
  name: string;
  email: string;
  currentTitle: string;
  currentCompany: string;
  source: CandidateSource;
  desiredCareerPath: DesiredCareerPath;
  desiredCodingSharePct: number | null;
  /** Base salary expectation in whole US dollars, or null when not said. */
  expectedSalaryUsd: number | null;
  /** Days before the seed the candidate applied. */
  appliedDaysAgo: number;
  interviews: PastInterview[];
  decision: {
    decision: DecisionKind;
    rationale: string;
    rejectionReason?: NonNullable<DecideRequest['rejectionReason']>;
    /** A hire that was then moved from offer to hired. */
    thenHired?: boolean;
  };
  /** The candidate's true level per competency key (what the panel tried to measure). */
  trueLevel: Record<string, number>;
}

const FIRST = [
  'Aiko',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Efua',
  'Farid',
  'Greta',
  'Hamza',
  'Ilse',
  'Joaquín',
  'Kwame',
  'Leila',
  'Marek',
  'Nadia',
  'Olu',
  'Paula',
  'Quentin',
  'Rania',
  'Stefan',
  'Talia',
  'Umar',
  'Vera',
  'Wen',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Anders',
  'Beatriz',
  'Callum',
  'Daria',
];
const LAST = [
  'Tanaka',
  'Costa',
  'Ferrari',
  'Volkov',
  'Mensah',
  'Haddad',
  'Lindgren',
  'Qureshi',
  'de Vries',
  'Ruiz',
  'Boateng',
  'Nasser',
  'Dvořák',
  'Rahman',
  'Adeyemi',
  'Sousa',
  'Lefèvre',
  'Khalil',
  'Hoffmann',
  'Levi',
  'Siddiqui',
  'Popescu',
  'Zhang',
  'Herrera',
  'Demir',
  'Kowalczyk',
  'Berg',
  'Almeida',
  'Fraser',
  'Ivanova',
];
const TITLES = [
  'Senior Software Engineer',
  'Staff Engineer',
  'Tech Lead',
  'Senior Backend Engineer',
  'Engineering Lead',
  'Senior Payments Engineer',
];
const COMPANIES = [
  'Clearwater Bank',
  'Paystack Labs',
  'Meridian Ledger',
  'Northwind Logistics',
  'Harbor Fintech',
  'Lumen Retail',
  'Corvid Security',
  'Tessellate',
];
const SOURCES: CandidateSource[] = [
  'referral',
  'linkedin',
  'github',
  'engineering_blog',
  'conference',
  'daily_dev',
  'internal_promotion',
  'linkedin',
];
const PATHS: DesiredCareerPath[] = ['technical', 'technical', 'management', 'undecided', 'technical', 'executive'];

const competencies = TECH_LEAD_RUBRIC.content.competencies;
const criterionTitle = new Map(competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, cr.title] as const)));
const anchorsOf = new Map(competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, cr.anchors] as const)));
const competencyOf = new Map(competencies.flatMap((c) => c.criteria.map((cr) => [cr.key, c.key] as const)));

/** The interviewer's recommendation from their own mean rating: never a contradiction of it. */
export function recommendationFor(mean: number): Recommendation {
  if (mean >= 3.25) return 'strong_yes';
  if (mean >= 2.5) return 'yes';
  if (mean >= 1.75) return 'no';
  return 'strong_no';
}

/**
 * Who holds each assessment step for candidate `k`: the holders of the first and fourth steps (who
 * share two questions) run through all twelve ordered pairs of the four interviewers, and the other
 * two hold the second and third steps (who share two questions), in alternating order. So each
 * interviewer rates shared questions with each of the other three.
 */
export function panelFor(k: number): string[] {
  const pairs: [number, number][] = [];
  for (let a = 0; a < 4; a++) for (let b = 0; b < 4; b++) if (a !== b) pairs.push([a, b]);
  const [a, b] = pairs[k % pairs.length]!;
  const rest = [0, 1, 2, 3].filter((i) => i !== a && i !== b);
  const [c, d] = Math.floor(k / pairs.length) % 2 === 0 ? rest : [rest[1]!, rest[0]!];
  const holders = [a, c!, d!, b].map((i) => PANEL[i]!);
  return holders;
}

const HOURS = [9, 11, 14, 16];

function summaryOf(ratings: PastScorecard['ratings'], recommendation: Recommendation): string {
  const sorted = [...ratings].sort((x, y) => y.rating - x.rating);
  const best = sorted[0]!;
  const worst = sorted.at(-1)!;
  const verdict: Record<Recommendation, string> = {
    strong_yes: 'Clearly above the bar on everything I asked.',
    yes: 'Above the bar on balance.',
    no: 'Below the bar on balance.',
    strong_no: 'Clearly below the bar on what I asked.',
  };
  return `${verdict[recommendation]} Strongest answer: ${criterionTitle.get(best.criterionKey)} (${best.rating}); weakest: ${criterionTitle.get(worst.criterionKey)} (${worst.rating}).`;
}

const REJECTION_BY_CATEGORY: Record<string, NonNullable<DecideRequest['rejectionReason']>> = {
  technical: 'skills_gap',
  leadership: 'leadership_gap',
  mentoring: 'leadership_gap',
  communication: 'communication_gap',
};

/** The closed opening's history: the same every time. */
export function pastCandidates(seed = SEED): PastCandidate[] {
  const random = seededRandom(seed);
  const people = Array.from({ length: PAST_CANDIDATE_COUNT }, (_, k) => {
    const base = clamp(2.55 + 0.6 * normal(random), 1.2, 3.9);
    const trueLevel: Record<string, number> = {};
    for (const c of competencies) trueLevel[c.key] = clamp(base + 0.35 * normal(random), 1, 4);
    const criterionLevel = new Map<string, number>();
    for (const c of competencies) {
      for (const cr of c.criteria) criterionLevel.set(cr.key, clamp(trueLevel[c.key]! + 0.2 * normal(random), 1, 4));
    }
    // Two days apart, so the whole history (interviews 86 to 25 days ago) falls in the reports' default 90 days.
    const appliedDaysAgo = 95 - 2 * k;
    const holders = panelFor(k);
    const interviews: PastInterview[] = holders.map((interviewer, step) => {
      const ratings = DEMO_PLAN[step]!.criterionKeys.map((criterionKey) => {
        const expected = criterionLevel.get(criterionKey)! + DEMO_LENIENCY[interviewer as (typeof PANEL)[number]];
        const rating = clamp(Math.round(expected + RATING_NOISE_SD * normal(random)), 1, 4) as 1 | 2 | 3 | 4;
        return {
          criterionKey,
          rating,
          evidence: `Closest anchor (${rating}): ${anchorsOf.get(criterionKey)![rating - 1]}`,
        };
      });
      const mean = ratings.reduce((s, r) => s + r.rating, 0) / ratings.length;
      const recommendation = recommendationFor(mean);
      // Jonas is late with every third scorecard; everyone else writes it up the same afternoon.
      const late = interviewer === JONAS && k % 3 === 0;
      return {
        step,
        interviewer,
        daysAgo: appliedDaysAgo - 9 - step,
        hour: HOURS[step]!,
        submittedHoursAfter: late ? 24 + 20 : 3,
        scorecard: { ratings, recommendation, summary: summaryOf(ratings, recommendation) },
      };
    });
    return {
      k,
      trueLevel,
      interviews,
      appliedDaysAgo,
      // What the panel saw: the weighted mean of the competency means of their ratings.
      observed: observedOverall(interviews),
      weakest: weakestCompetency(interviews),
      careerIndex: Math.floor(random() * PATHS.length),
      share: [50, 60, 70, null, 40, 60][Math.floor(random() * 6)]!,
      salary: random() < 0.15 ? null : Math.round((185 + random() * 80) / 5) * 5_000,
    };
  });
  // The hiring manager's decisions follow the panel: the three strongest hired (two have started),
  // the next two held for a later opening, everyone else rejected on their weakest competency.
  const ranked = [...people].sort((x, y) => y.observed - x.observed || x.k - y.k).map((p) => p.k);
  return people.map((p) => {
    const place = ranked.indexOf(p.k);
    const first = FIRST[p.k]!;
    const last = LAST[p.k]!;
    const weakest = competencies.find((c) => c.key === p.weakest)!;
    const decision: PastCandidate['decision'] =
      place < 3
        ? {
            decision: 'hire',
            rationale: `One of the strongest panels this opening saw, with no dealbreaker; ${weakest.name.toLowerCase()} was the weakest area and goes into the first-quarter plan.`,
            thenHired: place < 2,
          }
        : place < 5
          ? {
              decision: 'hold',
              rationale: 'A good panel, but the positions are filled; kept for the next tech lead opening.',
            }
          : {
              decision: 'no_hire',
              rationale: `Below the bar for this role, most clearly in ${weakest.name.toLowerCase()}.`,
              rejectionReason: REJECTION_BY_CATEGORY[weakest.category] ?? 'other',
            };
    return {
      name: `${first} ${last}`,
      email: `${ascii(first)}.${ascii(last)}@example.com`,
      currentTitle: TITLES[p.k % TITLES.length]!,
      currentCompany: COMPANIES[(p.k * 3) % COMPANIES.length]!,
      source: SOURCES[p.k % SOURCES.length]!,
      desiredCareerPath: PATHS[p.careerIndex]!,
      desiredCodingSharePct: p.share,
      expectedSalaryUsd: p.salary,
      appliedDaysAgo: p.appliedDaysAgo,
      interviews: p.interviews,
      decision,
      trueLevel: p.trueLevel,
    };
  });
}

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

/** The competency means over every rating, weighted by the rubric (what the debrief's overall does). */
function observedOverall(interviews: PastInterview[]): number {
  const byCompetency = competencyMeans(interviews);
  let sum = 0;
  let weight = 0;
  for (const c of competencies) {
    const m = byCompetency.get(c.key);
    if (m === undefined) continue;
    sum += m * c.weight;
    weight += c.weight;
  }
  return sum / weight;
}

function weakestCompetency(interviews: PastInterview[]): string {
  const byCompetency = competencyMeans(interviews);
  return [...byCompetency.entries()].sort((a, b) => a[1] - b[1])[0]![0];
}

function competencyMeans(interviews: PastInterview[]): Map<string, number> {
  const all = new Map<string, number[]>();
  for (const i of interviews) {
    for (const r of i.scorecard.ratings) {
      const c = competencyOf.get(r.criterionKey)!;
      all.set(c, [...(all.get(c) ?? []), r.rating]);
    }
  }
  return new Map([...all].map(([k, v]) => [k, v.reduce((s, x) => s + x, 0) / v.length]));
}

/** The steps of the plan each past candidate went through (every assessment step). */
export const PAST_STEPS = [STEP.design, STEP.leadership, STEP.mentoring, STEP.communication];
