import { Injectable } from '@nestjs/common';
import type { Decision, DecisionKind } from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import type { Col, Cols } from '../../database/db.js';

/** What a decision is checked against, read in the deciding transaction. */
export interface DecisionContext {
  /** The opening's hiring manager, who decides (or an admin). */
  hiringManagerId: string | null;
  /** The decider's own live scorecards on the application, for the independence rule. */
  ownDrafts: number;
  ownSubmitted: number;
  /** Dealbreaker red flags ticked on the application's submitted scorecards. */
  dealbreakers: number;
}

@Injectable()
export class DecisionsRepository {
  /**
   * The opening's hiring manager, the decider's own scorecards, and how many dealbreakers the
   * submitted scorecards ticked (severity as in each scorecard's own checklist version), in one query.
   */
  async context(
    organizationId: string,
    applicationId: string,
    deciderId: string,
    m: EntityManager,
  ): Promise<DecisionContext | null> {
    const rows = await m.query<
      (Cols<'openings', 'hiring_manager_id'> & { own_drafts: number; own_submitted: number; dealbreakers: number })[]
    >(
      `select o.hiring_manager_id,
              (select count(*)::int from scorecards d
                where d.organization_id = a.organization_id and d.application_id = a.id
                  and d.interviewer_id = $3 and d.status = 'draft') as own_drafts,
              (select count(*)::int from scorecards d
                where d.organization_id = a.organization_id and d.application_id = a.id
                  and d.interviewer_id = $3 and d.status = 'submitted') as own_submitted,
              (select count(*)::int
                 from scorecards s
                 join scorecard_red_flags f on f.organization_id = s.organization_id and f.scorecard_id = s.id
                 join red_flag_checklist_versions cv on cv.organization_id = s.organization_id
                                                    and cv.id = s.checklist_version_id
                where s.organization_id = a.organization_id and s.application_id = a.id and s.status = 'submitted'
                  and not s.shadow and cv.content -> 'items' @> jsonb_build_array(
                        jsonb_build_object('key', f.flag_key, 'severity', 'dealbreaker'))) as dealbreakers
         from applications a
         join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        where a.organization_id = $1 and a.id = $2`,
      [organizationId, applicationId, deciderId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      hiringManagerId: r.hiring_manager_id,
      ownDrafts: r.own_drafts,
      ownSubmitted: r.own_submitted,
      dealbreakers: r.dealbreakers,
    };
  }

  /** Appends a decision (the table refuses updates and deletes) and answers it with its author's name. */
  async insert(
    organizationId: string,
    d: {
      applicationId: string;
      decision: DecisionKind;
      rationale: string;
      acknowledgedDealbreakers: boolean;
      by: string;
    },
    m: EntityManager,
  ): Promise<Decision> {
    const rows = await m.query<
      (Cols<
        'application_decisions',
        'id' | 'decision' | 'rationale' | 'acknowledged_dealbreakers' | 'decided_by' | 'decided_at'
      > & { decided_by_name: Col<'users', 'name'> })[]
    >(
      `with d as (
         insert into application_decisions
                (organization_id, application_id, decision, rationale, acknowledged_dealbreakers, decided_by)
         values ($1, $2, $3, $4, $5, $6)
         returning id, decision, rationale, acknowledged_dealbreakers, decided_by, decided_at)
       select d.*, u.name as decided_by_name
         from d join users u on u.organization_id = $1 and u.id = d.decided_by`,
      [organizationId, d.applicationId, d.decision, d.rationale, d.acknowledgedDealbreakers, d.by],
    );
    const r = rows[0]!;
    return {
      id: r.id,
      decision: r.decision,
      rationale: r.rationale,
      by: { id: r.decided_by, name: r.decided_by_name },
      at: r.decided_at.toISOString(),
      acknowledgedDealbreakers: r.acknowledged_dealbreakers,
    };
  }
}
