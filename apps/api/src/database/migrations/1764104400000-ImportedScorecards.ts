import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scorecards imported from another system (see modules/integrations), marked so calibration can
 * leave them out.
 *
 * 1. `scorecards.imported_at`: when the import wrote it (null for every scorecard written here);
 *    `import_source`: the system it came from (`greenhouse`, `lever`…), set exactly when imported;
 *    `external_id`: its id in that system, unique per organization, so that a re-import of the
 *    same scorecard answers the one already imported instead of writing a second one.
 * 2. An imported scorecard is always submitted (it arrives complete, with its past submission time).
 */
export class ImportedScorecards1764104400000 implements MigrationInterface {
  name = 'ImportedScorecards1764104400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table scorecards
        add column imported_at timestamptz,
        add column import_source text check (import_source is null or char_length(import_source) between 1 and 100),
        add column external_id text check (external_id is null or char_length(external_id) between 1 and 200),
        add constraint scorecards_import_check check (
          (imported_at is null) = (import_source is null)
          and (imported_at is null) = (external_id is null)
          and (imported_at is null or status <> 'draft'))`);
    await q.query(`
      create unique index scorecards_org_external_id_key on scorecards (organization_id, external_id)
        where external_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index scorecards_org_external_id_key`);
    await q.query(`
      alter table scorecards
        drop constraint scorecards_import_check,
        drop column external_id,
        drop column import_source,
        drop column imported_at`);
  }
}
