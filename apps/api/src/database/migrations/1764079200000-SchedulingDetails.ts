import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling details and the pipeline's own limits:
 *
 * 1. `interviews.time_zone`: the IANA time zone the interview was scheduled in (the interviewer's),
 *    so everyone sees it at the interviewer's local time too; null for interviews from before.
 * 2. `interviews.location` / `interviews.video_url`: where it happens, a room or address and/or a
 *    video link (http or https, completed with https:// by the contract).
 * 3. `organizations.stuck_days`: after how many days in an active stage an application counts as
 *    stuck (board highlight, recruiter home default), 1–365, default 7.
 * 4. `application_moves.undoes`: the move an undo took back (same organization and application).
 */
export class SchedulingDetails1764079200000 implements MigrationInterface {
  name = 'SchedulingDetails1764079200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table interviews
        add column time_zone text check (time_zone is null or char_length(time_zone) between 1 and 64),
        add column location text check (location is null or char_length(location) between 1 and 300),
        add column video_url text check (video_url is null or (char_length(video_url) <= 2000 and video_url ~ '^https?://'))`);
    await q.query(`
      alter table organizations
        add column stuck_days integer not null default 7 check (stuck_days between 1 and 365)`);
    await q.query(`alter table application_moves add column undoes uuid`);
    await q.query(`
      alter table application_moves
        add constraint application_moves_undoes_fkey foreign key (organization_id, undoes)
        references application_moves (organization_id, id)`);
    await q.query(
      `create unique index application_moves_org_undoes_key on application_moves (organization_id, undoes) where undoes is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index application_moves_org_undoes_key`);
    await q.query(`alter table application_moves drop constraint application_moves_undoes_fkey`);
    await q.query(`alter table application_moves drop column undoes`);
    await q.query(`alter table organizations drop column stuck_days`);
    await q.query(`alter table interviews drop column video_url, drop column location, drop column time_zone`);
  }
}
