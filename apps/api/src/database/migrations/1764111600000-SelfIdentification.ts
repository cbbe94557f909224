import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Voluntary self-identification (issue 24 §3), kept apart from the candidate record.
 *
 * 1. `self_id_settings`: an organization's questions (dimensions) and their categories, as JSON,
 *    keyed by stable keys; no row means the defaults (EEO-1 race/ethnicity and sex).
 * 2. `self_id_links`: the links a recruiter sends a candidate. The secret is stored as its SHA-256;
 *    the token itself carries the organization's id, so a link is found inside its organization
 *    (no lookup across organizations, no global index). Reusable until it expires; a new link for
 *    the same candidate replaces the old one.
 * 3. `self_id_answers`: one row per candidate and question answered, holding category keys only
 *    ("prefer not to say" is the absence of a row). Read in aggregate by the adverse-impact report
 *    and, for one candidate, only by their own data export; deleted by erasure and by withdrawal.
 * 4. `emails.kind` gains `self_id` (the link emailed to a candidate), whatever kinds earlier
 *    migrations allowed.
 */
export class SelfIdentification1764111600000 implements MigrationInterface {
  name = 'SelfIdentification1764111600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table self_id_settings (
        organization_id uuid not null references organizations (id),
        dimensions jsonb not null check (jsonb_typeof(dimensions) = 'array'),
        updated_at timestamptz not null default now(),
        updated_by uuid,
        primary key (organization_id),
        foreign key (organization_id, updated_by) references users (organization_id, id)
      )`);
    await isolateTenantTable(q, 'self_id_settings');

    await q.query(`
      create table self_id_links (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        candidate_id uuid not null,
        token_hash bytea not null,
        created_by uuid,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        emailed_at timestamptz,
        primary key (organization_id, id),
        foreign key (organization_id, candidate_id) references candidates (organization_id, id),
        foreign key (organization_id, created_by) references users (organization_id, id)
      )`);
    await q.query(`create unique index self_id_links_org_token_key on self_id_links (organization_id, token_hash)`);
    await q.query(`create index self_id_links_org_candidate_idx on self_id_links (organization_id, candidate_id)`);
    await isolateTenantTable(q, 'self_id_links');

    await q.query(`
      create table self_id_answers (
        organization_id uuid not null references organizations (id),
        candidate_id uuid not null,
        dimension_key text not null check (dimension_key ~ '^[a-z][a-z0-9_]{0,39}$'),
        category_key text not null check (category_key ~ '^[a-z][a-z0-9_]{0,39}$'),
        answered_at timestamptz not null default now(),
        primary key (organization_id, candidate_id, dimension_key),
        foreign key (organization_id, candidate_id) references candidates (organization_id, id)
      )`);
    await q.query(
      `create index self_id_answers_org_dimension_idx on self_id_answers (organization_id, dimension_key, candidate_id)`,
    );
    await isolateTenantTable(q, 'self_id_answers');

    await setEmailKinds(q, (kinds) => [...kinds.filter((k) => k !== 'self_id'), 'self_id']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`delete from emails where kind = 'self_id'`);
    await setEmailKinds(q, (kinds) => kinds.filter((k) => k !== 'self_id'));
    await q.query(`drop table self_id_answers`);
    await q.query(`drop table self_id_links`);
    await q.query(`drop table self_id_settings`);
  }
}

/** Rewrites the check on `emails.kind` from the kinds it allows now (other migrations add theirs). */
async function setEmailKinds(q: QueryRunner, change: (kinds: string[]) => string[]): Promise<void> {
  const [row] = (await q.query(
    `select pg_get_constraintdef(oid) as def from pg_constraint
      where conrelid = 'emails'::regclass and conname = 'emails_kind_check'`,
  )) as { def: string }[];
  const kinds = [...(row?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
  await q.query(`alter table emails drop constraint emails_kind_check`);
  await q.query(
    `alter table emails add constraint emails_kind_check check (kind in (${change(kinds)
      .map((k) => `'${k}'`)
      .join(', ')}))`,
  );
}
