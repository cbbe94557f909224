import type { MigrationInterface, QueryRunner } from 'typeorm';

/** per-column paging of the pipeline board (issue 25 §2). */
export class BoardColumns1764126000000 implements MigrationInterface {
  name = 'BoardColumns1764126000000';

  public async up(_q: QueryRunner): Promise<void> {}

  public async down(_q: QueryRunner): Promise<void> {}
}
