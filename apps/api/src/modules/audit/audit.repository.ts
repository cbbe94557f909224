import { Injectable } from '@nestjs/common';
import { type AuditEvent, ERASED_CANDIDATE_NAME } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, type Col, type Cols } from '../../database/db.js';

/** One audit event to append; the database stamps its id and time. */
export interface NewAuditEvent {
  organizationId: string;
  actorUserId: string | null;
  /** The endpoint's operation name, e.g. `createCandidate`. */
  action: string;
  entityType: string;
  entityId: string | null;
  /** Field names only, already stripped of secrets. */
  changedFields: readonly string[];
  requestId: string | null;
  /** The API token the request came with, if it came with one. */
  apiTokenId?: string | null;
}

/** What the audit log is filtered and paged by (bounds already resolved to instants). */
export interface AuditFilter {
  actorUserId?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Inclusive. */
  from?: Date | undefined;
  /** Exclusive. */
  toExclusive?: Date | undefined;
}

export type AuditPage =
  { direction: 'newest' } | { direction: 'older'; cursor: string } | { direction: 'newer'; cursor: string };

type EventRow = Cols<
  'audit_events',
  | 'id'
  | 'occurred_at'
  | 'actor_user_id'
  | 'action'
  | 'entity_type'
  | 'entity_id'
  | 'changed_fields'
  | 'request_id'
  | 'api_token_id'
> & {
  api_token_name: Col<'api_tokens', 'name'> | null;
  actor_name: Col<'users', 'name'> | null;
  actor_email: Col<'users', 'email'> | null;
  entity_name: string | null;
};

function toEvent(r: EventRow): AuditEvent {
  return {
    id: r.id,
    occurredAt: r.occurred_at.toISOString(),
    actor:
      r.actor_user_id && r.actor_name !== null
        ? { id: r.actor_user_id, name: r.actor_name, email: r.actor_email ?? '' }
        : null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityName: r.entity_name,
    changedFields: r.changed_fields,
    requestId: r.request_id,
    apiToken: r.api_token_id && r.api_token_name !== null ? { id: r.api_token_id, name: r.api_token_name } : null,
  };
}

/** A candidate's name as the log shows it: an erased candidate stays anonymous. */
const candidateName = (alias: string) =>
  `case when ${alias}.erased_at is not null then '${ERASED_CANDIDATE_NAME.replace(/'/g, "''")}' else ${alias}.name end`;

/**
 * The joins that find each event's target, every one within the event's organization and taken
 * only for its own entity type (one statement for the page, however many kinds it shows).
 * Interviews and scorecards reach their application, and applications their candidate and opening.
 */
const ENTITY_JOINS = `
  left join users tu on e.entity_type = 'user' and tu.organization_id = e.organization_id and tu.id = e.entity_id
  left join candidates tc
         on e.entity_type = 'candidate' and tc.organization_id = e.organization_id and tc.id = e.entity_id
  left join openings tp on e.entity_type = 'opening' and tp.organization_id = e.organization_id and tp.id = e.entity_id
  left join rubrics tr on e.entity_type = 'rubric' and tr.organization_id = e.organization_id and tr.id = e.entity_id
  left join red_flag_checklists tk
         on e.entity_type = 'red_flag_checklist' and tk.organization_id = e.organization_id and tk.id = e.entity_id
  left join rubric_versions trv
         on e.entity_type = 'rubric_version' and trv.organization_id = e.organization_id and trv.id = e.entity_id
  left join rubrics trvd on trvd.organization_id = trv.organization_id and trvd.id = trv.rubric_id
  left join red_flag_checklist_versions tkv
         on e.entity_type = 'red_flag_checklist_version' and tkv.organization_id = e.organization_id
        and tkv.id = e.entity_id
  left join red_flag_checklists tkvd on tkvd.organization_id = tkv.organization_id and tkvd.id = tkv.checklist_id
  left join interviews ti on e.entity_type = 'interview' and ti.organization_id = e.organization_id and ti.id = e.entity_id
  left join scorecards ts on e.entity_type = 'scorecard' and ts.organization_id = e.organization_id and ts.id = e.entity_id
  left join interviews tsi on tsi.organization_id = ts.organization_id and tsi.id = ts.interview_id
  left join applications ta
         on e.entity_type in ('application', 'interview', 'scorecard') and ta.organization_id = e.organization_id
        and ta.id = case e.entity_type when 'application' then e.entity_id
                                       when 'interview' then ti.application_id
                                       else ts.application_id end
  left join candidates tac on tac.organization_id = ta.organization_id and tac.id = ta.candidate_id
  left join openings tao on tao.organization_id = ta.organization_id and tao.id = ta.opening_id
  left join candidate_files tf
         on e.entity_type = 'file' and tf.organization_id = e.organization_id and tf.id = e.entity_id
  left join organizations torg on e.entity_type = 'organization' and torg.id = e.organization_id and torg.id = e.entity_id`;

const ENTITY_NAME = `case e.entity_type
    when 'user' then tu.name
    when 'candidate' then ${candidateName('tc')}
    when 'opening' then tp.title
    when 'rubric' then tr.name
    when 'red_flag_checklist' then tk.name
    when 'rubric_version' then trvd.name || ' (version ' || trv.version || ')'
    when 'red_flag_checklist_version' then tkvd.name || ' (version ' || tkv.version || ')'
    when 'application' then ${candidateName('tac')} || ' · ' || tao.title
    when 'interview' then ${candidateName('tac')} || ' · ' || ti.step_name
    when 'scorecard' then ${candidateName('tac')} || ' · ' || tsi.step_name
    when 'file' then tf.filename
    when 'organization' then torg.name
  end`;

@Injectable()
export class AuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends one event; the table refuses updates and deletes. */
  async append(event: NewAuditEvent, m: EntityManager = this.db.manager): Promise<void> {
    await m.query(
      `insert into audit_events
              (organization_id, actor_user_id, action, entity_type, entity_id, changed_fields, request_id, api_token_id)
       values ($1, $2, $3, $4, $5, $6::text[], $7, $8)`,
      [
        event.organizationId,
        event.actorUserId,
        event.action,
        event.entityType,
        event.entityId,
        [...event.changedFields],
        event.requestId,
        event.apiTokenId ?? null,
      ],
    );
  }

  /**
   * One page of the organization's events, newest first, by keyset on (occurred_at, id) from the
   * cursor event: `limit + 1` rows are read to tell whether more lie beyond the page, and, with a
   * cursor, one `exists` tells whether any lie on its other side.
   */
  async list(
    organizationId: string,
    filter: AuditFilter,
    page: AuditPage,
    limit: number,
    m: EntityManager = this.db.manager,
  ): Promise<{ items: AuditEvent[]; older: boolean; newer: boolean }> {
    const args: unknown[] = [organizationId];
    const where = ['e.organization_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => {
      args.push(value);
      where.push(sql(`$${args.length}`));
    };
    if (filter.actorUserId) add((p) => `e.actor_user_id = ${p}`, filter.actorUserId);
    if (filter.action) add((p) => `e.action = ${p}`, filter.action);
    if (filter.entityType) add((p) => `e.entity_type = ${p}`, filter.entityType);
    if (filter.entityId) add((p) => `e.entity_id = ${p}`, filter.entityId);
    if (filter.from) add((p) => `e.occurred_at >= ${p}`, filter.from);
    if (filter.toExclusive) add((p) => `e.occurred_at < ${p}`, filter.toExclusive);
    const filterArgs = args.length;

    let cursorCte = '';
    let cursorJoin = '';
    let beyond = '';
    let behind = '';
    if (page.direction !== 'newest') {
      args.push(page.cursor);
      cursorCte = `with c as (select occurred_at, id from audit_events where organization_id = $1 and id = $${args.length}) `;
      cursorJoin = ' cross join c';
      const [ahead, back] = page.direction === 'older' ? ['<', '>'] : ['>', '<'];
      beyond = ` and (e.occurred_at, e.id) ${ahead} (c.occurred_at, c.id)`;
      behind = ` and (e.occurred_at, e.id) ${back} (c.occurred_at, c.id)`;
    }
    const order = page.direction === 'newer' ? 'asc' : 'desc';
    args.push(limit + 1);
    // The page is cut first; only its rows are joined to their actor and target.
    const rows = await m.query<EventRow[]>(
      `${cursorCte}select e.id, e.occurred_at, e.actor_user_id, u.name as actor_name, u.email as actor_email,
              e.action, e.entity_type, e.entity_id, ${ENTITY_NAME} as entity_name, e.changed_fields, e.request_id,
              e.api_token_id, at.name as api_token_name
         from (select e.* from audit_events e${cursorJoin}
                where ${where.join(' and ')}${beyond}
                order by e.occurred_at ${order}, e.id ${order}
                limit $${args.length}) e
         left join users u on u.organization_id = e.organization_id and u.id = e.actor_user_id
         left join api_tokens at on at.organization_id = e.organization_id and at.id = e.api_token_id
         ${ENTITY_JOINS}
        order by e.occurred_at ${order}, e.id ${order}`,
      args,
    );
    const more = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    if (page.direction === 'newer') pageRows.reverse();

    let otherSide = false;
    if (page.direction !== 'newest') {
      const [r] = await m.query<{ found: boolean }[]>(
        `${cursorCte}select exists (select 1 from audit_events e${cursorJoin}
                where ${where.join(' and ')}${behind}) as found`,
        [...args.slice(0, filterArgs), page.cursor],
      );
      otherSide = r?.found ?? false;
    }
    return {
      items: pageRows.map(toEvent),
      older: page.direction === 'newer' ? otherSide : more,
      newer: page.direction === 'newest' ? false : page.direction === 'newer' ? more : otherSide,
    };
  }
}
