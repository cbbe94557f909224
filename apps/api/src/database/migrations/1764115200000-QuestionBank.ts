import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 24 (QuestionBank): filled in by its slice. */
export class QuestionBank1764115200000 implements MigrationInterface {
  name = 'QuestionBank1764115200000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
