import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Debrief meetings (issue 24 §1, modules/meetings): "estimate, talk, estimate".
 *
 * 1. `debrief_meetings`: one meeting on an application, hosted by the opening's hiring manager or
 *    an admin, on the rubric version of the application's opening at the start. Its status walks
 *    round_1 → discussion → round_2 → finished (or cancelled), each step timed. At most one open
 *    meeting per application (a partial unique index).
 * 2. `debrief_meeting_members`: the panel, fixed at the start: the host and every interviewer with a
 *    submitted (not imported) scorecard, in panel order.
 * 3. `debrief_meeting_votes`: one member's vote in one round: the overall recommendation and when it
 *    was cast (and last changed, until the reveal).
 * 4. `debrief_meeting_ratings`: the vote's rating (1–4) per competency.
 *
 * No free text anywhere, so a candidate's erasure has nothing to redact here. Row-level security as
 * on every tenant table; the app role's grants come from the default privileges.
 */
export class DebriefMeetings1764108000000 implements MigrationInterface {
  name = 'DebriefMeetings1764108000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table debrief_meetings (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        application_id uuid not null,
        rubric_version_id uuid not null,
        host_id uuid not null,
        status text not null default 'round_1'
          check (status in ('round_1', 'discussion', 'round_2', 'finished', 'cancelled')),
        started_at timestamptz not null default now(),
        round1_revealed_at timestamptz,
        round2_opened_at timestamptz,
        finished_at timestamptz,
        cancelled_at timestamptz,
        primary key (organization_id, id),
        foreign key (organization_id, application_id) references applications (organization_id, id),
        foreign key (organization_id, rubric_version_id) references rubric_versions (organization_id, id),
        foreign key (organization_id, host_id) references users (organization_id, id),
        check ((status = 'finished') = (finished_at is not null)),
        check ((status = 'cancelled') = (cancelled_at is not null)),
        check (status not in ('discussion', 'round_2', 'finished') or round1_revealed_at is not null),
        check (status <> 'round_2' or round2_opened_at is not null)
      )`);
    await q.query(
      `create index debrief_meetings_org_application_idx on debrief_meetings (organization_id, application_id, started_at desc)`,
    );
    await q.query(
      `create unique index debrief_meetings_one_open_idx on debrief_meetings (organization_id, application_id)
        where status not in ('finished', 'cancelled')`,
    );
    await isolateTenantTable(q, 'debrief_meetings');

    await q.query(`
      create table debrief_meeting_members (
        organization_id uuid not null,
        meeting_id uuid not null,
        user_id uuid not null,
        position integer not null check (position >= 0),
        primary key (organization_id, meeting_id, user_id),
        unique (organization_id, meeting_id, position),
        foreign key (organization_id, meeting_id) references debrief_meetings (organization_id, id) on delete cascade,
        foreign key (organization_id, user_id) references users (organization_id, id)
      )`);
    await isolateTenantTable(q, 'debrief_meeting_members');

    await q.query(`
      create table debrief_meeting_votes (
        organization_id uuid not null,
        meeting_id uuid not null,
        round smallint not null check (round in (1, 2)),
        user_id uuid not null,
        recommendation text not null check (recommendation in ('strong_no', 'no', 'yes', 'strong_yes')),
        cast_at timestamptz not null default now(),
        primary key (organization_id, meeting_id, round, user_id),
        foreign key (organization_id, meeting_id, user_id)
          references debrief_meeting_members (organization_id, meeting_id, user_id) on delete cascade
      )`);
    await isolateTenantTable(q, 'debrief_meeting_votes');

    await q.query(`
      create table debrief_meeting_ratings (
        organization_id uuid not null,
        meeting_id uuid not null,
        round smallint not null,
        user_id uuid not null,
        competency_key uuid not null,
        rating smallint not null check (rating between 1 and 4),
        primary key (organization_id, meeting_id, round, user_id, competency_key),
        foreign key (organization_id, meeting_id, round, user_id)
          references debrief_meeting_votes (organization_id, meeting_id, round, user_id) on delete cascade
      )`);
    await isolateTenantTable(q, 'debrief_meeting_ratings');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table debrief_meeting_ratings`);
    await q.query(`drop table debrief_meeting_votes`);
    await q.query(`drop table debrief_meeting_members`);
    await q.query(`drop table debrief_meetings`);
  }
}
