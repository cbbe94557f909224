import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Interviewer qualification (issue 24 §5, see modules/qualification): per competency of the
 * rubric, an interviewer is `shadowing`, `reverse_shadowing` or `qualified`.
 *
 * 1. `organizations`: how many shadow sessions and reverse-shadow sessions a level needs before the
 *    next (defaults 2 and 2), whether qualifying also needs the calibration check, and
 *    `new_interviewers_shadow_since`: when set, members created from then on start shadowing every
 *    competency. Everyone else, and so everyone who existed before this migration, is qualified:
 *    nobody becomes unqualified by an upgrade.
 * 2. `interviewer_levels`: a member's level in one competency when it is not the default above
 *    (written by a promotion or by an admin starting someone's training).
 * 3. `interviews.companion_of`: the second seat of a training pairing, an interview of its own (same
 *    application, step and time) so it owes its own scorecard; `training` names the pairing on both
 *    seats (`shadow`: a qualified lead and a shadow beside them; `reverse_shadow`: the trainee leads,
 *    a qualified interviewer observes); `trainee` marks the trainee's seat.
 * 4. `scorecards.shadow`: the scorecard of a trainee's seat, set by a trigger when it is written (so
 *    a reassignment keeps it). It is kept and shown, and counts in no figure.
 */
export class InterviewerQualification1764118800000 implements MigrationInterface {
  name = 'InterviewerQualification1764118800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table organizations
        add column shadow_sessions_required integer not null default 2 check (shadow_sessions_required between 1 and 20),
        add column reverse_shadow_sessions_required integer not null default 2
          check (reverse_shadow_sessions_required between 1 and 20),
        add column qualification_needs_calibration boolean not null default false,
        add column new_interviewers_shadow_since timestamptz`);
    await q.query(`
      create table interviewer_levels (
        organization_id uuid not null references organizations (id),
        user_id uuid not null,
        competency_key text not null check (char_length(competency_key) between 1 and 100),
        level text not null check (level in ('shadowing', 'reverse_shadowing', 'qualified')),
        since timestamptz not null default now(),
        set_by uuid,
        primary key (organization_id, user_id, competency_key),
        foreign key (organization_id, user_id) references users (organization_id, id),
        foreign key (organization_id, set_by) references users (organization_id, id)
      )`);
    await isolateTenantTable(q, 'interviewer_levels');
    await q.query(`
      alter table interviews
        add column companion_of uuid,
        add column training text check (training in ('shadow', 'reverse_shadow')),
        add column trainee boolean not null default false,
        add foreign key (organization_id, companion_of) references interviews (organization_id, id),
        add constraint interviews_training_seat_check check (
          (companion_of is null or training is not null) and (not trainee or training is not null))`);
    await q.query(`
      create unique index interviews_org_companion_key on interviews (organization_id, companion_of)
        where companion_of is not null and status <> 'cancelled'`);
    await q.query(`
      create index interviews_org_training_idx on interviews (organization_id, interviewer_id)
        where training is not null`);
    await q.query(`alter table scorecards add column shadow boolean not null default false`);
    await q.query(`
      create function scorecard_mark_shadow() returns trigger language plpgsql as $$
      begin
        new.shadow := coalesce((select i.trainee from interviews i
                                 where i.organization_id = new.organization_id and i.id = new.interview_id), false);
        return new;
      end $$`);
    await q.query(`
      create trigger scorecards_mark_shadow before insert on scorecards
      for each row execute function scorecard_mark_shadow()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger scorecards_mark_shadow on scorecards`);
    await q.query(`drop function scorecard_mark_shadow()`);
    await q.query(`alter table scorecards drop column shadow`);
    await q.query(`drop index interviews_org_training_idx`);
    await q.query(`drop index interviews_org_companion_key`);
    await q.query(`
      alter table interviews
        drop constraint interviews_training_seat_check,
        drop column trainee,
        drop column training,
        drop column companion_of`);
    await q.query(`drop table interviewer_levels`);
    await q.query(`
      alter table organizations
        drop column new_interviewers_shadow_since,
        drop column qualification_needs_calibration,
        drop column reverse_shadow_sessions_required,
        drop column shadow_sessions_required`);
  }
}
