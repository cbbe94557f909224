import { Injectable } from '@nestjs/common';
import type {
  CandidateSource,
  CareerPath,
  Decision,
  DesiredCareerPath,
  PersonRef,
  RatingsView,
  RecommendationTally,
  RubricContent,
  Severity,
  Stage,
  Stat,
} from '@scorecard/contracts';
import { Db } from '../../database/db.js';
import {
  COMPARISON_SQL,
  DETAILS_SQL,
  panelFiguresSql,
  RATINGS_SOURCE,
  type ComparisonSqlRow,
  type DetailsSqlRow,
  type PanelSqlRow,
  type StatJson,
} from './debriefs.sql.js';

/**
 * The panel figures of one application, as the database computed them from its submitted
 * scorecards. Weights come from the opening's rubric version, so every application of an opening is
 * scored on the same scale.
 */
export interface PanelFigures {
  applicationId: string;
  /** By competency key, for every competency some scorecard rated. */
  competencies: Map<string, Stat>;
  /** Every criterion some scorecard rated. */
  criteria: { key: string; competencyKey: string; stat: Stat }[];
  /** The weight-normalised mean of the competency scores with data. */
  overall: number | null;
  /** The stat of each scorecard's own weighted overall. */
  overallStat: Stat | null;
  /** The sample SD of the scorecards' own overalls (n − 1); null below two scorecards. */
  overallSd: number | null;
  tally: RecommendationTally;
  /** How many scorecards are submitted. */
  scorecards: number;
  /** Red flags ticked on submitted scorecards, by severity. */
  redFlags: { concerns: number; dealbreakers: number };
}

export interface DebriefDetails {
  application: { id: string; stage: Stage; revision: number };
  candidate: { id: string; name: string; currentTitle: string; currentCompany: string };
  opening: { id: string; title: string; hiringManager: PersonRef | null };
  rubricVersion: { id: string; name: string; version: number; content: RubricContent } | null;
  /** Grouped by flag, in checklist order; each tick with who saw it and their evidence. */
  redFlags: {
    flagKey: string;
    description: string;
    severity: Severity;
    seenBy: { scorecardId: string; interviewer: PersonRef; evidence: string }[];
  }[];
  pending: { interviewId: string; interviewer: PersonRef; step: string; feedbackDueAt: string; overdue: boolean }[];
  /** Newest first. */
  decisions: Decision[];
  /** The submitted scorecards of assessment steps, in submission order, with both versions of their ratings. */
  gridCards: GridCard[];
}

/** One rating of a grid card: the criterion, its rating (null: not assessed) and its evidence. */
export interface GridRating {
  key: string;
  rating: number | null;
  evidence: string;
}

/** A submitted scorecard as the grid reads it: who, which step, what the step asked, and its ratings. */
export interface GridCard {
  scorecardId: string;
  interviewer: PersonRef;
  step: string;
  /** The questions the interview asked (criterion keys). */
  questionKeys: string[];
  /** As first submitted: the frozen ratings, with the evidence they were submitted with. */
  first: GridRating[];
  /** As they stand now: the asked ratings, amendments applied. */
  now: GridRating[];
}

export interface ComparisonSubjects {
  opening: {
    id: string;
    title: string;
    codingSharePct: number | null;
    careerPath: CareerPath;
    compensation: { currency: string; minMinor: number; maxMinor: number };
  };
  rubric: RubricContent | null;
  applications: {
    id: string;
    stage: Stage;
    candidate: {
      id: string;
      name: string;
      source: CandidateSource;
      desiredCodingSharePct: number | null;
      desiredCareerPath: DesiredCareerPath;
      compensationExpectation: { currency: string; amountMinor: number } | null;
    };
    /** The viewer's live scorecards on this application, for the independence rule. */
    own: { ownDrafts: number; ownSubmitted: number };
    /** The latest decision, if any. */
    latestDecision: 'hire' | 'no_hire' | 'hold' | null;
    /** Some hire decision acknowledged the dealbreakers. */
    dealbreakersAcknowledged: boolean;
  }[];
}

function toStat(s: StatJson): Stat {
  return { mean: s.mean, count: s.count, min: s.min, max: s.max, spread: s.max - s.min };
}

const iso = (v: string) => new Date(v).toISOString();

@Injectable()
export class DebriefsRepository {
  constructor(private readonly db: Db) {}

  /**
   * The panel figures of up to a few applications of one organization, in one query. Only
   * submitted scorecards count; a null rating ("not assessed") is left out, never a zero:
   * - a scorecard's competency score is the mean of its rated criteria in that competency;
   * - an application's competency stat is over the scorecards that scored it; its criterion stat
   *   over the ratings of that criterion;
   * - the overall is sum(score × weight) / sum(weight) over the competencies with data, with the
   *   weights of the opening's rubric version, and each scorecard gets its own overall the same way
   *   (its stat is the spread of the overall);
   * - the recommendation tally, and red-flag ticks by the severity in the scorecard's checklist version.
   * The ratings and recommendations are each scorecard's first submission (`independent`, the
   * default), or as amended since (`with_amendments`); ratings on criteria the step did not ask count
   * in neither (the first submission keeps only asked ones). Red flags are always as they stand.
   * Applications outside the organization are absent from the result.
   */
  async panelFigures(
    organizationId: string,
    applicationIds: readonly string[],
    view: RatingsView = 'independent',
  ): Promise<Map<string, PanelFigures>> {
    const rows = await this.db.query<PanelSqlRow[]>(panelFiguresSql(RATINGS_SOURCE[view]), [
      organizationId,
      applicationIds,
    ]);
    return new Map(
      rows.map((r) => {
        const figures: PanelFigures = {
          applicationId: r.application_id,
          competencies: new Map(r.competencies.map((c) => [c.key, toStat(c)] as const)),
          criteria: r.criteria.map((c) => ({ key: c.key, competencyKey: c.competencyKey, stat: toStat(c) })),
          overall: r.overall,
          overallStat:
            r.overall_n === null
              ? null
              : toStat({ mean: r.overall_mean, count: r.overall_n, min: r.overall_lo, max: r.overall_hi }),
          overallSd: r.overall_sd,
          tally: { strong_no: r.strong_no, no: r.no, yes: r.yes, strong_yes: r.strong_yes },
          scorecards: r.scorecards,
          redFlags: { concerns: r.concerns, dealbreakers: r.dealbreakers },
        };
        return [figures.applicationId, figures] as const;
      }),
    );
  }

  /**
   * Everything else a debrief shows, in one query: the application with its candidate and
   * opening, the opening's rubric version, the red flags of submitted scorecards grouped by flag
   * (with who ticked them and their evidence), the interviews still owing a scorecard, the
   * decisions, newest first, and the grid's cards: each submitted assessment scorecard with the
   * questions its interview asked and its ratings with evidence, both as first submitted (evidence
   * from the first amendment's original, else the card's own) and as they stand.
   */
  async details(organizationId: string, applicationId: string): Promise<DebriefDetails | null> {
    const rows = await this.db.query<DetailsSqlRow[]>(DETAILS_SQL, [organizationId, applicationId]);
    const r = rows[0];
    if (!r) return null;
    return {
      application: { id: r.id, stage: r.stage, revision: r.revision },
      candidate: {
        id: r.candidate_id,
        name: r.candidate_name,
        currentTitle: r.current_title,
        currentCompany: r.current_company,
      },
      opening: {
        id: r.opening_id,
        title: r.opening_title,
        hiringManager: r.hm_id === null ? null : { id: r.hm_id, name: r.hm_name },
      },
      rubricVersion:
        r.rv_id === null ? null : { id: r.rv_id, name: r.rubric_name, version: r.rv_version, content: r.rubric },
      redFlags: r.red_flags,
      pending: r.pending.map((p) => ({ ...p, feedbackDueAt: iso(p.feedbackDueAt) })),
      decisions: r.decisions.map((d) => ({ ...d, at: iso(d.at) })),
      gridCards: r.grid_cards,
    };
  }

  /**
   * An opening (null when not in the organization) with its rubric and compensation band, and those
   * of the given applications that belong to it, each with its candidate (and their compensation
   * expectation), the viewer's live scorecards on it, its latest decision and whether a hire
   * decision acknowledged its dealbreakers.
   */
  async comparisonSubjects(
    organizationId: string,
    openingId: string,
    applicationIds: readonly string[],
    viewerId: string,
  ): Promise<ComparisonSubjects | null> {
    const rows = await this.db.query<ComparisonSqlRow[]>(COMPARISON_SQL, [
      organizationId,
      openingId,
      applicationIds,
      viewerId,
    ]);
    const r = rows[0];
    if (!r) return null;
    return {
      opening: {
        id: r.id,
        title: r.title,
        codingSharePct: r.coding_share_pct,
        careerPath: r.career_path,
        compensation: {
          currency: r.comp_currency,
          minMinor: Number(r.comp_min_minor),
          maxMinor: Number(r.comp_max_minor),
        },
      },
      rubric: r.rubric,
      applications: r.applications,
    };
  }
}
