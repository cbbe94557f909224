import type { MigrationInterface, QueryRunner } from 'typeorm';

/** pre-aggregated rating figures maintained on write (issue 25 §2). */
export class FigureRollups1764122400000 implements MigrationInterface {
  name = 'FigureRollups1764122400000';

  public async up(_q: QueryRunner): Promise<void> {}

  public async down(_q: QueryRunner): Promise<void> {}
}
