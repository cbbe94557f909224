import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate search under row-level security. The prefix search used `lower(name) like 'ada%'`, but
 * neither `lower` nor `like` is leakproof, so under the tenant policy PostgreSQL may not evaluate
 * them before the policy and cannot use them as index conditions: every search read all of the
 * organization's candidates. The lower-cased name, title and company are now stored generated
 * columns, searched with `starts_with` (leakproof, and turned into an index range by its planner
 * support function) on `text_pattern_ops` indexes that lead with organization_id. The email is
 * stored lower-case already and keeps its index.
 */
export class SearchKeys1764064800000 implements MigrationInterface {
  name = 'SearchKeys1764064800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table candidates
        add column search_name text generated always as (lower(name)) stored,
        add column search_title text generated always as (lower(current_title)) stored,
        add column search_company text generated always as (lower(current_company)) stored`);
    await q.query(`drop index candidates_org_name_prefix_idx`);
    await q.query(`drop index candidates_org_title_prefix_idx`);
    await q.query(`drop index candidates_org_company_prefix_idx`);
    await q.query(
      `create index candidates_org_search_name_idx on candidates (organization_id, search_name text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_search_title_idx on candidates (organization_id, search_title text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_search_company_idx on candidates (organization_id, search_company text_pattern_ops)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index candidates_org_search_company_idx`);
    await q.query(`drop index candidates_org_search_title_idx`);
    await q.query(`drop index candidates_org_search_name_idx`);
    await q.query(
      `create index candidates_org_name_prefix_idx on candidates (organization_id, lower(name) text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_title_prefix_idx on candidates (organization_id, lower(current_title) text_pattern_ops)`,
    );
    await q.query(
      `create index candidates_org_company_prefix_idx on candidates (organization_id, lower(current_company) text_pattern_ops)`,
    );
    await q.query(
      `alter table candidates drop column search_name, drop column search_title, drop column search_company`,
    );
  }
}
