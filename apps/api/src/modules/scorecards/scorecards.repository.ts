import { Injectable } from '@nestjs/common';
import type {
  CandidateLinks,
  Expectations,
  MyInterview,
  PlanStepKind,
  RedFlagItem,
  Recommendation,
  RubricContent,
  Scorecard,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.js';
import { SCORECARD_COLUMNS, SCORECARD_JOINS, toScorecard, type ScorecardColumns } from './scorecard-row.js';
import {
  AMENDMENT_SQL,
  KIT_SQL,
  LOCK_SQL,
  myInterviewsSql,
  type KitSqlRow,
  type LockedScorecard,
  type LockSqlRow,
  type MyInterviewRow,
  type MyInterviewsView,
} from './scorecards.sql.js';

export type { LockedScorecard, MyInterviewsView } from './scorecards.sql.js';

/** The content a save or an amendment writes. */
export interface ScorecardContentInput {
  ratings: { criterionKey: string; competencyKey: string; rating: number | null; evidence: string }[];
  redFlags: { flagKey: string; evidence: string }[];
  recommendation: Recommendation | null;
  summary: string;
  notes: string;
}

export interface KitRow {
  interview: {
    id: string;
    interviewerId: string;
    step: string;
    stepKind: PlanStepKind;
    startsAt: Date;
    durationMinutes: number;
    feedbackDueAt: Date;
    status: 'scheduled' | 'cancelled';
    focusCompetencyKeys: string[];
    questionKeys: string[];
  };
  opening: {
    id: string;
    title: string;
    hideCandidateDetails: boolean;
    expectations: Expectations;
    codingSharePct: number | null;
  };
  candidate: {
    id: string;
    name: string;
    currentTitle: string;
    currentCompany: string;
    location: string;
    links: CandidateLinks;
  };
  rubric: RubricContent | null;
  checklistItems: RedFlagItem[];
  scorecard: Scorecard | null;
}

/** Counts of the caller's own live scorecards for one application, for the independence rule. */
export interface OwnCards {
  ownDrafts: number;
  ownSubmitted: number;
}

/** OwnCards as the queries count them. */
interface OwnCounts {
  drafts: number;
  submitted: number;
}

@Injectable()
export class ScorecardsRepository {
  constructor(private readonly db: Db) {}

  /**
   * One page of the caller's live scorecards of scheduled interviews in one view, and the counts of
   * every view plus the overdue ones, in one query.
   */
  async listMine(
    organizationId: string,
    userId: string,
    view: MyInterviewsView,
    page: { limit: number; offset: number },
  ): Promise<{
    items: MyInterview[];
    counts: { upcoming: number; awaiting: number; submitted: number; overdue: number };
  }> {
    const rows = await this.db.query<MyInterviewRow[]>(myInterviewsSql(view), [
      organizationId,
      userId,
      view,
      page.limit,
      page.offset,
    ]);
    const first = rows[0]!;
    return {
      counts: {
        upcoming: first.n_upcoming,
        awaiting: first.n_awaiting,
        submitted: first.n_submitted,
        overdue: first.n_overdue,
      },
      items: rows.flatMap((r) =>
        r.scorecard_id === null
          ? []
          : [
              {
                interviewId: r.interview_id,
                scorecardId: r.scorecard_id,
                candidate: { name: r.candidate_name },
                opening: { id: r.opening_id, title: r.opening_title },
                step: r.step_name,
                startsAt: r.starts_at.toISOString(),
                durationMinutes: r.duration_minutes,
                feedbackDueAt: r.feedback_due_at.toISOString(),
                // `mine` holds drafts and submitted scorecards only.
                scorecardStatus: r.status as MyInterview['scorecardStatus'],
                submittedAt: r.submitted_at?.toISOString() ?? null,
                overdue: r.overdue,
              },
            ],
      ),
    };
  }

  /**
   * An interview with its candidate, opening, rubric and checklist content and its live scorecard,
   * in one query.
   */
  async kit(organizationId: string, interviewId: string, viewerId: string): Promise<KitRow | null> {
    const rows = await this.db.query<KitSqlRow[]>(KIT_SQL, [organizationId, interviewId]);
    const r = rows[0];
    if (!r) return null;
    return {
      interview: {
        id: r.id,
        interviewerId: r.interviewer_id,
        step: r.step_name,
        stepKind: r.step_kind,
        startsAt: r.starts_at,
        durationMinutes: r.duration_minutes,
        feedbackDueAt: r.feedback_due_at,
        status: r.status,
        focusCompetencyKeys: r.focus_competency_keys,
        questionKeys: r.question_keys,
      },
      opening: {
        id: r.opening_id,
        title: r.opening_title,
        hideCandidateDetails: r.hide_candidate_details,
        expectations: r.expectations,
        codingSharePct: r.coding_share_pct,
      },
      candidate: {
        id: r.candidate_id,
        name: r.candidate_name,
        currentTitle: r.current_title,
        currentCompany: r.current_company,
        location: r.location,
        links: r.links,
      },
      rubric: r.rubric,
      checklistItems: r.checklist?.items ?? [],
      scorecard: r.sc_id === null ? null : toScorecard(r, viewerId),
    };
  }

  /**
   * A live scorecard, and how many live drafts and submitted scorecards the viewer has on the same
   * application, in one query.
   */
  async findWithViewer(
    organizationId: string,
    id: string,
    viewerId: string,
  ): Promise<{ scorecard: Scorecard; viewer: OwnCards } | null> {
    const rows = await this.db.query<(ScorecardColumns & OwnCounts)[]>(
      `select ${SCORECARD_COLUMNS}, own.drafts, own.submitted
         from scorecards s
         ${SCORECARD_JOINS}
        cross join lateral (
          select count(*) filter (where o.status = 'draft')::int as drafts,
                 count(*) filter (where o.status = 'submitted')::int as submitted
            from scorecards o
           where o.organization_id = s.organization_id and o.application_id = s.application_id
             and o.status <> 'void' and o.interviewer_id = $3) own
        where s.organization_id = $1 and s.id = $2 and s.status <> 'void'`,
      [organizationId, id, viewerId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      scorecard: toScorecard(r, viewerId),
      viewer: { ownDrafts: r.drafts, ownSubmitted: r.submitted },
    };
  }

  /** A live scorecard as `viewerId` sees it (notes only for its author). */
  async find(
    organizationId: string,
    id: string,
    viewerId: string,
    m: EntityManager = this.db.manager,
  ): Promise<Scorecard | null> {
    const rows = await m.query<ScorecardColumns[]>(
      `select ${SCORECARD_COLUMNS} from scorecards s ${SCORECARD_JOINS}
        where s.organization_id = $1 and s.id = $2 and s.status <> 'void'`,
      [organizationId, id],
    );
    return rows[0] ? toScorecard(rows[0], viewerId) : null;
  }

  /** The viewer's live scorecards on an application, or null when the application is not in the organization. */
  async viewerOnApplication(organizationId: string, applicationId: string, viewerId: string): Promise<OwnCards | null> {
    const rows = await this.db.query<OwnCounts[]>(
      `select count(*) filter (where o.status = 'draft')::int as drafts,
              count(*) filter (where o.status = 'submitted')::int as submitted
         from applications a
         left join scorecards o on o.organization_id = a.organization_id and o.application_id = a.id
                               and o.status <> 'void' and o.interviewer_id = $3
        where a.organization_id = $1 and a.id = $2
        group by a.id`,
      [organizationId, applicationId, viewerId],
    );
    const r = rows[0];
    return r ? { ownDrafts: r.drafts, ownSubmitted: r.submitted } : null;
  }

  /** The submitted scorecards of an application, first submitted first, in one query. */
  async listSubmitted(organizationId: string, applicationId: string, viewerId: string): Promise<Scorecard[]> {
    const rows = await this.db.query<ScorecardColumns[]>(
      `select ${SCORECARD_COLUMNS} from scorecards s ${SCORECARD_JOINS}
        where s.organization_id = $1 and s.application_id = $2 and s.status = 'submitted'
        order by s.submitted_at, s.id`,
      [organizationId, applicationId],
    );
    return rows.map((r) => toScorecard(r, viewerId));
  }

  /**
   * Locks a scorecard for a change and reads its content, its interview's focus competencies, and
   * the content of its rubric and checklist versions.
   */
  async lock(organizationId: string, id: string, m: EntityManager): Promise<LockedScorecard | null> {
    const [r] = await m.query<LockSqlRow[]>(LOCK_SQL, [organizationId, id]);
    if (!r) return null;
    return {
      id: r.id,
      applicationId: r.application_id,
      interviewerId: r.interviewer_id,
      status: r.status,
      revision: r.revision,
      ratings: r.ratings,
      redFlags: r.red_flags,
      recommendation: r.recommendation,
      focusCompetencyKeys: r.focus_competency_keys,
      questionKeys: r.question_keys,
      stepKind: r.step_kind,
      startsAt: r.starts_at,
      rubric: r.rubric,
      checklistItems: r.checklist?.items ?? [],
    };
  }

  /**
   * Replaces a scorecard's asked ratings and its red flags (one insert each) and its other content;
   * revision + 1. Old ratings on questions the interview did not ask (`asked` false) stay as they are.
   */
  async replaceContent(organizationId: string, id: string, c: ScorecardContentInput, m: EntityManager): Promise<void> {
    await m.query(`delete from scorecard_ratings where organization_id = $1 and scorecard_id = $2 and asked`, [
      organizationId,
      id,
    ]);
    await m.query(`delete from scorecard_red_flags where organization_id = $1 and scorecard_id = $2`, [
      organizationId,
      id,
    ]);
    await insertScorecardContent(m, organizationId, id, c);
    await m.query(
      `update scorecards set recommendation = $3, summary = $4, notes = $5, revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2`,
      [organizationId, id, c.recommendation, c.summary, c.notes],
    );
  }

  /**
   * Submits a draft and keeps its first submission: the asked ratings go to
   * `scorecard_first_ratings` and the recommendation to `first_recommendation`, which no later
   * amendment changes (every figure reads them; docs/MEASUREMENT.md).
   */
  async markSubmitted(organizationId: string, id: string, m: EntityManager): Promise<void> {
    await m.query(
      `update scorecards set status = 'submitted', submitted_at = now(), first_recommendation = recommendation,
              revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2 and status = 'draft'`,
      [organizationId, id],
    );
    await m.query(
      `insert into scorecard_first_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating)
       select r.organization_id, r.scorecard_id, r.criterion_key, r.competency_key, r.rating
         from scorecard_ratings r
        where r.organization_id = $1 and r.scorecard_id = $2 and r.asked`,
      [organizationId, id],
    );
  }

  /** Records that the author confirmed a recommendation that contradicts their own ratings (now). */
  async confirmContradiction(organizationId: string, id: string, m: EntityManager): Promise<void> {
    await m.query(`update scorecards set contradiction_confirmed_at = now() where organization_id = $1 and id = $2`, [
      organizationId,
      id,
    ]);
  }

  /**
   * Records that `userId` read the panel's feedback on these applications (their debrief, their
   * scorecards, another person's scorecard, or a comparison including them), in the caller's
   * transaction. Only an application with a submitted scorecard by someone else has feedback to
   * read; the first read is kept, later ones change nothing. An amendment made after it is labelled
   * (`recordAmendment`).
   */
  async recordFeedbackViews(
    organizationId: string,
    applicationIds: readonly string[],
    userId: string,
    m: EntityManager = this.db.manager,
  ): Promise<void> {
    if (applicationIds.length === 0) return;
    await m.query(
      `insert into feedback_views (organization_id, application_id, user_id)
       select $1, a.id, $3
         from applications a
        where a.organization_id = $1 and a.id = any($2::uuid[])
          and exists (select 1 from scorecards s
                       where s.organization_id = a.organization_id and s.application_id = a.id
                         and s.status = 'submitted' and s.interviewer_id <> $3)
       on conflict do nothing`,
      [organizationId, applicationIds, userId],
    );
  }

  /**
   * Declares, for the rest of the transaction, that a submitted scorecard is being amended (the
   * database triggers refuse the change otherwise), and records the amendment with the original
   * content: ratings, red flags, recommendation and summary; and whether its author had read the
   * panel's feedback on the application by then (`feedback_views`).
   */
  async recordAmendment(
    organizationId: string,
    a: { scorecardId: string; by: string; reason: string },
    m: EntityManager,
  ): Promise<void> {
    await m.query(`select set_config('scorecard.amending', 'on', true)`);
    await m.query(AMENDMENT_SQL, [organizationId, a.scorecardId, a.by, a.reason]);
  }
}

/** Writes a scorecard's ratings and red flags (into a scorecard that has none): one statement each. */
export async function insertScorecardContent(
  m: EntityManager,
  organizationId: string,
  scorecardId: string,
  c: {
    ratings: readonly { criterionKey: string; competencyKey: string; rating: number | null; evidence: string }[];
    redFlags: readonly { flagKey: string; evidence: string }[];
  },
): Promise<void> {
  if (c.ratings.length > 0) {
    await m.query(
      `insert into scorecard_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating, evidence)
       select $1, $2, x.criterion_key, x.competency_key, x.rating, x.evidence
         from unnest($3::uuid[], $4::uuid[], $5::smallint[], $6::text[]) x(criterion_key, competency_key, rating, evidence)`,
      [
        organizationId,
        scorecardId,
        c.ratings.map((r) => r.criterionKey),
        c.ratings.map((r) => r.competencyKey),
        c.ratings.map((r) => r.rating),
        c.ratings.map((r) => r.evidence),
      ],
    );
  }
  if (c.redFlags.length > 0) {
    await m.query(
      `insert into scorecard_red_flags (organization_id, scorecard_id, flag_key, evidence)
       select $1, $2, x.flag_key, x.evidence from unnest($3::uuid[], $4::text[]) x(flag_key, evidence)`,
      [organizationId, scorecardId, c.redFlags.map((f) => f.flagKey), c.redFlags.map((f) => f.evidence)],
    );
  }
}
