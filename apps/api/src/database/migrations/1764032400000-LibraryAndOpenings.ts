import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rubrics and red-flag checklists as versioned documents, and openings with their interview plan.
 *
 * A version's content is one JSON document (competencies -> criteria, or red-flag items) with stable
 * keys: it is read and written whole, and published versions never change. A trigger refuses any
 * update or delete of a published version, so immutability does not rest on the application alone.
 */
export class LibraryAndOpenings1764032400000 implements MigrationInterface {
  name = 'LibraryAndOpenings1764032400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create function scorecard_forbid_published_change() returns trigger language plpgsql as $$
      begin
        if old.status = 'published' then
          raise exception 'a published version never changes' using errcode = 'SC409';
        end if;
        return case when tg_op = 'DELETE' then old else new end;
      end $$`);
    for (const [doc, version, fk] of [
      ['rubrics', 'rubric_versions', 'rubric_id'],
      ['red_flag_checklists', 'red_flag_checklist_versions', 'checklist_id'],
    ] as const) {
      await q.query(`
        create table ${doc} (
          organization_id uuid not null references organizations (id),
          id uuid not null default gen_random_uuid(),
          name text not null,
          description text not null default '',
          built_in boolean not null default false,
          archived_at timestamptz,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (organization_id, id)
        )`);
      await q.query(`create index ${doc}_org_name_idx on ${doc} (organization_id, lower(name), id)`);
      await q.query(`
        create table ${version} (
          organization_id uuid not null,
          id uuid not null default gen_random_uuid(),
          ${fk} uuid not null,
          version integer not null check (version > 0),
          status text not null check (status in ('draft', 'published')),
          revision integer not null default 0,
          content jsonb not null,
          published_at timestamptz,
          published_by uuid,
          created_at timestamptz not null default now(),
          updated_at timestamptz not null default now(),
          primary key (organization_id, id),
          foreign key (organization_id, ${fk}) references ${doc} (organization_id, id),
          foreign key (organization_id, published_by) references users (organization_id, id),
          check ((status = 'published') = (published_at is not null))
        )`);
      await q.query(`create unique index ${version}_number_key on ${version} (organization_id, ${fk}, version)`);
      await q.query(
        `create unique index ${version}_one_draft_key on ${version} (organization_id, ${fk}) where status = 'draft'`,
      );
      await q.query(`
        create trigger ${version}_immutable before update or delete on ${version}
        for each row execute function scorecard_forbid_published_change()`);
    }
    await q.query(`
      create table openings (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        title text not null,
        team text not null default '',
        level text not null check (level in ('mid', 'senior', 'staff')),
        archetype text not null check (archetype in ('architecture', 'code_quality', 'feature', 'player_coach')),
        coding_share_pct integer check (coding_share_pct between 0 and 100),
        people_management text not null check (people_management in ('none', 'some', 'full')),
        decision_authority text not null check (decision_authority in ('advisory', 'team', 'full')),
        em_partnership text not null default '',
        comp_currency text not null check (comp_currency ~ '^[A-Z]{3}$'),
        comp_min_minor bigint not null check (comp_min_minor >= 0),
        comp_max_minor bigint not null,
        career_path text not null check (career_path in ('technical', 'management', 'executive', 'open')),
        expectations jsonb not null,
        status text not null default 'draft' check (status in ('draft', 'open', 'on_hold', 'closed')),
        hiring_manager_id uuid,
        rubric_version_id uuid,
        checklist_version_id uuid,
        plan jsonb not null default '{"steps": []}',
        plan_override_reason text,
        plan_override_by uuid,
        plan_override_at timestamptz,
        revision integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (organization_id, id),
        check (comp_max_minor >= comp_min_minor),
        foreign key (organization_id, hiring_manager_id) references users (organization_id, id),
        foreign key (organization_id, rubric_version_id) references rubric_versions (organization_id, id),
        foreign key (organization_id, checklist_version_id) references red_flag_checklist_versions (organization_id, id),
        foreign key (organization_id, plan_override_by) references users (organization_id, id)
      )`);
    await q.query(`create index openings_org_status_idx on openings (organization_id, status, updated_at desc)`);
    await q.query(`create index openings_org_title_idx on openings (organization_id, lower(title), id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table openings`);
    await q.query(`drop table red_flag_checklist_versions`);
    await q.query(`drop table red_flag_checklists`);
    await q.query(`drop table rubric_versions`);
    await q.query(`drop table rubrics`);
    await q.query(`drop function scorecard_forbid_published_change()`);
  }
}
