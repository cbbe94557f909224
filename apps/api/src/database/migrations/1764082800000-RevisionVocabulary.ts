import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One name for one idea: the optimistic-concurrency counter of a changeable record is its
 * `revision` (scorecards, candidates and openings already call it that). Applications and interviews
 * called it `version`, which is the word for a published edition of a library document.
 */
export class RevisionVocabulary1764082800000 implements MigrationInterface {
  name = 'RevisionVocabulary1764082800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table applications rename column version to revision`);
    await q.query(`alter table interviews rename column version to revision`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table interviews rename column revision to version`);
    await q.query(`alter table applications rename column revision to version`);
  }
}
