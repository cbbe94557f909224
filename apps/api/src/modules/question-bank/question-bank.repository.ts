import { Injectable } from '@nestjs/common';
import type { QuestionMarkKind, RubricContent } from '@scorecard/contracts';
import type { QuestionCounts, RatingCounts, RatingShape } from '@scorecard/domain';
import { Db, type Col, type Cols } from '../../database/db.js';

/** A published version (or the draft) of the rubric, with its content. */
export type RubricVersionContent = Cols<'rubric_versions', 'id' | 'version'> & { content: RubricContent };

/** A mark as read: with its author's name. */
export interface MarkRow {
  id: string;
  criterionKey: string;
  kind: QuestionMarkKind;
  note: string;
  markedBy: { id: string; name: string };
  markedAt: string;
}

interface CountsSqlRow {
  criterion_key: string;
  asked: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  shapes: { ratings: number[]; units: number }[];
  h1: number;
  h2: number;
  h3: number;
  h4: number;
  n1: number;
  n2: number;
  n3: number;
  n4: number;
}

interface MarkSqlRow {
  id: Col<'question_marks', 'id'>;
  criterion_key: Col<'question_marks', 'criterion_key'>;
  kind: QuestionMarkKind;
  note: Col<'question_marks', 'note'>;
  marked_at: Col<'question_marks', 'marked_at'>;
  user_id: Col<'users', 'id'>;
  user_name: Col<'users', 'name'>;
}

/**
 * The scorecards every question figure counts, as a CTE named `cards` over the CTE `versions` (the
 * rubric's published versions): $1 is the organization, $2 the viewer. In one place, so that a
 * rule about which scorecards count is written once:
 * - submitted, as first submitted (their ratings are read from `scorecard_first_ratings`);
 * - written here, not imported from another system (`imported_at is null`): an imported scorecard's
 *   interview is reconstructed from what it rated, so it would never leave a question unasked or
 *   unassessed (docs/MEASUREMENT.md, "Imported scorecards");
 * - not a shadow's (`shadow`, issue 24 §5): a trainee's scorecard counts in no figure;
 * - of an assessment step (the candidate's questions step rates nothing);
 * - not on an application where the viewer has a draft of their own (the independence rule, as in
 *   calibration).
 */
const CARDS_SQL = `cards as materialized (
    select s.id, s.application_id, s.interviewer_id, s.submitted_at, i.question_keys
      from scorecards s
      join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
     where s.organization_id = $1 and s.status = 'submitted'
       and s.rubric_version_id in (select id from versions)
       and s.imported_at is null and not s.shadow
       and i.step_kind = 'assessment'
       and not exists (select 1 from scorecards own
                        where own.organization_id = $1 and own.application_id = s.application_id
                          and own.status = 'draft' and own.interviewer_id = $2))`;

const rated = (a: number, b: number, c: number, d: number): RatingCounts => [a, b, c, d];

@Injectable()
export class QuestionBankRepository {
  constructor(private readonly db: Db) {}

  async rubric(organizationId: string, rubricId: string): Promise<Cols<'rubrics', 'id' | 'name'> | null> {
    const rows = await this.db.query<Cols<'rubrics', 'id' | 'name'>[]>(
      `select id, name from rubrics where organization_id = $1 and id = $2`,
      [organizationId, rubricId],
    );
    return rows[0] ?? null;
  }

  /** The rubric's versions with their content: the published ones newest first, and the draft if there is one. */
  async versions(
    organizationId: string,
    rubricId: string,
  ): Promise<{ published: RubricVersionContent[]; draft: RubricVersionContent | null }> {
    const rows = await this.db.query<(RubricVersionContent & Cols<'rubric_versions', 'status'>)[]>(
      `select id, version, status, content from rubric_versions
        where organization_id = $1 and rubric_id = $2
        order by version desc`,
      [organizationId, rubricId],
    );
    const strip = ({ id, version, content }: RubricVersionContent) => ({ id, version, content });
    const draft = rows.find((r) => r.status === 'draft');
    return { published: rows.filter((r) => r.status === 'published').map(strip), draft: draft ? strip(draft) : null };
  }

  /**
   * Per question (criterion key) of the rubric's published versions, in one query over the counted
   * scorecards (`CARDS_SQL`):
   * - `asked`: scorecards whose interview asked it (its key in the interview's `question_keys`);
   * - `r1`…`r4`: their first-submission ratings of it at each level ("not assessed" has no level);
   * - `shapes`: its units (one application, two or more interviewers), each interviewer's value
   *   being their rating on their earliest-submitted scorecard that rated it (as calibration), grouped
   *   by their sorted values with a count;
   * - `h1`…`h4`, `n1`…`n4`: those same values (one per interviewer per application, also where
   *   only one interviewer rated it) on applications whose latest decision is hire (h) or no hire (n);
   *   hold and undecided applications are left out.
   * And `scorecards`: how many scorecards were counted.
   */
  async counts(
    organizationId: string,
    viewerId: string,
    rubricId: string,
  ): Promise<{ scorecards: number; questions: Map<string, QuestionCounts> }> {
    const rows = await this.db.query<{ scorecards: number; questions: CountsSqlRow[] }[]>(
      `with versions as materialized (
         select id from rubric_versions
          where organization_id = $1 and rubric_id = $3 and status = 'published'),
       ${CARDS_SQL},
       asked as (
         select q.key as criterion_key, count(*)::int as asked
           from cards k
          cross join unnest(k.question_keys) q(key)
          group by q.key),
       ratings as materialized (
         select k.id as scorecard_id, k.application_id, k.interviewer_id, k.submitted_at, r.criterion_key, r.rating
           from cards k
           join scorecard_first_ratings r on r.organization_id = $1 and r.scorecard_id = k.id
          where r.rating is not null and r.criterion_key = any(k.question_keys)),
       levels as (
         select criterion_key,
                count(*) filter (where rating = 1)::int as r1, count(*) filter (where rating = 2)::int as r2,
                count(*) filter (where rating = 3)::int as r3, count(*) filter (where rating = 4)::int as r4
           from ratings
          group by criterion_key),
       unit_values as materialized (
         select distinct on (application_id, criterion_key, interviewer_id)
                application_id, criterion_key, interviewer_id, rating
           from ratings
          order by application_id, criterion_key, interviewer_id, submitted_at, scorecard_id),
       units as (
         select criterion_key, array_agg(rating order by rating) as ratings
           from unit_values
          group by application_id, criterion_key
         having count(*) >= 2),
       shapes as (
         select criterion_key, json_agg(json_build_object('ratings', ratings, 'units', n) order by ratings) as shapes
           from (select criterion_key, ratings, count(*)::int as n from units group by criterion_key, ratings) s
          group by criterion_key),
       outcomes as (
         select distinct on (d.application_id) d.application_id, d.decision
           from application_decisions d
          where d.organization_id = $1 and d.application_id in (select application_id from cards)
          order by d.application_id, d.decided_at desc, d.id desc),
       by_outcome as (
         select v.criterion_key,
                count(*) filter (where o.decision = 'hire' and v.rating = 1)::int as h1,
                count(*) filter (where o.decision = 'hire' and v.rating = 2)::int as h2,
                count(*) filter (where o.decision = 'hire' and v.rating = 3)::int as h3,
                count(*) filter (where o.decision = 'hire' and v.rating = 4)::int as h4,
                count(*) filter (where o.decision = 'no_hire' and v.rating = 1)::int as n1,
                count(*) filter (where o.decision = 'no_hire' and v.rating = 2)::int as n2,
                count(*) filter (where o.decision = 'no_hire' and v.rating = 3)::int as n3,
                count(*) filter (where o.decision = 'no_hire' and v.rating = 4)::int as n4
           from unit_values v
           join outcomes o on o.application_id = v.application_id
          where o.decision in ('hire', 'no_hire')
          group by v.criterion_key),
       questions as (
         select a.criterion_key, a.asked,
                coalesce(l.r1, 0) as r1, coalesce(l.r2, 0) as r2, coalesce(l.r3, 0) as r3, coalesce(l.r4, 0) as r4,
                coalesce(s.shapes, '[]') as shapes,
                coalesce(b.h1, 0) as h1, coalesce(b.h2, 0) as h2, coalesce(b.h3, 0) as h3, coalesce(b.h4, 0) as h4,
                coalesce(b.n1, 0) as n1, coalesce(b.n2, 0) as n2, coalesce(b.n3, 0) as n3, coalesce(b.n4, 0) as n4
           from asked a
           left join levels l on l.criterion_key = a.criterion_key
           left join shapes s on s.criterion_key = a.criterion_key
           left join by_outcome b on b.criterion_key = a.criterion_key)
       select (select count(*)::int from cards) as scorecards,
              (select coalesce(json_agg(q), '[]') from questions q) as questions`,
      [organizationId, viewerId, rubricId],
    );
    const r = rows[0]!;
    return {
      scorecards: r.scorecards,
      questions: new Map(
        r.questions.map((q) => [
          q.criterion_key,
          {
            asked: q.asked,
            distribution: rated(q.r1, q.r2, q.r3, q.r4),
            shapes: q.shapes as RatingShape[],
            hired: rated(q.h1, q.h2, q.h3, q.h4),
            notHired: rated(q.n1, q.n2, q.n3, q.n4),
          },
        ]),
      ),
    };
  }

  /** The marks on the rubric's questions, latest first. */
  async marks(organizationId: string, rubricId: string): Promise<MarkRow[]> {
    const rows = await this.db.query<MarkSqlRow[]>(
      `select m.id, m.criterion_key, m.kind, m.note, m.marked_at, u.id as user_id, u.name as user_name
         from question_marks m
         join users u on u.organization_id = m.organization_id and u.id = m.marked_by
        where m.organization_id = $1 and m.rubric_id = $2
        order by m.marked_at desc, m.id`,
      [organizationId, rubricId],
    );
    return rows.map(markOf);
  }

  /**
   * Records a mark: one of each kind per question, so marking again replaces its note, author, time
   * and draft.
   */
  async upsertMark(m: {
    organizationId: string;
    rubricId: string;
    criterionKey: string;
    kind: QuestionMarkKind;
    note: string;
    draftVersionId: string;
    markedBy: string;
  }): Promise<MarkRow> {
    const rows = await this.db.query<MarkSqlRow[]>(
      `with saved as (
         insert into question_marks (organization_id, rubric_id, criterion_key, kind, note, draft_version_id, marked_by)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (organization_id, rubric_id, criterion_key, kind)
         do update set note = excluded.note, draft_version_id = excluded.draft_version_id,
                       marked_by = excluded.marked_by, marked_at = now()
         returning *)
       select s.id, s.criterion_key, s.kind, s.note, s.marked_at, u.id as user_id, u.name as user_name
         from saved s
         join users u on u.organization_id = s.organization_id and u.id = s.marked_by`,
      [m.organizationId, m.rubricId, m.criterionKey, m.kind, m.note, m.draftVersionId, m.markedBy],
    );
    return markOf(rows[0]!);
  }
}

function markOf(r: MarkSqlRow): MarkRow {
  return {
    id: r.id,
    criterionKey: r.criterion_key,
    kind: r.kind,
    note: r.note,
    markedBy: { id: r.user_id, name: r.user_name },
    markedAt: r.marked_at.toISOString(),
  };
}
