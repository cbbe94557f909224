import { Injectable } from '@nestjs/common';
import type {
  Archetype,
  CareerPath,
  CompensationBand,
  DecisionAuthority,
  Expectations,
  InterviewPlan,
  Level,
  OpeningListQuery,
  OpeningStatus,
  OpeningSummary,
  PeopleManagement,
  PersonRef,
  RubricContent,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, escapeLike, type As, type Col, type Cols, type LeftJoined, type Row } from '../../database/db.js';

/** An opening as stored, with the names it refers to and its rubric's content for the plan check. */
export interface OpeningRow {
  id: string;
  title: string;
  team: string;
  level: Level;
  archetype: Archetype;
  codingSharePct: number | null;
  peopleManagement: PeopleManagement;
  decisionAuthority: DecisionAuthority;
  emPartnership: string;
  compensation: CompensationBand;
  careerPath: CareerPath;
  expectations: Expectations;
  status: OpeningStatus;
  hiringManager: PersonRef | null;
  recruiter: PersonRef | null;
  hideCandidateDetails: boolean;
  rubricVersion: { id: string; documentId: string; name: string; version: number; content: RubricContent } | null;
  checklistVersion: { id: string; documentId: string; name: string; version: number } | null;
  plan: InterviewPlan;
  planOverride: { reason: string; by: PersonRef; at: string } | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}

/** The columns an opening's profile is written to, by field. */
export interface OpeningProfile {
  title: string;
  team: string;
  level: Level;
  archetype: Archetype;
  codingSharePct: number | null;
  peopleManagement: PeopleManagement;
  decisionAuthority: DecisionAuthority;
  emPartnership: string;
  compensation: CompensationBand;
  careerPath: CareerPath;
  expectations: Expectations;
  hiringManagerId: string | null;
  recruiterId: string | null;
  rubricVersionId: string | null;
  checklistVersionId: string | null;
  hideCandidateDetails: boolean;
}

const PROFILE_COLUMNS: Record<Exclude<keyof OpeningProfile, 'compensation'>, string> = {
  title: 'title',
  team: 'team',
  level: 'level',
  archetype: 'archetype',
  codingSharePct: 'coding_share_pct',
  peopleManagement: 'people_management',
  decisionAuthority: 'decision_authority',
  emPartnership: 'em_partnership',
  careerPath: 'career_path',
  expectations: 'expectations',
  hiringManagerId: 'hiring_manager_id',
  recruiterId: 'recruiter_id',
  hideCandidateDetails: 'hide_candidate_details',
  rubricVersionId: 'rubric_version_id',
  checklistVersionId: 'checklist_version_id',
};

function columnsOf(p: Partial<OpeningProfile>): [string, unknown][] {
  const cols: [string, unknown][] = [];
  for (const [field, column] of Object.entries(PROFILE_COLUMNS) as [keyof typeof PROFILE_COLUMNS, string][]) {
    const v = p[field];
    if (v !== undefined) cols.push([column, field === 'expectations' ? JSON.stringify(v) : v]);
  }
  if (p.compensation) {
    cols.push(['comp_currency', p.compensation.currency]);
    cols.push(['comp_min_minor', p.compensation.minMinor]);
    cols.push(['comp_max_minor', p.compensation.maxMinor]);
  }
  return cols;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type UsersAs<Id extends string, Name extends string> = LeftJoined<As<'users', Record<Id, 'id'> & Record<Name, 'name'>>>;

/** A row of `find`: the opening with the names it refers to and its rubric and checklist versions. */
type OpeningSqlRow = Row<'openings'> & {
  hm_name: Col<'users', 'name'> | null;
  rc_name: Col<'users', 'name'> | null;
  override_by_name: Col<'users', 'name'> | null;
} & LeftJoined<{
    rubric_id: Col<'rubric_versions', 'rubric_id'>;
    rubric_version: Col<'rubric_versions', 'version'>;
    rubric_content: Col<'rubric_versions', 'content'>;
    rubric_name: Col<'rubrics', 'name'>;
  }> &
  LeftJoined<{
    checklist_id: Col<'red_flag_checklist_versions', 'checklist_id'>;
    checklist_version: Col<'red_flag_checklist_versions', 'version'>;
    checklist_name: Col<'red_flag_checklists', 'name'>;
  }>;

@Injectable()
export class OpeningsRepository {
  constructor(private readonly db: Db) {}

  async list(organizationId: string, q: OpeningListQuery): Promise<{ items: OpeningSummary[]; total: number }> {
    const args: unknown[] = [organizationId];
    const where = ['o.organization_id = $1'];
    if (q.status) {
      args.push(q.status);
      where.push(`o.status = $${args.length}`);
    }
    if (q.q) {
      args.push(escapeLike(q.q.toLowerCase()));
      where.push(`(lower(o.title) like $${args.length} || '%' or lower(o.title) like '% ' || $${args.length} || '%')`);
    }
    args.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows = await this.db.query<
      (Cols<'openings', 'id' | 'title' | 'team' | 'level' | 'archetype' | 'status' | 'updated_at'> &
        UsersAs<'hm_id', 'hm_name'> &
        UsersAs<'rc_id', 'rc_name'> & { total: number })[]
    >(
      `select o.id, o.title, o.team, o.level, o.archetype, o.status, o.updated_at,
              hm.id as hm_id, hm.name as hm_name, rc.id as rc_id, rc.name as rc_name, count(*) over ()::int as total
         from openings o
         left join users hm on hm.organization_id = o.organization_id and hm.id = o.hiring_manager_id
         left join users rc on rc.organization_id = o.organization_id and rc.id = o.recruiter_id
        where ${where.join(' and ')}
        order by o.updated_at desc, o.id
        limit $${args.length - 1} offset $${args.length}`,
      args,
    );
    return {
      total: rows[0]?.total ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        team: r.team,
        level: r.level,
        archetype: r.archetype,
        status: r.status,
        hiringManager: r.hm_id === null ? null : { id: r.hm_id, name: r.hm_name },
        recruiter: r.rc_id === null ? null : { id: r.rc_id, name: r.rc_name },
        updatedAt: r.updated_at.toISOString(),
      })),
    };
  }

  async find(
    organizationId: string,
    id: string,
    m: EntityManager = this.db.manager,
    lock = false,
  ): Promise<OpeningRow | null> {
    const rows = await m.query<OpeningSqlRow[]>(
      `select o.*, hm.name as hm_name, rc.name as rc_name, ob.name as override_by_name,
              rv.rubric_id, rv.version as rubric_version, rv.content as rubric_content, r.name as rubric_name,
              cv.checklist_id, cv.version as checklist_version, c.name as checklist_name
         from openings o
         left join users hm on hm.organization_id = o.organization_id and hm.id = o.hiring_manager_id
         left join users rc on rc.organization_id = o.organization_id and rc.id = o.recruiter_id
         left join users ob on ob.organization_id = o.organization_id and ob.id = o.plan_override_by
         left join rubric_versions rv on rv.organization_id = o.organization_id and rv.id = o.rubric_version_id
         left join rubrics r on r.organization_id = rv.organization_id and r.id = rv.rubric_id
         left join red_flag_checklist_versions cv on cv.organization_id = o.organization_id and cv.id = o.checklist_version_id
         left join red_flag_checklists c on c.organization_id = cv.organization_id and c.id = cv.checklist_id
        where o.organization_id = $1 and o.id = $2${lock ? ' for update of o' : ''}`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      title: r.title,
      team: r.team,
      level: r.level,
      archetype: r.archetype,
      codingSharePct: r.coding_share_pct,
      peopleManagement: r.people_management,
      decisionAuthority: r.decision_authority,
      emPartnership: r.em_partnership,
      compensation: {
        currency: r.comp_currency,
        minMinor: Number(r.comp_min_minor),
        maxMinor: Number(r.comp_max_minor),
      },
      careerPath: r.career_path,
      expectations: r.expectations,
      status: r.status,
      // A user named by an opening is never deleted (foreign keys), so their name is there.
      hiringManager: r.hiring_manager_id ? { id: r.hiring_manager_id, name: r.hm_name! } : null,
      recruiter: r.recruiter_id ? { id: r.recruiter_id, name: r.rc_name! } : null,
      hideCandidateDetails: r.hide_candidate_details,
      rubricVersion:
        r.rubric_version_id && r.rubric_id !== null
          ? {
              id: r.rubric_version_id,
              documentId: r.rubric_id,
              name: r.rubric_name,
              version: r.rubric_version,
              content: r.rubric_content,
            }
          : null,
      checklistVersion:
        r.checklist_version_id && r.checklist_id !== null
          ? {
              id: r.checklist_version_id,
              documentId: r.checklist_id,
              name: r.checklist_name,
              version: r.checklist_version,
            }
          : null,
      // Plans stored before step kinds read as assessment steps.
      plan: { steps: r.plan.steps.map((s) => ({ ...s, kind: s.kind ?? 'assessment' })) },
      planOverride: r.plan_override_reason
        ? {
            reason: r.plan_override_reason,
            by: { id: r.plan_override_by!, name: r.override_by_name! },
            at: iso(r.plan_override_at)!,
          }
        : null,
      revision: r.revision,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
    };
  }

  async header(
    organizationId: string,
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<{ id: string; title: string; status: OpeningStatus } | null> {
    const rows = await m.query<Cols<'openings', 'id' | 'title' | 'status'>[]>(
      `select id, title, status from openings where organization_id = $1 and id = $2`,
      [organizationId, id],
    );
    return rows[0] ?? null;
  }

  async insert(organizationId: string, p: OpeningProfile, m: EntityManager = this.db.manager): Promise<string> {
    const cols = columnsOf(p);
    const [row] = await m.query<Cols<'openings', 'id'>[]>(
      `insert into openings (organization_id, ${cols.map(([c]) => c).join(', ')})
       values ($1, ${cols.map((_, i) => `$${i + 2}`).join(', ')}) returning id`,
      [organizationId, ...cols.map(([, v]) => v)],
    );
    return row!.id;
  }

  /** Writes the given fields and bumps the revision; the caller has checked the revision under lock. */
  async update(
    organizationId: string,
    id: string,
    change: Partial<OpeningProfile> & {
      status?: OpeningStatus;
      plan?: InterviewPlan;
      planOverride?: { reason: string; userId: string } | null;
    },
    m: EntityManager,
  ): Promise<void> {
    const cols = columnsOf(change);
    if (change.status) cols.push(['status', change.status]);
    if (change.plan) cols.push(['plan', JSON.stringify(change.plan)]);
    if (change.planOverride !== undefined) {
      cols.push(['plan_override_reason', change.planOverride?.reason ?? null]);
      cols.push(['plan_override_by', change.planOverride?.userId ?? null]);
      cols.push(['plan_override_at', change.planOverride ? new Date() : null]);
    }
    const sets = cols.map(([c], i) => `${c} = $${i + 3}`);
    await m.query(
      `update openings set ${[...sets, 'revision = revision + 1', 'updated_at = now()'].join(', ')}
        where organization_id = $1 and id = $2`,
      [organizationId, id, ...cols.map(([, v]) => v)],
    );
  }
}
