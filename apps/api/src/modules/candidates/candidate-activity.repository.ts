import { Injectable } from '@nestjs/common';
import type { ActivityItem, CandidateNote } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, type Col, type Cols, type LeftJoined } from '../../database/db.js';

/** Where a page of the feed starts: strictly older than this (at, kind, id), in feed order. */
export interface ActivityCursor {
  /** The event's time as PostgreSQL wrote it, to the microsecond (a JS Date would lose precision). */
  at: string;
  kind: string;
  id: string;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

/**
 * A candidate's activity in one statement: every source is one branch of a `union all`, ordered
 * newest first by (at, kind, id) and limited in the database, each branch reading an index that
 * leads with organization_id. `$3` is the viewer: on an application where they hold a live draft,
 * other people's submitted scorecards and the decisions stay out (independence before discussion).
 */
const FEED_SQL = `
  with apps as (
    select a.id, a.opening_id, o.title,
           exists (select 1 from scorecards d
                    where d.organization_id = a.organization_id and d.application_id = a.id
                      and d.interviewer_id = $3 and d.status = 'draft') as pending
      from applications a
      join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
     where a.organization_id = $1 and a.candidate_id = $2),
  feed as (
    select case when mv.from_stage is null then 'application_created' else 'stage_moved' end as kind,
           mv.id, mv.moved_at as at, mv.moved_by as actor_id, mv.application_id,
           jsonb_build_object('from', mv.from_stage, 'to', mv.to_stage, 'reason', mv.reason, 'note', mv.note) as details
      from application_moves mv join apps on apps.id = mv.application_id
     where mv.organization_id = $1
    union all
    select 'interview_scheduled', i.id, i.created_at, i.created_by, i.application_id,
           jsonb_build_object('interviewId', i.id, 'stepName', i.step_name, 'startsAt', i.starts_at,
                              'interviewerId', i.interviewer_id)
      from interviews i join apps on apps.id = i.application_id
     where i.organization_id = $1
    union all
    select 'interview_cancelled', i.id, i.cancelled_at, i.cancelled_by, i.application_id,
           jsonb_build_object('interviewId', i.id, 'stepName', i.step_name, 'startsAt', i.starts_at,
                              'interviewerId', i.interviewer_id)
      from interviews i join apps on apps.id = i.application_id
     where i.organization_id = $1 and i.cancelled_at is not null
    union all
    select 'scorecard_submitted', s.id, s.submitted_at, s.interviewer_id, s.application_id,
           jsonb_build_object('scorecardId', s.id, 'interviewId', s.interview_id, 'stepName', i.step_name)
      from scorecards s
      join apps on apps.id = s.application_id
      join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
     where s.organization_id = $1 and s.status = 'submitted' and (not apps.pending or s.interviewer_id = $3)
    union all
    select 'decision_recorded', d.id, d.decided_at, d.decided_by, d.application_id,
           jsonb_build_object('decision', d.decision)
      from application_decisions d join apps on apps.id = d.application_id
     where d.organization_id = $1 and not apps.pending
    union all
    select 'note_added', n.id, n.created_at, n.author_id, null::uuid, jsonb_build_object('noteId', n.id, 'body', n.body)
      from candidate_notes n
     where n.organization_id = $1 and n.candidate_id = $2
    union all
    select 'file_uploaded', f.id, f.created_at, f.uploaded_by, null::uuid,
           jsonb_build_object('fileId', f.id, 'filename', f.filename)
      from candidate_files f
     where f.organization_id = $1 and f.candidate_id = $2)
  select f.kind, f.id, f.at, to_char(f.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at_key,
         f.actor_id, u.name as actor_name, f.application_id, apps.opening_id, apps.title as opening_title,
         f.details, iu.name as interviewer_name
    from feed f
    left join users u on u.organization_id = $1 and u.id = f.actor_id
    left join apps on apps.id = f.application_id
    left join users iu on iu.organization_id = $1 and iu.id = (f.details ->> 'interviewerId')::uuid
   where $4::timestamp is null or (f.at, f.kind, f.id) < (($4::timestamp at time zone 'UTC'), $5::text, $6::uuid)
   order by f.at desc, f.kind desc, f.id desc
   limit $7`;

type Move = Cols<'application_moves', 'reason' | 'note'> & { to: Col<'application_moves', 'to_stage'> };
type InterviewJson = { interviewId: Col<'interviews', 'id'>; stepName: Col<'interviews', 'step_name'> };

/** A row of FEED_SQL: its `details` as each branch builds them (timestamps in JSON are strings). */
type FeedRow = {
  id: string;
  at: Date;
  at_key: string;
  actor_id: string | null;
  actor_name: Col<'users', 'name'> | null;
  interviewer_name: Col<'users', 'name'> | null;
} & LeftJoined<{
  application_id: Col<'applications', 'id'>;
  opening_id: Col<'openings', 'id'>;
  opening_title: Col<'openings', 'title'>;
}> &
  (
    | { kind: 'application_created'; details: Move & { from: null } }
    | { kind: 'stage_moved'; details: Move & { from: NonNullable<Col<'application_moves', 'from_stage'>> } }
    | {
        kind: 'interview_scheduled' | 'interview_cancelled';
        details: InterviewJson & { startsAt: string; interviewerId: Col<'interviews', 'interviewer_id'> };
      }
    | { kind: 'scorecard_submitted'; details: InterviewJson & { scorecardId: Col<'scorecards', 'id'> } }
    | { kind: 'decision_recorded'; details: Cols<'application_decisions', 'decision'> }
    | { kind: 'note_added'; details: { noteId: Col<'candidate_notes', 'id'>; body: Col<'candidate_notes', 'body'> } }
    | {
        kind: 'file_uploaded';
        details: { fileId: Col<'candidate_files', 'id'>; filename: Col<'candidate_files', 'filename'> };
      }
  );

function toItem(r: FeedRow): ActivityItem {
  const base = { key: `${r.kind}:${r.id}`, at: iso(r.at), actor: person(r.actor_id, r.actor_name) };
  const application = r.application_id
    ? { id: r.application_id, opening: { id: r.opening_id, title: r.opening_title } }
    : null;
  switch (r.kind) {
    case 'application_created':
      return { kind: 'application_created', ...base, application: application!, details: { stage: r.details.to } };
    case 'stage_moved': {
      const d = r.details;
      return {
        kind: 'stage_moved',
        ...base,
        application: application!,
        details: { from: d.from, to: d.to, reason: d.reason ?? null, note: d.note },
      };
    }
    case 'interview_scheduled':
    case 'interview_cancelled':
      return {
        kind: r.kind,
        ...base,
        application: application!,
        details: {
          interviewId: r.details.interviewId,
          stepName: r.details.stepName,
          startsAt: iso(r.details.startsAt),
          interviewer: person(r.details.interviewerId, r.interviewer_name),
        },
      };
    case 'scorecard_submitted':
      return {
        kind: 'scorecard_submitted',
        ...base,
        application: application!,
        details: {
          scorecardId: r.details.scorecardId,
          interviewId: r.details.interviewId,
          stepName: r.details.stepName,
        },
      };
    case 'decision_recorded':
      return {
        kind: 'decision_recorded',
        ...base,
        application: application!,
        details: { decision: r.details.decision },
      };
    case 'note_added':
      return { kind: 'note_added', ...base, details: { noteId: r.details.noteId, body: r.details.body } };
    default:
      return {
        kind: 'file_uploaded',
        ...base,
        details: { fileId: r.details.fileId, filename: r.details.filename },
      };
  }
}

@Injectable()
export class CandidateActivityRepository {
  constructor(private readonly db: Db) {}

  /** One page of the feed, newest first, and the cursor of the next page (null on the last). */
  async page(
    organizationId: string,
    candidateId: string,
    viewerId: string,
    after: ActivityCursor | null,
    limit: number,
  ): Promise<{ items: ActivityItem[]; next: ActivityCursor | null }> {
    const rows = await this.db.query<FeedRow[]>(FEED_SQL, [
      organizationId,
      candidateId,
      viewerId,
      after?.at ?? null,
      after?.kind ?? null,
      after?.id ?? null,
      limit + 1,
    ]);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next = rows.length > limit && last ? { at: last.at_key, kind: last.kind, id: last.id } : null;
    return { items: page.map(toItem), next };
  }

  async addNote(
    organizationId: string,
    candidateId: string,
    authorId: string,
    body: string,
    m: EntityManager,
  ): Promise<CandidateNote> {
    const [row] = await m.query<
      (Cols<'candidate_notes', 'id' | 'candidate_id' | 'body' | 'author_id' | 'created_at'> & {
        author_name: Col<'users', 'name'> | null;
      })[]
    >(
      `with note as (
         insert into candidate_notes (organization_id, candidate_id, body, author_id)
         values ($1, $2, $3, $4) returning id, candidate_id, body, author_id, created_at)
       select note.*, u.name as author_name
         from note left join users u on u.organization_id = $1 and u.id = note.author_id`,
      [organizationId, candidateId, body, authorId],
    );
    return {
      id: row!.id,
      candidateId: row!.candidate_id,
      body: row!.body,
      author: person(row!.author_id, row!.author_name),
      createdAt: iso(row!.created_at),
    };
  }
}
