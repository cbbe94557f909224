import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * Figures a psychometrician would sign (docs/MEASUREMENT.md):
 *
 * 1. A rating is the rating of an answer the step asked. `scorecard_ratings.asked` is false for a
 *    rating on a criterion its interview did not ask (only old scorecards hold such ratings: the API
 *    now refuses them); those stay visible on the card and count in no figure. An old interview
 *    that named no questions asked, as its kit did, every criterion of its focus competencies.
 * 2. Independent ratings stay independent. `scorecard_first_ratings` and
 *    `scorecards.first_recommendation` keep each scorecard's asked ratings and recommendation as
 *    first submitted, written once at submit and never changed (a trigger refuses it); every figure
 *    reads them unless the hiring manager asks for the amended view. Old scorecards get them from the
 *    earliest amendment's original content, or from their content when never amended.
 *    `feedback_views` records when each person first saw an application's panel feedback, so an
 *    amendment made after that is labelled (`scorecard_amendments.after_feedback`; null for
 *    amendments made before views were recorded).
 * 3. `scorecards.contradiction_confirmed_at`: the author confirmed a recommendation that contradicts
 *    their own ratings.
 * 4. `organizations.calibration_min_units`: matched units an interviewer's offset needs before
 *    anyone is called lenient or severe.
 * 5. `interviews.step_kind`: an assessment step, or the closing step for the candidate's questions.
 */
export class Measurement1764068400000 implements MigrationInterface {
  name = 'Measurement1764068400000';

  async up(q: QueryRunner): Promise<void> {
    // Rewriting frozen rows is an amendment of the record's shape, not of its content.
    await q.query(`select set_config('scorecard.amending', 'on', true)`);

    await q.query(`
      update interviews i
         set question_keys = array(
               select (k.v ->> 'key')::uuid
                 from jsonb_array_elements(rv.content -> 'competencies') with ordinality c(v, n)
                cross join jsonb_array_elements(c.v -> 'criteria') with ordinality k(v, m)
                where (c.v ->> 'key')::uuid = any(i.focus_competency_keys)
                order by c.n, k.m)
        from scorecards s
        join rubric_versions rv on rv.organization_id = s.organization_id and rv.id = s.rubric_version_id
       where s.organization_id = i.organization_id and s.interview_id = i.id
         and cardinality(i.question_keys) = 0 and cardinality(i.focus_competency_keys) > 0`);

    await q.query(`alter table scorecard_ratings add column asked boolean not null default true`);
    await q.query(`
      update scorecard_ratings r set asked = false
        from scorecards s
        join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
       where s.organization_id = r.organization_id and s.id = r.scorecard_id
         and not (r.criterion_key = any(i.question_keys))`);

    await q.query(`
      alter table scorecards
        add column first_recommendation text
          check (first_recommendation in ('strong_no', 'no', 'yes', 'strong_yes')),
        add column contradiction_confirmed_at timestamptz`);
    await q.query(`
      create table scorecard_first_ratings (
        organization_id uuid not null,
        scorecard_id uuid not null,
        criterion_key uuid not null,
        competency_key uuid not null,
        rating smallint check (rating between 1 and 4),
        primary key (organization_id, scorecard_id, criterion_key),
        foreign key (organization_id, scorecard_id) references scorecards (organization_id, id)
      )`);
    await isolateTenantTable(q, 'scorecard_first_ratings');
    await q.query(`
      create function scorecard_first_ratings_frozen() returns trigger language plpgsql as $$
      begin
        raise exception 'a scorecard''s first submission cannot change' using errcode = 'check_violation';
      end $$`);
    await q.query(`
      create trigger scorecard_first_ratings_frozen before update or delete on scorecard_first_ratings
      for each row execute function scorecard_first_ratings_frozen()`);

    // The first submission of old scorecards: the earliest amendment's original, else the content.
    await q.query(`
      with first_amendment as (
        select distinct on (am.organization_id, am.scorecard_id) am.organization_id, am.scorecard_id, am.original
          from scorecard_amendments am
         order by am.organization_id, am.scorecard_id, am.amended_at, am.id)
      update scorecards s
         set first_recommendation = coalesce(fa.original ->> 'recommendation', s.recommendation)
        from scorecards s2
        left join first_amendment fa on fa.organization_id = s2.organization_id and fa.scorecard_id = s2.id
       where s2.organization_id = s.organization_id and s2.id = s.id and s.status = 'submitted'`);
    await q.query(`
      with first_amendment as (
        select distinct on (am.organization_id, am.scorecard_id) am.organization_id, am.scorecard_id, am.original
          from scorecard_amendments am
         order by am.organization_id, am.scorecard_id, am.amended_at, am.id),
      firsts as (
        select s.organization_id, s.id as scorecard_id, (x.v ->> 'criterionKey')::uuid as criterion_key,
               (x.v ->> 'competencyKey')::uuid as competency_key, (x.v ->> 'rating')::smallint as rating
          from scorecards s
          join first_amendment fa on fa.organization_id = s.organization_id and fa.scorecard_id = s.id
         cross join jsonb_array_elements(fa.original -> 'ratings') x(v)
         where s.status = 'submitted'
        union all
        select r.organization_id, r.scorecard_id, r.criterion_key, r.competency_key, r.rating
          from scorecard_ratings r
          join scorecards s on s.organization_id = r.organization_id and s.id = r.scorecard_id
         where s.status = 'submitted'
           and not exists (select 1 from scorecard_amendments am
                            where am.organization_id = s.organization_id and am.scorecard_id = s.id))
      insert into scorecard_first_ratings (organization_id, scorecard_id, criterion_key, competency_key, rating)
      select f.organization_id, f.scorecard_id, f.criterion_key, f.competency_key, f.rating
        from firsts f
        join scorecards s on s.organization_id = f.organization_id and s.id = f.scorecard_id
        join interviews i on i.organization_id = s.organization_id and i.id = s.interview_id
       where f.criterion_key = any(i.question_keys)`);

    await q.query(`
      create table feedback_views (
        organization_id uuid not null,
        application_id uuid not null,
        user_id uuid not null,
        first_viewed_at timestamptz not null default now(),
        primary key (organization_id, application_id, user_id),
        foreign key (organization_id, application_id) references applications (organization_id, id),
        foreign key (organization_id, user_id) references users (organization_id, id)
      )`);
    await isolateTenantTable(q, 'feedback_views');
    await q.query(`alter table scorecard_amendments add column after_feedback boolean`);

    await q.query(`
      alter table organizations
        add column calibration_min_units integer not null default 10
          check (calibration_min_units between 2 and 1000)`);
    await q.query(`
      alter table interviews
        add column step_kind text not null default 'assessment'
          check (step_kind in ('assessment', 'candidate_questions'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table interviews drop column step_kind`);
    await q.query(`alter table organizations drop column calibration_min_units`);
    await q.query(`alter table scorecard_amendments drop column after_feedback`);
    await q.query(`drop table feedback_views`);
    await q.query(`drop table scorecard_first_ratings`);
    await q.query(`drop function scorecard_first_ratings_frozen()`);
    await q.query(`alter table scorecards drop column contradiction_confirmed_at, drop column first_recommendation`);
    await q.query(`select set_config('scorecard.amending', 'on', true)`);
    await q.query(`alter table scorecard_ratings drop column asked`);
  }
}
