import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Interviews scheduled from an opening's plan steps, the scorecard each one owes, who was assigned
 * when (reassigning keeps the history), an opening's recruiter, and staged candidate imports.
 *
 * A scorecard belongs to one interview and one interviewer and points at the exact rubric version
 * of its opening. Reassigning or cancelling an interview voids the old draft instead of deleting
 * it, so at most one live (draft or submitted) scorecard exists per interview.
 *
 * A candidate import is staged row by row first (each row stored with its errors), so a large file
 * can be checked in batches with a progress bar and then written in one transaction, all or nothing.
 */
export class Interviews1764039600000 implements MigrationInterface {
  name = 'Interviews1764039600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table openings add column recruiter_id uuid`);
    await q.query(
      `alter table openings add foreign key (organization_id, recruiter_id) references users (organization_id, id)`,
    );
    await q.query(`create index openings_org_recruiter_idx on openings (organization_id, recruiter_id, status)`);
    await q.query(`create index openings_org_hm_idx on openings (organization_id, hiring_manager_id, status)`);
    await q.query(`
      create table interviews (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        application_id uuid not null,
        step_key uuid not null,
        step_name text not null,
        interviewer_id uuid not null,
        starts_at timestamptz not null,
        duration_minutes integer not null check (duration_minutes between 10 and 480),
        feedback_due_at timestamptz not null,
        status text not null default 'scheduled' check (status in ('scheduled', 'cancelled')),
        version integer not null default 0,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (organization_id, id),
        check (feedback_due_at > starts_at),
        foreign key (organization_id, application_id) references applications (organization_id, id),
        foreign key (organization_id, interviewer_id) references users (organization_id, id),
        foreign key (organization_id, created_by) references users (organization_id, id)
      )`);
    await q.query(
      `create index interviews_org_application_idx on interviews (organization_id, application_id, starts_at)`,
    );
    await q.query(
      `create index interviews_org_interviewer_idx on interviews (organization_id, interviewer_id, starts_at)`,
    );
    await q.query(`
      create table interview_assignments (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        interview_id uuid not null,
        interviewer_id uuid not null,
        assigned_by uuid,
        assigned_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, interview_id) references interviews (organization_id, id),
        foreign key (organization_id, interviewer_id) references users (organization_id, id),
        foreign key (organization_id, assigned_by) references users (organization_id, id)
      )`);
    await q.query(
      `create index interview_assignments_org_interview_idx on interview_assignments (organization_id, interview_id, assigned_at)`,
    );
    await q.query(`
      create table scorecards (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        interview_id uuid not null,
        application_id uuid not null,
        interviewer_id uuid not null,
        rubric_version_id uuid not null,
        status text not null default 'draft' check (status in ('draft', 'submitted', 'void')),
        recommendation text check (recommendation in ('strong_no', 'no', 'yes', 'strong_yes')),
        summary text not null default '',
        revision integer not null default 0,
        submitted_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (organization_id, id),
        check ((status = 'submitted') = (submitted_at is not null) or status = 'void'),
        foreign key (organization_id, interview_id) references interviews (organization_id, id),
        foreign key (organization_id, application_id) references applications (organization_id, id),
        foreign key (organization_id, interviewer_id) references users (organization_id, id),
        foreign key (organization_id, rubric_version_id) references rubric_versions (organization_id, id)
      )`);
    await q.query(
      `create unique index scorecards_org_interview_live_key on scorecards (organization_id, interview_id) where status <> 'void'`,
    );
    await q.query(
      `create index scorecards_org_application_idx on scorecards (organization_id, application_id, status)`,
    );
    await q.query(
      `create index scorecards_org_interviewer_idx on scorecards (organization_id, interviewer_id, status)`,
    );
    await q.query(`
      create table candidate_imports (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        status text not null default 'staging' check (status in ('staging', 'committed')),
        created_by uuid not null,
        created_at timestamptz not null default now(),
        committed_at timestamptz,
        created_count integer,
        primary key (organization_id, id),
        foreign key (organization_id, created_by) references users (organization_id, id)
      )`);
    await q.query(`create index candidate_imports_org_created_idx on candidate_imports (organization_id, created_at)`);
    await q.query(`
      create table candidate_import_rows (
        organization_id uuid not null,
        import_id uuid not null,
        row_number integer not null check (row_number >= 1),
        email text,
        candidate jsonb,
        errors jsonb not null default '[]',
        primary key (organization_id, import_id, row_number),
        foreign key (organization_id, import_id) references candidate_imports (organization_id, id) on delete cascade
      )`);
    await q.query(
      `create index candidate_import_rows_org_email_idx on candidate_import_rows (organization_id, import_id, email)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table candidate_import_rows`);
    await q.query(`drop table candidate_imports`);
    await q.query(`drop table scorecards`);
    await q.query(`drop table interview_assignments`);
    await q.query(`drop table interviews`);
    await q.query(`drop index openings_org_hm_idx`);
    await q.query(`drop index openings_org_recruiter_idx`);
    await q.query(`alter table openings drop column recruiter_id`);
  }
}
