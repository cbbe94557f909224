import { createRequire } from 'node:module';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE, isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

const require = createRequire(import.meta.url);

/** The schema pg-boss keeps its jobs in, in the app's own database. */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * The queues and their retry rules. Created here, by the owner, because pg-boss makes a table per
 * queue and the app role may create nothing. Retries back off exponentially from `retryDelay`.
 */
export const QUEUES = {
  /** One email to send (or hold): its row in `emails` is the message. */
  email: { retryLimit: 6, retryDelay: 30, retryBackoff: true },
  /** A password reset asked for by email address: looked up off the request, so the answer never varies. */
  passwordReset: { retryLimit: 3, retryDelay: 10, retryBackoff: true },
  /** Every minute: scorecard reminders and escalations that are due. */
  scorecardReminders: { retryLimit: 0, retryDelay: 0, retryBackoff: false },
  /** Every 15 minutes: the hiring managers' daily digests that are due in their time zones. */
  digests: { retryLimit: 0, retryDelay: 0, retryBackoff: false },
} as const;
export type QueueName = keyof typeof QUEUES;

/**
 * Email, the job queue, invitations, password resets, scorecard reminders, calendar feeds.
 *
 * 1. pg-boss's schema (`pgboss`), installed from its own construction plan, and its queues. The app
 *    role may read and write its rows and call its functions, and nothing more.
 * 2. `emails`: every message the product sends, with its status (queued, sent, held, failed) and
 *    last error: the outbox the queue delivers from and the admins' Email log. `dedupe_key` makes
 *    a scheduled message (a reminder step, a digest day) exist once, whichever instance makes it.
 * 3. `user_tokens`: one-time and long-lived secrets sent by email or shown once (invitation,
 *    password reset, calendar feed, unsubscribe), stored as SHA-256 hashes. Found by hash before
 *    the organization is known, through a lookup policy like the session's.
 * 4. `users`: an invited user has no password yet (`password_hash` null, `invited_at` set); every
 *    user has a time zone and the optional emails they turned off (`email_opt_outs`).
 * 5. `organizations`: when scorecard reminders go out and to whom they escalate; and a policy that
 *    lets the periodic jobs list organizations' ids (`app.organization_list`), nothing else.
 * 6. `scorecard_reminders`: each reminder step sent for an interview (unique per step, so two
 *    instances never both send one) and each manual "remind now".
 */
export class Messaging1764086400000 implements MigrationInterface {
  name = 'Messaging1764086400000';

  async up(q: QueryRunner): Promise<void> {
    // pg-boss's plan brackets itself in BEGIN/COMMIT; this migration is already one transaction.
    const PgBoss = require('pg-boss') as { getConstructionPlans(schema: string): string };
    const plan = PgBoss.getConstructionPlans(QUEUE_SCHEMA)
      .replace(/^\s*BEGIN;\s*$/m, '')
      .replace(/^\s*COMMIT;\s*$/m, '');
    await q.query(plan);
    for (const [name, options] of Object.entries(QUEUES)) {
      await q.query(`select ${QUEUE_SCHEMA}.create_queue($1, $2)`, [
        name,
        JSON.stringify({ policy: 'standard', ...options, retentionMinutes: 60 * 24 * 14 }),
      ]);
    }
    // pg-boss's own queue for cron schedules (its timekeeper sends each tick's job through it); it
    // would create it at start, which the app role may not.
    await q.query(`select ${QUEUE_SCHEMA}.create_queue('__pgboss__send-it', '{"policy":"standard"}')`);
    await q.query(`grant usage on schema ${QUEUE_SCHEMA} to ${APP_ROLE}`);
    await q.query(`grant select, insert, update, delete on all tables in schema ${QUEUE_SCHEMA} to ${APP_ROLE}`);
    await q.query(`grant execute on all functions in schema ${QUEUE_SCHEMA} to ${APP_ROLE}`);

    await q.query(`
      alter table users
        alter column password_hash drop not null,
        add column invited_at timestamptz,
        add column time_zone text not null default 'UTC' check (char_length(time_zone) between 1 and 64),
        add column email_opt_outs text[] not null default '{}'`);

    await q.query(`
      alter table organizations
        add column reminder_first_hours integer not null default 2 check (reminder_first_hours between 1 and 168),
        add column reminder_repeat_hours integer not null default 24 check (reminder_repeat_hours between 1 and 336),
        add column reminder_escalate_after integer not null default 2 check (reminder_escalate_after between 1 and 10),
        add column remind_interviewers boolean not null default true,
        add column escalate_to_hiring_manager boolean not null default true,
        add column escalate_to_recruiter boolean not null default true`);
    await q.query(`
      create policy organization_list on organizations for select
        using (nullif(current_setting('app.organization_list', true), '') = 'on')`);

    await q.query(`
      create table emails (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        kind text not null check (kind in ('invitation', 'password_reset', 'scorecard_reminder',
          'scorecard_escalation', 'calendar_invitation', 'digest')),
        recipient_id uuid,
        to_address text not null check (char_length(to_address) between 3 and 320),
        subject text not null check (char_length(subject) between 1 and 300),
        text_body text not null,
        html_body text not null,
        ical text,
        ical_method text check (ical_method in ('REQUEST', 'CANCEL')),
        headers jsonb not null default '{}',
        candidate_id uuid,
        dedupe_key text,
        status text not null default 'queued' check (status in ('queued', 'sent', 'held', 'failed')),
        attempts integer not null default 0,
        last_error text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        sent_at timestamptz,
        primary key (organization_id, id),
        foreign key (organization_id, recipient_id) references users (organization_id, id),
        check ((ical is null) = (ical_method is null))
      )`);
    await q.query(`create index emails_org_created_idx on emails (organization_id, created_at desc, id desc)`);
    await q.query(
      `create index emails_org_status_created_idx on emails (organization_id, status, created_at desc, id desc)`,
    );
    await q.query(
      `create index emails_org_candidate_idx on emails (organization_id, candidate_id) where candidate_id is not null`,
    );
    await q.query(`create unique index emails_org_dedupe_key on emails (organization_id, dedupe_key)`);
    await isolateTenantTable(q, 'emails');

    await q.query(`
      create table user_tokens (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        user_id uuid not null,
        purpose text not null check (purpose in ('invitation', 'password_reset', 'calendar_feed', 'unsubscribe')),
        token_hash bytea not null,
        data jsonb not null default '{}',
        expires_at timestamptz,
        used_at timestamptz,
        created_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, user_id) references users (organization_id, id)
      )`);
    await q.query(`create unique index user_tokens_token_hash_key on user_tokens (token_hash)`);
    await q.query(`create index user_tokens_org_user_idx on user_tokens (organization_id, user_id, purpose)`);
    await isolateTenantTable(q, 'user_tokens');
    await q.query(`
      create policy token_lookup on user_tokens for select
        using (token_hash = decode(nullif(current_setting('app.token_hash', true), ''), 'hex'))`);

    await q.query(`
      create table scorecard_reminders (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        interview_id uuid not null,
        step integer check (step between 1 and 20),
        audience text not null check (audience in ('interviewer', 'hiring_manager', 'recruiter')),
        recipient_id uuid,
        email_id uuid,
        created_by uuid,
        created_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, interview_id) references interviews (organization_id, id),
        foreign key (organization_id, recipient_id) references users (organization_id, id),
        foreign key (organization_id, created_by) references users (organization_id, id)
      )`);
    // A scheduled step exists once (step set); a manual "remind now" has no step.
    await q.query(
      `create unique index scorecard_reminders_org_step_key on scorecard_reminders (organization_id, interview_id, step)`,
    );
    await q.query(
      `create index scorecard_reminders_org_interview_idx on scorecard_reminders (organization_id, interview_id, created_at desc)`,
    );
    await isolateTenantTable(q, 'scorecard_reminders');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table scorecard_reminders`);
    await q.query(`drop table user_tokens`);
    await q.query(`drop table emails`);
    await q.query(`drop policy organization_list on organizations`);
    await q.query(`
      alter table organizations
        drop column reminder_first_hours, drop column reminder_repeat_hours, drop column reminder_escalate_after,
        drop column remind_interviewers, drop column escalate_to_hiring_manager, drop column escalate_to_recruiter`);
    await q.query(`delete from users where password_hash is null`);
    await q.query(`
      alter table users
        alter column password_hash set not null,
        drop column invited_at, drop column time_zone, drop column email_opt_outs`);
    await q.query(`drop schema ${QUEUE_SCHEMA} cascade`);
  }
}
