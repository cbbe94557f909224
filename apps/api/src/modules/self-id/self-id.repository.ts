import { Injectable } from '@nestjs/common';
import type { SelfIdDimension } from '@scorecard/contracts';
import { type Col, Db, type Row } from '../../database/db.js';

/** The organization's stored questions, or null while the defaults apply. */
export interface StoredSettings {
  dimensions: SelfIdDimension[];
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
}

/** A link found by its token's hash, inside its organization. */
export interface FoundLink {
  id: string;
  candidateId: string;
  expiresAt: Date;
  organizationName: string;
}

/** One answer on file, for the candidate's own export. */
export interface StoredAnswer {
  dimension: string;
  category: string;
  answeredAt: Date;
}

/**
 * Counts of one step for one question's group, straight from GROUP BY: `step` 0 is applied →
 * screen, 4 is offer → hired; `category` '' is no answer.
 */
export interface StepCountRow {
  dimension: string;
  step: number;
  category: string;
  applicants: number;
  selected: number;
  pending: number;
  withdrew: number;
}

/** A competency's mean rating for one question's group. */
export interface CompetencyMeanRow {
  dimension: string;
  competency_key: string;
  competency: string;
  position: number;
  category: string;
  applications: number;
  mean: number;
}

/** The report's slice: an opening or all, and application creation days [from, to). */
export interface ReportSlice {
  openingId: string | null;
  from: Date | null;
  to: Date | null;
}

/** The pipeline's steps in order, as the report numbers them (the index is the step's start). */
export const STEP_STAGES = ['applied', 'screen', 'interviews', 'debrief', 'offer', 'hired'] as const;

/**
 * The applications of the slice as a CTE named `apps` ($1 the organization; the slice's values from
 * $n on): each with the furthest pipeline step it reached, counting only moves that were not
 * taken back, and its current stage.
 */
function appsSql(slice: ReportSlice, n: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  let where = '';
  if (slice.openingId) {
    params.push(slice.openingId);
    where += ` and a.opening_id = $${n + params.length - 1}`;
  }
  if (slice.from) {
    params.push(slice.from);
    where += ` and a.created_at >= $${n + params.length - 1}`;
  }
  if (slice.to) {
    params.push(slice.to);
    where += ` and a.created_at < $${n + params.length - 1}`;
  }
  const steps = `array[${STEP_STAGES.map((s) => `'${s}'`).join(', ')}]::text[]`;
  return {
    sql: `apps as materialized (
            select a.id, a.candidate_id, a.stage::text as stage,
                   greatest(coalesce(array_position(${steps}, a.stage::text), 1),
                            coalesce(max(array_position(${steps}, m.to_stage::text)), 1)) - 1 as top
              from applications a
              left join application_moves m
                     on m.organization_id = a.organization_id and m.application_id = a.id and m.undoes is null
                    and not exists (select 1 from application_moves u
                                     where u.organization_id = m.organization_id and u.undoes = m.id)
             where a.organization_id = $1${where}
             group by a.id, a.candidate_id, a.stage)`,
    params,
  };
}

/**
 * Self-identification's SQL: the questions, the links (found by hash inside their organization),
 * the answers, and the adverse-impact counts, aggregated here and never read row by row.
 */
@Injectable()
export class SelfIdRepository {
  constructor(private readonly db: Db) {}

  async settings(organizationId: string): Promise<StoredSettings | null> {
    const rows = await this.db.query<
      (Pick<Row<'self_id_settings'>, 'dimensions' | 'updated_at'> & {
        updated_by: { id: string; name: string } | null;
      })[]
    >(
      `select s.dimensions, s.updated_at,
              case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as updated_by
         from self_id_settings s
         left join users u on u.organization_id = s.organization_id and u.id = s.updated_by
        where s.organization_id = $1`,
      [organizationId],
    );
    const r = rows[0];
    if (!r) return null;
    return { dimensions: r.dimensions as SelfIdDimension[], updatedAt: r.updated_at, updatedBy: r.updated_by };
  }

  async saveSettings(organizationId: string, userId: string, dimensions: SelfIdDimension[]): Promise<void> {
    await this.db.query(
      `insert into self_id_settings (organization_id, dimensions, updated_by) values ($1, $2, $3)
       on conflict (organization_id) do update set dimensions = excluded.dimensions, updated_by = excluded.updated_by,
                                                   updated_at = now()`,
      [organizationId, JSON.stringify(dimensions), userId],
    );
  }

  /** A new link for the candidate, replacing any earlier one; answers its expiry. */
  async replaceLink(
    organizationId: string,
    candidateId: string,
    tokenHash: Buffer,
    createdBy: string,
    ttlDays: number,
  ): Promise<{ id: string; expiresAt: Date }> {
    await this.db.query(`delete from self_id_links where organization_id = $1 and candidate_id = $2`, [
      organizationId,
      candidateId,
    ]);
    const [row] = await this.db.query<{ id: string; expires_at: Date }[]>(
      `insert into self_id_links (organization_id, candidate_id, token_hash, created_by, expires_at)
       values ($1, $2, $3, $4, now() + make_interval(days => $5::integer))
       returning id, expires_at`,
      [organizationId, candidateId, tokenHash, createdBy, ttlDays],
    );
    return { id: row!.id, expiresAt: row!.expires_at };
  }

  async markEmailed(organizationId: string, linkId: string): Promise<void> {
    await this.db.query(`update self_id_links set emailed_at = now() where organization_id = $1 and id = $2`, [
      organizationId,
      linkId,
    ]);
  }

  async linkStatus(organizationId: string, candidateId: string) {
    const rows = await this.db.query<
      (Pick<Row<'self_id_links'>, 'created_at' | 'expires_at' | 'emailed_at'> & {
        created_by: { id: string; name: string } | null;
      })[]
    >(
      `select l.created_at, l.expires_at, l.emailed_at,
              case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as created_by
         from self_id_links l
         left join users u on u.organization_id = l.organization_id and u.id = l.created_by
        where l.organization_id = $1 and l.candidate_id = $2
        order by l.created_at desc limit 1`,
      [organizationId, candidateId],
    );
    return rows[0] ?? null;
  }

  /** The link with this hash in the current organization (expired ones too), with the organization's name. */
  async findLink(organizationId: string, tokenHash: Buffer): Promise<FoundLink | null> {
    const rows = await this.db.query<
      (Pick<Row<'self_id_links'>, 'id' | 'candidate_id' | 'expires_at'> & { organization_name: string })[]
    >(
      `select l.id, l.candidate_id, l.expires_at, o.name as organization_name
         from self_id_links l
         join organizations o on o.id = l.organization_id
         join candidates c on c.organization_id = l.organization_id and c.id = l.candidate_id
        where l.organization_id = $1 and l.token_hash = $2 and c.erased_at is null`,
      [organizationId, tokenHash],
    );
    const r = rows[0];
    return r
      ? { id: r.id, candidateId: r.candidate_id, expiresAt: r.expires_at, organizationName: r.organization_name }
      : null;
  }

  /** When the candidate's answers were last saved, or null when none are on file. */
  async answeredAt(organizationId: string, candidateId: string): Promise<Date | null> {
    const [r] = await this.db.query<{ at: Col<'self_id_answers', 'answered_at'> | null }[]>(
      `select max(answered_at) as at from self_id_answers where organization_id = $1 and candidate_id = $2`,
      [organizationId, candidateId],
    );
    return r?.at ?? null;
  }

  /** Replaces every answer of the candidate with `answers` (question key → category key). */
  async replaceAnswers(organizationId: string, candidateId: string, answers: [string, string][]): Promise<void> {
    await this.deleteAnswers(organizationId, candidateId);
    if (answers.length === 0) return;
    await this.db.query(
      `insert into self_id_answers (organization_id, candidate_id, dimension_key, category_key)
       select $1, $2, d, c from unnest($3::text[], $4::text[]) as x(d, c)`,
      [organizationId, candidateId, answers.map(([d]) => d), answers.map(([, c]) => c)],
    );
  }

  async deleteAnswers(organizationId: string, candidateId: string): Promise<void> {
    await this.db.query(`delete from self_id_answers where organization_id = $1 and candidate_id = $2`, [
      organizationId,
      candidateId,
    ]);
  }

  /** Everything held about the candidate's self-identification goes: answers and links (erasure). */
  async eraseCandidate(organizationId: string, candidateId: string): Promise<void> {
    await this.deleteAnswers(organizationId, candidateId);
    await this.db.query(`delete from self_id_links where organization_id = $1 and candidate_id = $2`, [
      organizationId,
      candidateId,
    ]);
  }

  /** The candidate's answers, for their own data export only. */
  async answers(organizationId: string, candidateId: string): Promise<StoredAnswer[]> {
    const rows = await this.db.query<Pick<Row<'self_id_answers'>, 'dimension_key' | 'category_key' | 'answered_at'>[]>(
      `select dimension_key, category_key, answered_at from self_id_answers
        where organization_id = $1 and candidate_id = $2 order by dimension_key`,
      [organizationId, candidateId],
    );
    return rows.map((r) => ({ dimension: r.dimension_key, category: r.category_key, answeredAt: r.answered_at }));
  }

  async openingExists(organizationId: string, openingId: string): Promise<boolean> {
    const rows = await this.db.query<unknown[]>(`select 1 from openings where organization_id = $1 and id = $2`, [
      organizationId,
      openingId,
    ]);
    return rows.length > 0;
  }

  /**
   * The report's counts, in one statement. For each application of the slice, `top` is the
   * furthest step it reached; for each step k (from STEP_STAGES[k] to STEP_STAGES[k + 1]) and each
   * question, grouped by the candidate's answer ('' for none):
   * - applicants: reached step k and its outcome there is known: it went further, or it was
   *   rejected at k;
   * - selected: went further than k;
   * - pending: still at k (neither moved on nor rejected), withdrew: withdrew at k; both left out.
   * Plus the slice's application count and how many of them have a candidate who answered.
   */
  async stepCounts(
    organizationId: string,
    slice: ReportSlice,
    dimensions: string[],
  ): Promise<{ rows: StepCountRow[]; applications: number; answered: number }> {
    const apps = appsSql(slice, 3);
    const rows = await this.db.query<{ rows: StepCountRow[] | null; applications: number; answered: number }[]>(
      `with ${apps.sql},
       steps as (select generate_series(0, ${STEP_STAGES.length - 2}) as k),
       counts as (
         select d.key as dimension, s.k as step, coalesce(sa.category_key, '') as category,
                count(*) filter (where a.top > s.k or a.stage = 'rejected')::int as applicants,
                count(*) filter (where a.top > s.k)::int as selected,
                count(*) filter (where a.top = s.k and a.stage not in ('rejected', 'withdrawn'))::int as pending,
                count(*) filter (where a.top = s.k and a.stage = 'withdrawn')::int as withdrew
           from apps a
           join steps s on a.top >= s.k
          cross join unnest($2::text[]) as d(key)
           left join self_id_answers sa
                  on sa.organization_id = $1 and sa.candidate_id = a.candidate_id and sa.dimension_key = d.key
          group by d.key, s.k, coalesce(sa.category_key, ''))
       select (select json_agg(c) from counts c) as rows,
              (select count(*)::int from apps) as applications,
              (select count(*)::int from apps a
                where exists (select 1 from self_id_answers sa
                               where sa.organization_id = $1 and sa.candidate_id = a.candidate_id
                                 and sa.dimension_key = any($2::text[]))) as answered`,
      [organizationId, dimensions, ...apps.params],
    );
    const r = rows[0]!;
    return { rows: r.rows ?? [], applications: r.applications, answered: r.answered };
  }

  /**
   * Per question, competency and group: how many applications of the slice have a rating of the
   * competency in a submitted scorecard made here (imported ones and the candidate's-questions step
   * are left out), and the mean over those applications of each one's mean rating. Applications on
   * which the viewer has a draft of their own are left out (the independence rule). Competency names
   * come from the latest rubric version that has them.
   */
  async competencyMeans(
    organizationId: string,
    viewerId: string,
    slice: ReportSlice,
    dimensions: string[],
  ): Promise<CompetencyMeanRow[]> {
    const apps = appsSql(slice, 4);
    return this.db.query<CompetencyMeanRow[]>(
      `with ${apps.sql},
       cards as materialized (
         select s.id, s.application_id, s.rubric_version_id
           from apps a
           join scorecards s on s.organization_id = $1 and s.application_id = a.id
           join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
          where s.status = 'submitted' and s.imported_at is null and not s.shadow
            and i.step_kind = 'assessment'
            and not exists (select 1 from scorecards own
                             where own.organization_id = $1 and own.application_id = s.application_id
                               and own.status = 'draft' and own.interviewer_id = $3)),
       per_app as (
         select k.application_id, r.competency_key::text as competency_key, avg(r.rating)::float8 as mean
           from cards k
           join scorecard_ratings r on r.organization_id = $1 and r.scorecard_id = k.id
          where r.rating is not null
          group by k.application_id, r.competency_key),
       competencies as (
         select c.v ->> 'key' as key, (array_agg(c.v ->> 'name' order by rv.version desc))[1] as name,
                min(c.n)::int as position
           from rubric_versions rv
          cross join jsonb_array_elements(rv.content -> 'competencies') with ordinality c(v, n)
          where rv.organization_id = $1 and rv.id in (select rubric_version_id from cards)
          group by c.v ->> 'key')
       select d.key as dimension, p.competency_key, coalesce(c.name, 'Competency') as competency,
              coalesce(c.position, 0) as position, coalesce(sa.category_key, '') as category,
              count(*)::int as applications, avg(p.mean)::float8 as mean
         from per_app p
         join apps a on a.id = p.application_id
         left join competencies c on c.key = p.competency_key
        cross join unnest($2::text[]) as d(key)
         left join self_id_answers sa
                on sa.organization_id = $1 and sa.candidate_id = a.candidate_id and sa.dimension_key = d.key
        group by d.key, p.competency_key, c.name, c.position, coalesce(sa.category_key, '')`,
      [organizationId, dimensions, viewerId, ...apps.params],
    );
  }
}
