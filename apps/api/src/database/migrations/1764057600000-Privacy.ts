import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasing a candidate: `candidates.erased_at`, a check that an erased candidate is anonymous, a
 * trigger that keeps their row from changing again, and the one exception the frozen tables make
 * for erasure.
 *
 * Submitted scorecards, their ratings and red flags, and decisions refuse changes in the database
 * itself. Erasure must still reach the evidence, notes and rationales written about the person,
 * so when a transaction declares it (`set_config('privacy.erasing', 'on', true)`) those triggers let
 * an UPDATE through that changes nothing but those free-text columns: ratings, red-flag ticks,
 * recommendations, statuses, times and decision outcomes stay exactly as they were, and inserts and
 * deletes stay refused. An erased candidate's row never changes again.
 */
export class Privacy1764057600000 implements MigrationInterface {
  name = 'Privacy1764057600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table candidates add column erased_at timestamptz`);
    await q.query(`
      alter table candidates add constraint candidates_erased_anonymous
        check (erased_at is null or (name = 'Erased candidate' and email = ('erased+' || id || '@invalid')))`);
    await q.query(`
      create function scorecard_forbid_erased_candidate_change() returns trigger language plpgsql as $$
      begin
        if old.erased_at is not null then
          raise exception 'an erased candidate never changes' using errcode = 'check_violation';
        end if;
        return coalesce(new, old);
      end $$`);
    await q.query(`
      create trigger candidates_erased_frozen before update or delete on candidates
      for each row execute function scorecard_forbid_erased_candidate_change()`);

    await q.query(`
      create or replace function scorecard_forbid_submitted_change() returns trigger language plpgsql as $$
      declare
        card_status text;
      begin
        if coalesce(current_setting('scorecard.amending', true), '') = 'on' then
          return coalesce(new, old);
        end if;
        if tg_op = 'UPDATE' and coalesce(current_setting('privacy.erasing', true), '') = 'on' then
          if tg_table_name = 'scorecards'
             and to_jsonb(new) - 'summary' - 'notes' = to_jsonb(old) - 'summary' - 'notes' then
            return new;
          end if;
          if tg_table_name in ('scorecard_ratings', 'scorecard_red_flags')
             and to_jsonb(new) - 'evidence' = to_jsonb(old) - 'evidence' then
            return new;
          end if;
        end if;
        if tg_table_name = 'scorecards' then
          if old.status = 'submitted' then
            raise exception 'a submitted scorecard cannot change' using errcode = 'check_violation';
          end if;
          return coalesce(new, old);
        end if;
        select status into card_status from scorecards
         where organization_id = coalesce(new.organization_id, old.organization_id)
           and id = coalesce(new.scorecard_id, old.scorecard_id);
        if card_status <> 'draft' then
          raise exception 'only a draft scorecard''s content can change' using errcode = 'check_violation';
        end if;
        return coalesce(new, old);
      end $$`);
    await q.query(`
      create or replace function scorecard_forbid_decision_change() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and coalesce(current_setting('privacy.erasing', true), '') = 'on'
           and to_jsonb(new) - 'rationale' = to_jsonb(old) - 'rationale' then
          return new;
        end if;
        raise exception 'decisions are append-only' using errcode = 'check_violation';
      end $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function scorecard_forbid_decision_change() returns trigger language plpgsql as $$
      begin
        raise exception 'decisions are append-only' using errcode = 'check_violation';
      end $$`);
    await q.query(`
      create or replace function scorecard_forbid_submitted_change() returns trigger language plpgsql as $$
      declare
        card_status text;
      begin
        if coalesce(current_setting('scorecard.amending', true), '') = 'on' then
          return coalesce(new, old);
        end if;
        if tg_table_name = 'scorecards' then
          if old.status = 'submitted' then
            raise exception 'a submitted scorecard cannot change' using errcode = 'check_violation';
          end if;
          return coalesce(new, old);
        end if;
        select status into card_status from scorecards
         where organization_id = coalesce(new.organization_id, old.organization_id)
           and id = coalesce(new.scorecard_id, old.scorecard_id);
        if card_status <> 'draft' then
          raise exception 'only a draft scorecard''s content can change' using errcode = 'check_violation';
        end if;
        return coalesce(new, old);
      end $$`);
    await q.query(`drop trigger candidates_erased_frozen on candidates`);
    await q.query(`drop function scorecard_forbid_erased_candidate_change()`);
    await q.query(`alter table candidates drop constraint candidates_erased_anonymous`);
    await q.query(`alter table candidates drop column erased_at`);
  }
}
