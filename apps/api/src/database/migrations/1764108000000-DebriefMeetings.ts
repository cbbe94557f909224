import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue 24 (DebriefMeetings): filled in by its slice. */
export class DebriefMeetings1764108000000 implements MigrationInterface {
  name = 'DebriefMeetings1764108000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
