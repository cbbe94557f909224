import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-column paging of the pipeline board (issue 25 §2). A column's page is a keyset walk
 * ordered by (stage_entered_at, id) after the cursor's position: the board index gains `id` as its
 * last key so the walk needs no sort and stops after the page. It replaces the index it extends (a
 * prefix of it serves every query the old one served), so writes keep one index, not two.
 */
export class BoardColumns1764126000000 implements MigrationInterface {
  name = 'BoardColumns1764126000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index applications_org_opening_stage_entered_idx
         on applications (organization_id, opening_id, stage, stage_entered_at, id)`,
    );
    await q.query(`drop index applications_org_opening_stage_idx`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(
      `create index applications_org_opening_stage_idx on applications (organization_id, opening_id, stage, stage_entered_at)`,
    );
    await q.query(`drop index applications_org_opening_stage_entered_idx`);
  }
}
