import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the date ranges of the analytics reports, each leading with organization_id: the
 * pipeline report slices applications by the day they were created, and interviewer calibration
 * slices scorecards by the day their interview started. Without them a range reads every
 * application or interview of the organization and filters.
 */
export class AnalyticsIndexes1764050400000 implements MigrationInterface {
  name = 'AnalyticsIndexes1764050400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index applications_org_created_idx on applications (organization_id, created_at)`);
    await q.query(`create index interviews_org_starts_idx on interviews (organization_id, starts_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index interviews_org_starts_idx`);
    await q.query(`drop index applications_org_created_idx`);
  }
}
