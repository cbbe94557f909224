import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an interviewer fills in: a rating (or "not assessed") with evidence per criterion, red flags
 * with evidence, notes, a recommendation and a summary, plus the amendments of submitted scorecards.
 *
 * An interview keeps a copy of its plan step's focus competencies and questions, and a scorecard the
 * opening's checklist version, so later plan or opening edits never change what was asked and scored.
 *
 * A submitted scorecard is frozen in the database itself: triggers refuse any change to it, its
 * ratings or its red flags unless the transaction declares an amendment
 * (`set_config('scorecard.amending', 'on', true)`), which the API does only while it also records
 * the amendment with the original content.
 */
export class Scorecards1764043200000 implements MigrationInterface {
  name = 'Scorecards1764043200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table openings add column hide_candidate_details boolean not null default false`);
    await q.query(`alter table interviews add column focus_competency_keys uuid[] not null default '{}'`);
    await q.query(`alter table interviews add column question_keys uuid[] not null default '{}'`);
    await q.query(`
      update interviews i
         set focus_competency_keys = array(select jsonb_array_elements_text(s -> 'focusCompetencyKeys')::uuid),
             question_keys = array(select jsonb_array_elements_text(s -> 'criterionKeys')::uuid)
        from applications a
        join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
        cross join lateral jsonb_array_elements(o.plan -> 'steps') s
       where a.organization_id = i.organization_id and a.id = i.application_id and (s ->> 'key')::uuid = i.step_key`);
    await q.query(`alter table scorecards add column checklist_version_id uuid`);
    await q.query(`alter table scorecards add column notes text not null default ''`);
    await q.query(`
      alter table scorecards add foreign key (organization_id, checklist_version_id)
        references red_flag_checklist_versions (organization_id, id)`);
    await q.query(`
      update scorecards s set checklist_version_id = o.checklist_version_id
        from applications a
        join openings o on o.organization_id = a.organization_id and o.id = a.opening_id
       where a.organization_id = s.organization_id and a.id = s.application_id`);
    await q.query(`
      create table scorecard_ratings (
        organization_id uuid not null,
        scorecard_id uuid not null,
        criterion_key uuid not null,
        competency_key uuid not null,
        rating smallint check (rating between 1 and 4),
        evidence text not null default '',
        primary key (organization_id, scorecard_id, criterion_key),
        foreign key (organization_id, scorecard_id) references scorecards (organization_id, id)
      )`);
    await q.query(`
      create table scorecard_red_flags (
        organization_id uuid not null,
        scorecard_id uuid not null,
        flag_key uuid not null,
        evidence text not null default '',
        primary key (organization_id, scorecard_id, flag_key),
        foreign key (organization_id, scorecard_id) references scorecards (organization_id, id)
      )`);
    await q.query(`
      create table scorecard_amendments (
        organization_id uuid not null,
        id uuid not null default gen_random_uuid(),
        scorecard_id uuid not null,
        amended_by uuid not null,
        amended_at timestamptz not null default now(),
        reason text not null,
        original jsonb not null,
        primary key (organization_id, id),
        foreign key (organization_id, scorecard_id) references scorecards (organization_id, id),
        foreign key (organization_id, amended_by) references users (organization_id, id)
      )`);
    await q.query(
      `create index scorecard_amendments_org_scorecard_idx on scorecard_amendments (organization_id, scorecard_id, amended_at)`,
    );
    await q.query(`
      create function scorecard_forbid_submitted_change() returns trigger language plpgsql as $$
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
    await q.query(`
      create trigger scorecards_frozen before update or delete on scorecards
      for each row execute function scorecard_forbid_submitted_change()`);
    for (const table of ['scorecard_ratings', 'scorecard_red_flags']) {
      await q.query(`
        create trigger ${table}_frozen before insert or update or delete on ${table}
        for each row execute function scorecard_forbid_submitted_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger scorecards_frozen on scorecards`);
    await q.query(`drop table scorecard_amendments`);
    await q.query(`drop table scorecard_red_flags`);
    await q.query(`drop table scorecard_ratings`);
    await q.query(`drop function scorecard_forbid_submitted_change()`);
    await q.query(`alter table scorecards drop column notes`);
    await q.query(`alter table scorecards drop column checklist_version_id`);
    await q.query(`alter table interviews drop column question_keys`);
    await q.query(`alter table interviews drop column focus_competency_keys`);
    await q.query(`alter table openings drop column hide_candidate_details`);
  }
}
