import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidates, their applications to openings and every stage move.
 *
 * Search is by case-insensitive prefix of name, email, title or company, each backed by a
 * `text_pattern_ops` index that leads with organization_id, so a prefix search costs the same at
 * 100 rows or 100,000 and works under any collation. Tags live in their own table for the same
 * reason. An application's `version` makes concurrent moves fail loudly instead of overwriting.
 */
export class Pipeline1764036000000 implements MigrationInterface {
  name = 'Pipeline1764036000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table candidates (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        name text not null,
        email text not null check (email = lower(email)),
        phone text not null default '',
        location text not null default '',
        current_title text not null default '',
        current_company text not null default '',
        links jsonb not null,
        source text not null check (source in ('internal_promotion', 'referral', 'linkedin', 'github',
          'engineering_blog', 'conference', 'daily_dev', 'other')),
        internal boolean not null default false,
        signals text[] not null default '{}',
        desired_career_path text not null check (desired_career_path in ('technical', 'management', 'executive', 'undecided')),
        desired_coding_share_pct integer check (desired_coding_share_pct between 0 and 100),
        comp_currency text check (comp_currency ~ '^[A-Z]{3}$'),
        comp_amount_minor bigint check (comp_amount_minor >= 0),
        notes text not null default '',
        created_by uuid,
        revision integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (organization_id, id),
        check ((comp_currency is null) = (comp_amount_minor is null)),
        foreign key (organization_id, created_by) references users (organization_id, id)
      )`);
    await q.query(`create unique index candidates_org_email_key on candidates (organization_id, email)`);
    await q.query(
      `create index candidates_org_email_prefix_idx on candidates (organization_id, email text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_name_prefix_idx on candidates (organization_id, lower(name) text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_title_prefix_idx on candidates (organization_id, lower(current_title) text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_company_prefix_idx on candidates (organization_id, lower(current_company) text_pattern_ops)`,
    );
    await q.query(`create index candidates_org_updated_idx on candidates (organization_id, updated_at desc, id)`);
    await q.query(`create index candidates_org_created_idx on candidates (organization_id, created_at desc, id)`);
    await q.query(`create index candidates_org_sort_name_idx on candidates (organization_id, lower(name), id)`);
    await q.query(`create index candidates_org_source_idx on candidates (organization_id, source)`);
    await q.query(`
      create table candidate_tags (
        organization_id uuid not null,
        candidate_id uuid not null,
        tag text not null,
        primary key (organization_id, candidate_id, tag),
        foreign key (organization_id, candidate_id) references candidates (organization_id, id) on delete cascade
      )`);
    await q.query(`create index candidate_tags_org_tag_idx on candidate_tags (organization_id, tag, candidate_id)`);
    await q.query(`
      create table applications (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        candidate_id uuid not null,
        opening_id uuid not null,
        stage text not null check (stage in ('applied', 'screen', 'interviews', 'debrief', 'offer', 'hired', 'rejected', 'withdrawn')),
        stage_entered_at timestamptz not null default now(),
        version integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, candidate_id) references candidates (organization_id, id),
        foreign key (organization_id, opening_id) references openings (organization_id, id)
      )`);
    await q.query(
      `create unique index applications_org_opening_candidate_key on applications (organization_id, opening_id, candidate_id)`,
    );
    await q.query(
      `create index applications_org_opening_stage_idx on applications (organization_id, opening_id, stage, stage_entered_at)`,
    );
    await q.query(`create index applications_org_candidate_idx on applications (organization_id, candidate_id)`);
    await q.query(`create index applications_org_stage_idx on applications (organization_id, stage, candidate_id)`);
    await q.query(`
      create table application_moves (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        application_id uuid not null,
        from_stage text,
        to_stage text not null,
        reason text,
        note text not null default '',
        moved_by uuid,
        moved_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, application_id) references applications (organization_id, id),
        foreign key (organization_id, moved_by) references users (organization_id, id)
      )`);
    await q.query(
      `create index application_moves_org_application_idx on application_moves (organization_id, application_id, moved_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table application_moves`);
    await q.query(`drop table applications`);
    await q.query(`drop table candidate_tags`);
    await q.query(`drop table candidates`);
  }
}
