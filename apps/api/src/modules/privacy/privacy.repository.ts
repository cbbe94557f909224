import { Injectable } from '@nestjs/common';
import { type CandidateExport, ERASED_CANDIDATE_NAME } from '@scorecard/contracts';
import type { Redactor } from '@scorecard/domain';
import type { EntityManager } from 'typeorm';
import { Db, type Cols } from '../../database/db.js';
import type { DB } from '../../database/schema.generated.js';

/** A timestamp as the contracts write it (UTC, milliseconds). */
const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const person = (alias: string) =>
  `case when ${alias}.id is null then null else json_build_object('id', ${alias}.id, 'name', ${alias}.name) end`;

/** One scorecard of `s` (joined to its interviewer `su`), with what was rated against what, and its amendments. */
const SCORECARD = `json_build_object(
  'id', s.id, 'interviewId', s.interview_id, 'interviewer', ${person('su')}, 'status', s.status,
  'rubricVersionId', s.rubric_version_id, 'checklistVersionId', s.checklist_version_id,
  'ratings', coalesce((
    select json_agg(json_build_object('criterionKey', r.criterion_key, 'competencyKey', r.competency_key,
                                      'criterion', k.title, 'competency', k.competency,
                                      'rating', r.rating, 'evidence', r.evidence)
                    order by k.cn nulls last, k.kn nulls last, r.criterion_key)
      from scorecard_ratings r
      left join lateral (
        select kv.v ->> 'title' as title, cv.v ->> 'name' as competency, cv.n as cn, kv.n as kn
          from rubric_versions rv
         cross join jsonb_array_elements(rv.content -> 'competencies') with ordinality cv (v, n)
         cross join jsonb_array_elements(cv.v -> 'criteria') with ordinality kv (v, n)
         where rv.organization_id = s.organization_id and rv.id = s.rubric_version_id
           and kv.v ->> 'key' = r.criterion_key::text) k on true
     where r.organization_id = s.organization_id and r.scorecard_id = s.id), '[]'),
  'redFlags', coalesce((
    select json_agg(json_build_object('flagKey', f.flag_key, 'description', it.description,
                                      'severity', it.severity, 'evidence', f.evidence)
                    order by it.n nulls last, f.flag_key)
      from scorecard_red_flags f
      left join lateral (
        select iv.v ->> 'description' as description, iv.v ->> 'severity' as severity, iv.n
          from red_flag_checklist_versions cl
         cross join jsonb_array_elements(cl.content -> 'items') with ordinality iv (v, n)
         where cl.organization_id = s.organization_id and cl.id = s.checklist_version_id
           and iv.v ->> 'key' = f.flag_key::text) it on true
     where f.organization_id = s.organization_id and f.scorecard_id = s.id), '[]'),
  'recommendation', s.recommendation, 'summary', s.summary, 'notes', s.notes,
  'submittedAt', ${iso('s.submitted_at')}, 'createdAt', ${iso('s.created_at')}, 'updatedAt', ${iso('s.updated_at')},
  'amendments', coalesce((
    select json_agg(json_build_object('by', ${person('au')}, 'at', ${iso('am.amended_at')},
                                      'reason', am.reason, 'original', am.original)
                    order by am.amended_at, am.id)
      from scorecard_amendments am
      join users au on au.organization_id = am.organization_id and au.id = am.amended_by
     where am.organization_id = s.organization_id and am.scorecard_id = s.id), '[]'))`;

/** One application of `a` (joined to its opening `o`) with its whole history. */
const APPLICATION = `json_build_object(
  'id', a.id, 'opening', json_build_object('id', o.id, 'title', o.title), 'stage', a.stage,
  'stageEnteredAt', ${iso('a.stage_entered_at')}, 'createdAt', ${iso('a.created_at')}, 'updatedAt', ${iso('a.updated_at')},
  'moves', coalesce((
    select json_agg(json_build_object('id', mv.id, 'from', mv.from_stage, 'to', mv.to_stage, 'reason', mv.reason,
                                      'note', mv.note, 'by', ${person('mu')}, 'at', ${iso('mv.moved_at')},
                                      'undoes', mv.undoes)
                    order by mv.moved_at, mv.id)
      from application_moves mv
      left join users mu on mu.organization_id = mv.organization_id and mu.id = mv.moved_by
     where mv.organization_id = a.organization_id and mv.application_id = a.id), '[]'),
  'interviews', coalesce((
    select json_agg(json_build_object(
             'id', i.id, 'step', i.step_name, 'interviewer', ${person('iu')}, 'startsAt', ${iso('i.starts_at')},
             'durationMinutes', i.duration_minutes, 'feedbackDueAt', ${iso('i.feedback_due_at')}, 'status', i.status,
             'createdAt', ${iso('i.created_at')},
             'assignments', coalesce((
               select json_agg(json_build_object('interviewer', ${person('xu')}, 'by', ${person('xb')},
                                                 'at', ${iso('x.assigned_at')})
                               order by x.assigned_at, x.id)
                 from interview_assignments x
                 join users xu on xu.organization_id = x.organization_id and xu.id = x.interviewer_id
                 left join users xb on xb.organization_id = x.organization_id and xb.id = x.assigned_by
                where x.organization_id = i.organization_id and x.interview_id = i.id), '[]'))
           order by i.starts_at, i.id)
      from interviews i
      join users iu on iu.organization_id = i.organization_id and iu.id = i.interviewer_id
     where i.organization_id = a.organization_id and i.application_id = a.id), '[]'),
  'scorecards', coalesce((
    select json_agg(${SCORECARD} order by s.created_at, s.id)
      from scorecards s
      join users su on su.organization_id = s.organization_id and su.id = s.interviewer_id
     where s.organization_id = a.organization_id and s.application_id = a.id
       -- Never another person's unsubmitted draft: independence holds in an export too.
       and (s.submitted_at is not null or s.interviewer_id = $3)), '[]'),
  'decisions', coalesce((
    select json_agg(json_build_object('id', d.id, 'decision', d.decision, 'rationale', d.rationale,
                                      'by', ${person('du')}, 'at', ${iso('d.decided_at')},
                                      'acknowledgedDealbreakers', d.acknowledged_dealbreakers)
                    order by d.decided_at, d.id)
      from application_decisions d
      join users du on du.organization_id = d.organization_id and du.id = d.decided_by
     where d.organization_id = a.organization_id and d.application_id = a.id), '[]'))`;

export type ExportedData = Pick<CandidateExport, 'applications' | 'importRows' | 'auditEvents' | 'notes'>;

/** The candidate as erasing needs them, locked for the rest of the transaction. */
export interface LockedCandidate {
  name: string;
  email: string;
  erased: boolean;
}

@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Everything recorded about a candidate besides their own row, in one statement (so from one
   * snapshot): their applications with stage history, interviews, scorecards and decisions; the
   * import rows that carried their email; and the audit events about them, their applications,
   * interviews and scorecards.
   */
  /**
   * The caller's live drafts on any of the candidate's applications: while there is one, the
   * independence rule keeps the panel's scorecards (and so the export) from them.
   */
  async ownDrafts(organizationId: string, candidateId: string, userId: string): Promise<number> {
    const [r] = await this.db.query<{ n: number }[]>(
      `select count(*)::int as n
         from applications a
         join scorecards s on s.organization_id = a.organization_id and s.application_id = a.id
        where a.organization_id = $1 and a.candidate_id = $2 and s.interviewer_id = $3 and s.status = 'draft'`,
      [organizationId, candidateId, userId],
    );
    return r?.n ?? 0;
  }

  /** Everything held about the candidate, but other people's unsubmitted drafts (`viewerId` sees their own). */
  async exportData(organizationId: string, candidateId: string, viewerId: string): Promise<ExportedData> {
    const rows = await this.db.query<
      {
        applications: ExportedData['applications'];
        import_rows: ExportedData['importRows'];
        audit_events: ExportedData['auditEvents'];
        notes: ExportedData['notes'];
      }[]
    >(
      `with cand as (
         select organization_id, id, email from candidates where organization_id = $1 and id = $2),
       apps as (
         select a.* from applications a join cand c on a.organization_id = c.organization_id and a.candidate_id = c.id),
       subjects (entity_type, entity_id) as (
         select 'candidate', id from cand
         union all select 'application', id from apps
         union all select 'interview', i.id from interviews i
                     join apps a on i.organization_id = a.organization_id and i.application_id = a.id
         union all select 'scorecard', s.id from scorecards s
                     join apps a on s.organization_id = a.organization_id and s.application_id = a.id
                    where s.submitted_at is not null or s.interviewer_id = $3)
       select
         coalesce((select json_agg(${APPLICATION} order by a.created_at, a.id)
                     from apps a join openings o on o.organization_id = a.organization_id and o.id = a.opening_id), '[]')
           as applications,
         coalesce((select json_agg(json_build_object('importId', r.import_id, 'importStatus', ci.status,
                                                     'importedAt', ${iso('ci.created_at')}, 'row', r.row_number,
                                                     'email', r.email, 'candidate', r.candidate, 'errors', r.errors)
                                   order by ci.created_at, r.import_id, r.row_number)
                     from cand c
                     join candidate_import_rows r on r.organization_id = c.organization_id
                                                 and (r.email = c.email or lower(r.candidate ->> 'email') = c.email)
                     join candidate_imports ci on ci.organization_id = r.organization_id and ci.id = r.import_id), '[]')
           as import_rows,
         coalesce((select json_agg(json_build_object(
                            'id', n.id, 'body', n.body, 'createdAt', ${iso('n.created_at')},
                            'author', case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end)
                          order by n.created_at, n.id)
                     from candidate_notes n
                     left join users u on u.organization_id = n.organization_id and u.id = n.author_id
                    where n.organization_id = $1 and n.candidate_id = $2), '[]')
           as notes,
         coalesce((select json_agg(json_build_object(
                            'id', e.id, 'occurredAt', ${iso('e.occurred_at')},
                            'actor', case when u.id is null then null
                                          else json_build_object('id', u.id, 'name', u.name, 'email', u.email) end,
                            'action', e.action, 'entityType', e.entity_type, 'entityId', e.entity_id,
                            'changedFields', e.changed_fields, 'requestId', e.request_id)
                          order by e.occurred_at, e.id)
                     from subjects x
                     join audit_events e on e.organization_id = $1 and e.entity_type = x.entity_type
                                        and e.entity_id = x.entity_id
                     left join users u on u.organization_id = e.organization_id and u.id = e.actor_user_id), '[]')
           as audit_events`,
      [organizationId, candidateId, viewerId],
    );
    const r = rows[0]!;
    return {
      applications: r.applications,
      importRows: r.import_rows,
      auditEvents: r.audit_events,
      notes: r.notes,
    };
  }

  async lockCandidate(organizationId: string, id: string, m: EntityManager): Promise<LockedCandidate | null> {
    const rows = await m.query<(Cols<'candidates', 'name' | 'email'> & { erased: boolean })[]>(
      `select name, email, erased_at is not null as erased from candidates
        where organization_id = $1 and id = $2 for update`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * Erases a candidate in the caller's transaction. The free text of their applications (stage
   * move notes, scorecard summaries and private notes, rating and red-flag evidence, amendment
   * reasons and the content they replaced, decision rationales) is passed through `redact`; the
   * import rows that carried their email are deleted; their tags go; their row keeps only what
   * statistics use (source, internal or not, desired career path and coding share) under the name
   * "Erased candidate" and an address that cannot receive mail. Ratings, red-flag ticks,
   * recommendations, stages, times and decisions' outcomes do not change.
   *
   * The frozen tables let exactly these text-only updates through while `privacy.erasing` is on,
   * which is switched off again before returning. Drafts are bumped a revision, so a tab still open
   * on one cannot save the old text back. Answers the candidate's applications.
   */
  async erase(
    organizationId: string,
    candidateId: string,
    original: { email: string },
    redact: Redactor,
    m: EntityManager,
  ): Promise<{ applicationIds: string[] }> {
    const [apps] = await m.query<{ ids: string[] }[]>(
      `select coalesce(array_agg(id), '{}') as ids from applications where organization_id = $1 and candidate_id = $2`,
      [organizationId, candidateId],
    );
    const ids = apps!.ids;
    await m.query(`select set_config('privacy.erasing', 'on', true)`);
    for (const target of FREE_TEXT) await redactTable(m, organizationId, ids, target, redact);
    await m.query(`select set_config('privacy.erasing', 'off', true)`);
    await m.query(
      `update scorecards set revision = revision + 1
        where organization_id = $1 and application_id = any($2::uuid[]) and status = 'draft'`,
      [organizationId, ids],
    );
    await m.query(
      `delete from candidate_import_rows
        where organization_id = $1 and (email = $2 or lower(candidate ->> 'email') = $2)`,
      [organizationId, original.email],
    );
    await m.query(`delete from candidate_notes where organization_id = $1 and candidate_id = $2`, [
      organizationId,
      candidateId,
    ]);
    await m.query(`delete from candidate_tags where organization_id = $1 and candidate_id = $2`, [
      organizationId,
      candidateId,
    ]);
    // Emails about the candidate (reminders, invitations to their interviews, digests naming them)
    // keep their place in the Email log, without the candidate's name; one still queued goes out so.
    await m.query(
      `update emails
          set subject = $3, text_body = $3, html_body = $3, ical = null, ical_method = null, updated_at = now()
        where organization_id = $1 and candidate_id = $2`,
      [organizationId, candidateId, 'This email was about a candidate whose data has been erased.'],
    );
    await m.query(
      `update candidates
          set name = $3, email = 'erased+' || id || '@invalid', phone = '', location = '',
              current_title = '', current_company = '',
              links = '{"linkedin": "", "github": "", "blog": "", "talks": ""}', signals = '{}',
              comp_currency = null, comp_amount_minor = null, notes = '',
              erased_at = now(), revision = revision + 1, updated_at = now()
        where organization_id = $1 and id = $2`,
      [organizationId, candidateId, ERASED_CANDIDATE_NAME],
    );
    return { applicationIds: ids };
  }
}

/**
 * A table of free text written about an application: its key columns, its text and JSON columns
 * (named as the table has them), and which rows.
 */
type FreeText = {
  [T in keyof DB]: {
    table: T;
    keys: (keyof DB[T] & string)[];
    text: (keyof DB[T] & string)[];
    json?: (keyof DB[T] & string)[];
    /** Rows of the applications `$2` of organization `$1`, for a table aliased `t`. */
    scope: string;
  };
}[keyof DB];

const OF_APPLICATIONS = 't.application_id = any($2::uuid[])';
const OF_THEIR_SCORECARDS = `t.scorecard_id in (select s.id from scorecards s
   where s.organization_id = $1 and s.application_id = any($2::uuid[]))`;

const FREE_TEXT: FreeText[] = [
  { table: 'application_moves', keys: ['id'], text: ['note'], scope: OF_APPLICATIONS },
  { table: 'scorecards', keys: ['id'], text: ['summary', 'notes'], scope: OF_APPLICATIONS },
  {
    table: 'scorecard_ratings',
    keys: ['scorecard_id', 'criterion_key'],
    text: ['evidence'],
    scope: OF_THEIR_SCORECARDS,
  },
  { table: 'scorecard_red_flags', keys: ['scorecard_id', 'flag_key'], text: ['evidence'], scope: OF_THEIR_SCORECARDS },
  { table: 'scorecard_amendments', keys: ['id'], text: ['reason'], json: ['original'], scope: OF_THEIR_SCORECARDS },
  { table: 'application_decisions', keys: ['id'], text: ['rationale'], scope: OF_APPLICATIONS },
];

/**
 * Reads the free text of one table for the applications, redacts it (a rule of the domain, with
 * Unicode-aware whole-word matching whatever the database's locale), and writes back only the
 * rows that changed, in one statement.
 */
async function redactTable(
  m: EntityManager,
  organizationId: string,
  applicationIds: string[],
  target: FreeText,
  redact: Redactor,
): Promise<void> {
  const json: string[] = target.json ?? [];
  const text: string[] = target.text;
  const columns = [...target.keys, ...text, ...json];
  // The columns are the table's own (FreeText), read and written as one record per row.
  const rows = await m.query<Record<string, unknown>[]>(
    `select ${columns.map((c) => `t.${c}`).join(', ')} from ${target.table} t
      where t.organization_id = $1 and ${target.scope}
        for update of t`,
    [organizationId, applicationIds],
  );
  const changed: Record<string, unknown>[] = [];
  for (const row of rows) {
    const next: Record<string, unknown> = { ...row };
    for (const c of text) next[c] = redact.text(row[c] as string);
    for (const c of json) next[c] = redact.json(row[c]);
    if (columns.some((c) => JSON.stringify(next[c]) !== JSON.stringify(row[c]))) changed.push(next);
  }
  if (changed.length === 0) return;
  const types = [
    ...target.keys.map((k) => `${k} uuid`),
    ...text.map((c) => `${c} text`),
    ...json.map((c) => `${c} jsonb`),
  ];
  await m.query(
    `update ${target.table} t set ${[...text, ...json].map((c) => `${c} = x.${c}`).join(', ')}
       from jsonb_to_recordset($2::jsonb) as x (${types.join(', ')})
      where t.organization_id = $1 and ${target.keys.map((k) => `t.${k} = x.${k}`).join(' and ')}`,
    [organizationId, JSON.stringify(changed)],
  );
}
