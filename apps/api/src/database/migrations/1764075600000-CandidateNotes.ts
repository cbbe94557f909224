import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Notes on a candidate and when interviews were cancelled, for the candidate's activity feed:
 *
 * 1. `candidate_notes`: free text a recruiter, hiring manager or admin writes about a candidate
 *    (1..5000 characters), with its author and time. Erasure deletes them.
 * 2. `interviews.cancelled_at` / `cancelled_by`: when and by whom an interview was cancelled. Rows
 *    cancelled before this migration get `updated_at` (the last change of a cancelled interview is
 *    its cancellation) and no author.
 *    A trigger sets `cancelled_at` whenever a row becomes cancelled and clears both otherwise.
 * 3. `candidate_import_rows.candidate_id`: the candidate a committed row became, so an import's
 *    results can list who was added and apply them all to an opening.
 */
export class CandidateNotes1764075600000 implements MigrationInterface {
  name = 'CandidateNotes1764075600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table candidate_notes (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        candidate_id uuid not null,
        body text not null check (char_length(body) between 1 and 5000),
        author_id uuid,
        created_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, candidate_id) references candidates (organization_id, id),
        foreign key (organization_id, author_id) references users (organization_id, id)
      )`);
    await q.query(
      `create index candidate_notes_org_candidate_idx on candidate_notes (organization_id, candidate_id, created_at desc, id)`,
    );
    await isolateTenantTable(q, 'candidate_notes');

    await q.query(`
      alter table interviews
        add column cancelled_at timestamptz,
        add column cancelled_by uuid,
        add foreign key (organization_id, cancelled_by) references users (organization_id, id)`);
    await q.query(`update interviews set cancelled_at = updated_at where status = 'cancelled'`);
    // Whatever writes a cancellation (the API, the demo seed), it gets its time; a reinstated
    // interview loses it.
    await q.query(`
      create function interviews_cancelled_at() returns trigger language plpgsql as $$
      begin
        if new.status = 'cancelled' then
          new.cancelled_at := coalesce(new.cancelled_at, now());
        else
          new.cancelled_at := null;
          new.cancelled_by := null;
        end if;
        return new;
      end $$`);
    await q.query(`
      create trigger interviews_cancelled_at before insert or update of status, cancelled_at, cancelled_by on interviews
      for each row execute function interviews_cancelled_at()`);

    // Which candidate each committed import row became, for the import's results.
    await q.query(`
      alter table candidate_import_rows
        add column candidate_id uuid,
        add foreign key (organization_id, candidate_id) references candidates (organization_id, id)`);
    await q.query(`
      update candidate_import_rows r set candidate_id = c.id
        from candidate_imports i, candidates c
       where i.organization_id = r.organization_id and i.id = r.import_id and i.status = 'committed'
         and r.candidate is not null
         and c.organization_id = r.organization_id and c.email = lower(r.candidate ->> 'email')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table candidate_import_rows drop column candidate_id`);
    await q.query(`drop trigger interviews_cancelled_at on interviews`);
    await q.query(`drop function interviews_cancelled_at()`);
    await q.query(`alter table interviews drop column cancelled_by, drop column cancelled_at`);
    await q.query(`drop table candidate_notes`);
  }
}
