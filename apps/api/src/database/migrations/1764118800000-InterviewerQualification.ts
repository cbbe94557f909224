import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 24 (InterviewerQualification): filled in by its slice. */
export class InterviewerQualification1764118800000 implements MigrationInterface {
  name = 'InterviewerQualification1764118800000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
