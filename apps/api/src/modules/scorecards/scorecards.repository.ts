import { Injectable } from '@nestjs/common';
import type {
  CandidateLinks,
  Expectations,
  MyInterview,
  PlanStepKind,
  Recommendation,
  RedFlagItem,
  RubricContent,
  Scorecard,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db } from '../../database/db.js';
import { SCORECARD_COLUMNS, SCORECARD_JOINS, toScorecard } from './scorecard-row.js';

export type MyInterviewsView = 'upcoming' | 'awaiting' | 'submitted';

/** A scorecard as locked for a change, with what its keys and completeness are checked against. */
export interface LockedScorecard {
  id: string;
  applicationId: string;
  interviewerId: string;
  status: 'draft' | 'submitted' | 'void';
  revision: number;
  ratings: { criterionKey: string; rating: 1 | 2 | 3 | 4 | null; evidence: string }[];
  redFlags: { flagKey: string; evidence: string }[];
  recommendation: Recommendation | null;
  focusCompetencyKeys: string[];
  /** The criteria the interview asked: exactly what the scorecard rates. */
  questionKeys: string[];
  stepKind: PlanStepKind;
  startsAt: Date;
  rubric: RubricContent;
  checklistItems: RedFlagItem[];
}

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

/** The order of each view of "my interviews"; the view names come from the validated query. */
const VIEW_ORDER: Record<MyInterviewsView, string> = {
  upcoming: 'm.starts_at, m.scorecard_id',
  awaiting: 'm.feedback_due_at, m.scorecard_id',
  submitted: 'm.submitted_at desc, m.scorecard_id',
};

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
    const rows: Record<string, unknown>[] = await this.db.query(
      `with mine as (
         select s.id as scorecard_id, s.status, s.submitted_at, s.application_id,
                i.id as interview_id, i.step_name, i.starts_at, i.duration_minutes, i.feedback_due_at,
                case when s.status = 'submitted' then 'submitted'
                     when i.starts_at > now() then 'upcoming'
                     else 'awaiting' end as view,
                s.status = 'draft' and i.feedback_due_at < now() as overdue
           from scorecards s
           join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
          where s.organization_id = $1 and s.interviewer_id = $2 and s.status in ('draft', 'submitted')
            and i.status = 'scheduled'),
       counts as (
         select count(*) filter (where view = 'upcoming')::int as n_upcoming,
                count(*) filter (where view = 'awaiting')::int as n_awaiting,
                count(*) filter (where view = 'submitted')::int as n_submitted,
                count(*) filter (where view = 'awaiting' and overdue)::int as n_overdue
           from mine)
       select counts.*, p.*
         from counts
         left join lateral (
           select m.*, c.name as candidate_name, o.id as opening_id, o.title as opening_title
             from mine m
             join applications a on a.organization_id = $1 and a.id = m.application_id
             join candidates c on c.organization_id = $1 and c.id = a.candidate_id
             join openings o on o.organization_id = $1 and o.id = a.opening_id
            where m.view = $3
            order by ${VIEW_ORDER[view]}
            limit $4 offset $5) p on true`,
      [organizationId, userId, view, page.limit, page.offset],
    );
    const first = rows[0]!;
    return {
      counts: {
        upcoming: first.n_upcoming as number,
        awaiting: first.n_awaiting as number,
        submitted: first.n_submitted as number,
        overdue: first.n_overdue as number,
      },
      items: rows
        .filter((r) => r.scorecard_id)
        .map((r) => ({
          interviewId: r.interview_id as string,
          scorecardId: r.scorecard_id as string,
          candidate: { name: r.candidate_name as string },
          opening: { id: r.opening_id as string, title: r.opening_title as string },
          step: r.step_name as string,
          startsAt: (r.starts_at as Date).toISOString(),
          durationMinutes: r.duration_minutes as number,
          feedbackDueAt: (r.feedback_due_at as Date).toISOString(),
          scorecardStatus: r.status as 'draft' | 'submitted',
          submittedAt: r.submitted_at ? (r.submitted_at as Date).toISOString() : null,
          overdue: r.overdue as boolean,
        })),
    };
  }

  /**
   * An interview with its candidate, opening, rubric and checklist content and its live scorecard,
   * in one query.
   */
  async kit(organizationId: string, interviewId: string, viewerId: string): Promise<KitRow | null> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `select i.id, i.interviewer_id, i.step_name, i.step_kind, i.starts_at, i.duration_minutes, i.feedback_due_at,
              i.status, i.focus_competency_keys, i.question_keys,
              o.id as opening_id, o.title as opening_title, o.hide_candidate_details, o.expectations,
              o.coding_share_pct,
              c.id as candidate_id, c.name as candidate_name, c.current_title, c.current_company, c.location, c.links,
              rv.content as rubric, cv.content as checklist,
              ${SCORECARD_COLUMNS}
         from interviews i
         join applications a on a.organization_id = i.organization_id and a.id = i.application_id
         join candidates c on c.organization_id = a.organization_id and c.id = a.candidate_id
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
         left join scorecards s on s.organization_id = i.organization_id and s.interview_id = i.id
                               and s.status <> 'void'
         left join users su on su.organization_id = s.organization_id and su.id = s.interviewer_id
         left join interviews si on si.organization_id = s.organization_id and si.id = s.interview_id
         left join rubric_versions rv on rv.organization_id = s.organization_id and rv.id = s.rubric_version_id
         left join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                                 and cv.id = s.checklist_version_id
        where i.organization_id = $1 and i.id = $2`,
      [organizationId, interviewId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      interview: {
        id: r.id as string,
        interviewerId: r.interviewer_id as string,
        step: r.step_name as string,
        stepKind: r.step_kind as PlanStepKind,
        startsAt: r.starts_at as Date,
        durationMinutes: r.duration_minutes as number,
        feedbackDueAt: r.feedback_due_at as Date,
        status: r.status as 'scheduled' | 'cancelled',
        focusCompetencyKeys: r.focus_competency_keys as string[],
        questionKeys: r.question_keys as string[],
      },
      opening: {
        id: r.opening_id as string,
        title: r.opening_title as string,
        hideCandidateDetails: r.hide_candidate_details as boolean,
        expectations: r.expectations as Expectations,
        codingSharePct: (r.coding_share_pct as number | null) ?? null,
      },
      candidate: {
        id: r.candidate_id as string,
        name: r.candidate_name as string,
        currentTitle: r.current_title as string,
        currentCompany: r.current_company as string,
        location: r.location as string,
        links: r.links as CandidateLinks,
      },
      rubric: (r.rubric as RubricContent | null) ?? null,
      checklistItems: (r.checklist as { items: RedFlagItem[] } | null)?.items ?? [],
      scorecard: r.sc_id ? toScorecard(r, viewerId) : null,
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
    const rows: Record<string, unknown>[] = await this.db.query(
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
      viewer: { ownDrafts: r.drafts as number, ownSubmitted: r.submitted as number },
    };
  }

  /** A live scorecard as `viewerId` sees it (notes only for its author). */
  async find(
    organizationId: string,
    id: string,
    viewerId: string,
    m: EntityManager = this.db.manager,
  ): Promise<Scorecard | null> {
    const rows: Record<string, unknown>[] = await m.query(
      `select ${SCORECARD_COLUMNS} from scorecards s ${SCORECARD_JOINS}
        where s.organization_id = $1 and s.id = $2 and s.status <> 'void'`,
      [organizationId, id],
    );
    return rows[0] ? toScorecard(rows[0], viewerId) : null;
  }

  /** The viewer's live scorecards on an application, or null when the application is not in the organization. */
  async viewerOnApplication(organizationId: string, applicationId: string, viewerId: string): Promise<OwnCards | null> {
    const rows: { drafts: number; submitted: number }[] = await this.db.query(
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
    const rows: Record<string, unknown>[] = await this.db.query(
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
    const rows: Record<string, unknown>[] = await m.query(
      `select s.id, s.application_id, s.interviewer_id, s.status, s.revision, s.recommendation, i.focus_competency_keys,
              i.question_keys, i.step_kind, i.starts_at, rv.content as rubric, cv.content as checklist,
              coalesce((select json_agg(json_build_object('criterionKey', r.criterion_key, 'rating', r.rating,
                                                          'evidence', r.evidence))
                          from scorecard_ratings r
                         where r.organization_id = s.organization_id and r.scorecard_id = s.id and r.asked),
                       '[]') as ratings,
              coalesce((select json_agg(json_build_object('flagKey', f.flag_key, 'evidence', f.evidence))
                          from scorecard_red_flags f
                         where f.organization_id = s.organization_id and f.scorecard_id = s.id), '[]') as red_flags
         from scorecards s
         join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
         join rubric_versions rv on rv.organization_id = s.organization_id and rv.id = s.rubric_version_id
         left join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                                 and cv.id = s.checklist_version_id
        where s.organization_id = $1 and s.id = $2
          for update of s`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id as string,
      applicationId: r.application_id as string,
      interviewerId: r.interviewer_id as string,
      status: r.status as LockedScorecard['status'],
      revision: r.revision as number,
      ratings: r.ratings as LockedScorecard['ratings'],
      redFlags: r.red_flags as LockedScorecard['redFlags'],
      recommendation: (r.recommendation as Recommendation | null) ?? null,
      focusCompetencyKeys: r.focus_competency_keys as string[],
      questionKeys: r.question_keys as string[],
      stepKind: r.step_kind as PlanStepKind,
      startsAt: r.starts_at as Date,
      rubric: r.rubric as RubricContent,
      checklistItems: (r.checklist as { items: RedFlagItem[] } | null)?.items ?? [],
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
    if (c.ratings.length > 0) {
      await m.query(
        `insert into scorecard_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating, evidence)
         select $1, $2, x.criterion_key, x.competency_key, x.rating, x.evidence
           from unnest($3::uuid[], $4::uuid[], $5::smallint[], $6::text[]) x(criterion_key, competency_key, rating, evidence)`,
        [
          organizationId,
          id,
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
        [organizationId, id, c.redFlags.map((f) => f.flagKey), c.redFlags.map((f) => f.evidence)],
      );
    }
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
    await m.query(
      `insert into scorecard_amendments (organization_id, scorecard_id, amended_by, reason, after_feedback, original)
       select s.organization_id, s.id, $3, $4,
              exists (select 1 from feedback_views v
                       where v.organization_id = s.organization_id and v.application_id = s.application_id
                         and v.user_id = $3),
              jsonb_build_object(
                'ratings', coalesce((select jsonb_agg(jsonb_build_object('criterionKey', r.criterion_key,
                                                       'competencyKey', r.competency_key, 'rating', r.rating,
                                                       'evidence', r.evidence) order by r.criterion_key)
                                       from scorecard_ratings r
                                      where r.organization_id = s.organization_id and r.scorecard_id = s.id), '[]'),
                'redFlags', coalesce((select jsonb_agg(jsonb_build_object('flagKey', f.flag_key, 'evidence', f.evidence)
                                                       order by f.flag_key)
                                        from scorecard_red_flags f
                                       where f.organization_id = s.organization_id and f.scorecard_id = s.id), '[]'),
                'recommendation', s.recommendation,
                'summary', s.summary)
         from scorecards s
        where s.organization_id = $1 and s.id = $2`,
      [organizationId, a.scorecardId, a.by, a.reason],
    );
  }
}
