import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Pre-aggregated rating figures maintained on write (issue 25 §2): the data version of the
 * calibration figures, per opening, bumped by triggers in the transaction of every write that can
 * change them. The API keeps each computed calibration answer under the version it was computed at
 * (modules/analytics/figure-cache.ts) and answers from it while the version stands, so a figure is
 * recomputed in full once after a write and never served stale.
 *
 * `figure_versions`: one row per scope, the scope being an opening (what its applications'
 * scorecards, first ratings and interviews say) or the organization itself (what every slice
 * reads: interviewer names, the minimum of matched units, rubric names). A version comes from one
 * sequence, so the newest of several scopes (an opening and its organization; every scope of an
 * organization for the organization-wide slice) changes whenever any of them does. No row yet
 * means version 0: nothing needs a backfill.
 *
 * What bumps (every write path reaches these tables: submit, amendment, void, imports, erasure, the
 * demo and bench seeds): scorecards inserted or deleted, or updated in a column the calibration
 * reads (status, shadow, imported, submitted at, interviewer, application, interview, rubric
 * version); first-submission ratings written; interviews updated in their start, due time,
 * questions, step kind or application, or deleted; applications moved to another opening or
 * deleted; users renamed; the organization's minimum of matched units; rubric versions' content.
 * Inserts and deletes fire once per statement (transition tables), so bulk writes pay one join
 * per statement; updates fire per row and only when a column that matters changed (WHEN), so an
 * autosave or a board move pays nothing. Row-level security as on every tenant table: the trigger
 * runs as the writer, inside the writer's organization.
 */
export class FigureRollups1764122400000 implements MigrationInterface {
  name = 'FigureRollups1764122400000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`create sequence figure_version_seq`);
    await q.query(`
      create table figure_versions (
        organization_id uuid not null,
        scope_id uuid not null,
        version bigint not null,
        primary key (organization_id, scope_id)
      )`);
    await isolateTenantTable(q, 'figure_versions');

    // One upsert per (organization, scope), in key order so that concurrent bumps lock rows alike.
    await q.query(`
      create function figure_versions_bump(p_orgs uuid[], p_scopes uuid[]) returns void
      language sql volatile as $$
        insert into figure_versions (organization_id, scope_id, version)
        select x.o, x.s, nextval('figure_version_seq')
          from (select distinct o, s from unnest(p_orgs, p_scopes) u(o, s) where o is not null and s is not null) x
         order by x.o, x.s
        on conflict (organization_id, scope_id) do update set version = excluded.version
      $$`);

    // Scorecards: inserted or deleted (per statement), the opening of their application.
    for (const [event, rows] of [
      ['insert', 'new'],
      ['delete', 'old'],
    ] as const) {
      await q.query(`
        create function figure_versions_scorecards_${event}() returns trigger language plpgsql as $$
        begin
          perform figure_versions_bump(array_agg(a.organization_id), array_agg(a.opening_id))
             from (select distinct organization_id, application_id from ${rows}_rows) s
             join applications a on a.organization_id = s.organization_id and a.id = s.application_id;
          return null;
        end $$`);
      await q.query(`
        create trigger figure_versions_${event} after ${event} on scorecards
        referencing ${rows} table as ${rows}_rows for each statement
        execute function figure_versions_scorecards_${event}()`);
    }

    // Row-level bumps: the opening of an application (old and new when it changed).
    await q.query(`
      create function figure_versions_application_row() returns trigger language plpgsql as $$
      begin
        perform figure_versions_bump(array_agg(a.organization_id), array_agg(a.opening_id))
           from applications a
          where a.organization_id = new.organization_id and a.id in (old.application_id, new.application_id);
        return null;
      end $$`);
    await q.query(`
      create trigger figure_versions_update after update on scorecards for each row
      when ((old.status, old.shadow, old.imported_at, old.submitted_at, old.interviewer_id, old.application_id,
             old.interview_id, old.rubric_version_id)
            is distinct from
            (new.status, new.shadow, new.imported_at, new.submitted_at, new.interviewer_id, new.application_id,
             new.interview_id, new.rubric_version_id))
      execute function figure_versions_application_row()`);
    await q.query(`
      create trigger figure_versions_update after update on interviews for each row
      when ((old.starts_at, old.feedback_due_at, old.question_keys, old.step_kind, old.application_id)
            is distinct from
            (new.starts_at, new.feedback_due_at, new.question_keys, new.step_kind, new.application_id))
      execute function figure_versions_application_row()`);

    // Interviews deleted (per statement).
    await q.query(`
      create function figure_versions_interviews_delete() returns trigger language plpgsql as $$
      begin
        perform figure_versions_bump(array_agg(a.organization_id), array_agg(a.opening_id))
           from (select distinct organization_id, application_id from old_rows) i
           join applications a on a.organization_id = i.organization_id and a.id = i.application_id;
        return null;
      end $$`);
    await q.query(`
      create trigger figure_versions_delete after delete on interviews
      referencing old table as old_rows for each statement
      execute function figure_versions_interviews_delete()`);

    // First-submission ratings written (per statement; they are frozen, but deletes count too).
    for (const [event, rows] of [
      ['insert', 'new'],
      ['delete', 'old'],
    ] as const) {
      await q.query(`
        create function figure_versions_first_ratings_${event}() returns trigger language plpgsql as $$
        begin
          perform figure_versions_bump(array_agg(a.organization_id), array_agg(a.opening_id))
             from (select distinct a.organization_id, a.opening_id
                     from (select distinct organization_id, scorecard_id from ${rows}_rows) r
                     join scorecards s on s.organization_id = r.organization_id and s.id = r.scorecard_id
                     join applications a on a.organization_id = s.organization_id and a.id = s.application_id) a;
          return null;
        end $$`);
      await q.query(`
        create trigger figure_versions_${event} after ${event} on scorecard_first_ratings
        referencing ${rows} table as ${rows}_rows for each statement
        execute function figure_versions_first_ratings_${event}()`);
    }

    // Applications moved to another opening, or deleted: the opening(s) they left and joined.
    await q.query(`
      create function figure_versions_applications_row() returns trigger language plpgsql as $$
      begin
        perform figure_versions_bump(array[old.organization_id, old.organization_id],
                                     array[old.opening_id, case when tg_op = 'UPDATE' then new.opening_id end]);
        return null;
      end $$`);
    await q.query(`
      create trigger figure_versions_update after update on applications for each row
      when (old.opening_id is distinct from new.opening_id)
      execute function figure_versions_applications_row()`);
    await q.query(`
      create trigger figure_versions_delete after delete on applications for each row
      execute function figure_versions_applications_row()`);

    // What every slice of an organization reads: the organization's own scope.
    await q.query(`
      create function figure_versions_organization_row() returns trigger language plpgsql as $$
      begin
        perform figure_versions_bump(array[new.organization_id], array[new.organization_id]);
        return null;
      end $$`);
    await q.query(`
      create trigger figure_versions_update after update on users for each row
      when (old.name is distinct from new.name)
      execute function figure_versions_organization_row()`);
    await q.query(`
      create trigger figure_versions_update after update on rubric_versions for each row
      when (old.content is distinct from new.content)
      execute function figure_versions_organization_row()`);
    await q.query(`
      create function figure_versions_organizations_row() returns trigger language plpgsql as $$
      begin
        perform figure_versions_bump(array[new.id], array[new.id]);
        return null;
      end $$`);
    await q.query(`
      create trigger figure_versions_update after update on organizations for each row
      when (old.calibration_min_units is distinct from new.calibration_min_units)
      execute function figure_versions_organizations_row()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['figure_versions_insert', 'scorecards'],
      ['figure_versions_delete', 'scorecards'],
      ['figure_versions_update', 'scorecards'],
      ['figure_versions_update', 'interviews'],
      ['figure_versions_delete', 'interviews'],
      ['figure_versions_insert', 'scorecard_first_ratings'],
      ['figure_versions_delete', 'scorecard_first_ratings'],
      ['figure_versions_update', 'applications'],
      ['figure_versions_delete', 'applications'],
      ['figure_versions_update', 'users'],
      ['figure_versions_update', 'rubric_versions'],
      ['figure_versions_update', 'organizations'],
    ]) {
      await q.query(`drop trigger ${trigger} on ${table}`);
    }
    for (const fn of [
      'figure_versions_scorecards_insert',
      'figure_versions_scorecards_delete',
      'figure_versions_application_row',
      'figure_versions_interviews_delete',
      'figure_versions_first_ratings_insert',
      'figure_versions_first_ratings_delete',
      'figure_versions_applications_row',
      'figure_versions_organization_row',
      'figure_versions_organizations_row',
    ]) {
      await q.query(`drop function ${fn}()`);
    }
    await q.query(`drop function figure_versions_bump(uuid[], uuid[])`);
    await q.query(`drop table figure_versions`);
    await q.query(`drop sequence figure_version_seq`);
  }
}
