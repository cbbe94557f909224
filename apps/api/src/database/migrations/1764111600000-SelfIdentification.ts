import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 24 (SelfIdentification): filled in by its slice. */
export class SelfIdentification1764111600000 implements MigrationInterface {
  name = 'SelfIdentification1764111600000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
