import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hiring decisions taken at a debrief: hire, no hire or hold, with the rationale, who and when, and
 * whether the decider acknowledged dealbreaker red flags. Append-only: a new decision supersedes the
 * previous one, which stays in the record.
 */
export class Decisions1764046800000 implements MigrationInterface {
  name = 'Decisions1764046800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table application_decisions (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        application_id uuid not null,
        decision text not null check (decision in ('hire', 'no_hire', 'hold')),
        rationale text not null check (length(rationale) > 0),
        acknowledged_dealbreakers boolean not null default false,
        decided_by uuid not null,
        decided_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, application_id) references applications (organization_id, id),
        foreign key (organization_id, decided_by) references users (organization_id, id)
      )`);
    await q.query(
      `create index application_decisions_org_application_idx on application_decisions (organization_id, application_id, decided_at desc)`,
    );
    await q.query(`
      create function scorecard_forbid_decision_change() returns trigger language plpgsql as $$
      begin
        raise exception 'decisions are append-only' using errcode = 'check_violation';
      end $$`);
    await q.query(`
      create trigger application_decisions_append_only before update or delete on application_decisions
      for each row execute function scorecard_forbid_decision_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table application_decisions`);
    await q.query(`drop function scorecard_forbid_decision_change()`);
  }
}
