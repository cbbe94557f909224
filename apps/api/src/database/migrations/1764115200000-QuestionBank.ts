import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isolateTenantTable } from './1764061200000-RowLevelSecurity.js';

/**
 * The question bank (issue 24 §4, see modules/question-bank and docs/MEASUREMENT.md):
 *
 * 1. `question_marks`: a hiring manager's or admin's mark on one question (criterion key) of a
 *    rubric: `retired` or `possibly_leaked`, with an optional note, who and when, and the draft
 *    version the question was taken out of. One mark of each kind per question: marking it again
 *    replaces the note, the author and the time (the audit log keeps every mark made).
 * 2. `scorecards_org_rubric_version_idx`: the submitted scorecards of a rubric's versions, which the
 *    question figures start from.
 */
export class QuestionBank1764115200000 implements MigrationInterface {
  name = 'QuestionBank1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table question_marks (
        organization_id uuid not null references organizations (id),
        id uuid not null default gen_random_uuid(),
        rubric_id uuid not null,
        criterion_key uuid not null,
        kind text not null check (kind in ('retired', 'possibly_leaked')),
        note text not null default '' check (char_length(note) <= 500),
        draft_version_id uuid not null,
        marked_by uuid not null,
        marked_at timestamptz not null default now(),
        primary key (organization_id, id),
        foreign key (organization_id, rubric_id) references rubrics (organization_id, id),
        foreign key (organization_id, draft_version_id) references rubric_versions (organization_id, id),
        foreign key (organization_id, marked_by) references users (organization_id, id)
      )`);
    await q.query(
      `create unique index question_marks_org_question_kind_key
         on question_marks (organization_id, rubric_id, criterion_key, kind)`,
    );
    await isolateTenantTable(q, 'question_marks');
    await q.query(
      `create index scorecards_org_rubric_version_idx on scorecards (organization_id, rubric_version_id)
        where status = 'submitted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index scorecards_org_rubric_version_idx`);
    await q.query(`drop table question_marks`);
  }
}
