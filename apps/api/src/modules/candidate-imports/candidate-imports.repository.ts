import { Injectable } from '@nestjs/common';
import type {
  ApplyImportOutcome,
  ApplyImportResult,
  CandidateImport,
  CreateCandidateRequest,
  FieldError,
  ImportedCandidate,
} from '@scorecard/contracts';
import type { EntityManager } from 'typeorm';
import { Db, isUniqueViolation, type Col, type Cols } from '../../database/db.js';

export class ImportEmailTakenError extends Error {}

/** One checked row, ready to stage: the parsed candidate when it has no errors. */
export interface StagedRow {
  row: number;
  /** The row's email, normalised, whenever it is a valid address (also on rows with other errors). */
  email: string | null;
  candidate: CreateCandidateRequest | null;
  errors: FieldError[];
}

/** How many errors an import reports. */
const ERRORS_SHOWN = 200;

@Injectable()
export class CandidateImportsRepository {
  constructor(private readonly db: Db) {}

  /** Starts a staging import, and forgets the organization's imports abandoned more than a day ago. */
  async create(organizationId: string, userId: string): Promise<string> {
    return this.db.transaction(async (m) => {
      await m.query(
        `delete from candidate_imports
          where organization_id = $1 and status = 'staging' and created_at < now() - interval '24 hours'`,
        [organizationId],
      );
      const [row] = await m.query<Cols<'candidate_imports', 'id'>[]>(
        `insert into candidate_imports (organization_id, created_by) values ($1, $2) returning id`,
        [organizationId, userId],
      );
      return row!.id;
    });
  }

  /** The import with its row counts and first errors (row order), or null when it is not the organization's. */
  async find(organizationId: string, id: string, m: EntityManager = this.db.manager): Promise<CandidateImport | null> {
    const rows = await m.query<
      (Cols<'candidate_imports', 'id' | 'status' | 'created_count' | 'created_at'> & {
        rows: number;
        invalid_rows: number;
        errors: CandidateImport['errors'];
      })[]
    >(
      `select i.id, i.status, i.created_count, i.created_at,
              (select count(*)::int from candidate_import_rows r
                where r.organization_id = i.organization_id and r.import_id = i.id) as rows,
              (select count(*)::int from candidate_import_rows r
                where r.organization_id = i.organization_id and r.import_id = i.id and r.candidate is null) as invalid_rows,
              coalesce((select json_agg(json_build_object('row', e.row_number, 'path', e.path, 'message', e.message)
                                        order by e.row_number, e.n)
                          from (select r.row_number, x.v ->> 'path' as path, x.v ->> 'message' as message, x.n
                                  from candidate_import_rows r
                                 cross join lateral jsonb_array_elements(r.errors) with ordinality as x (v, n)
                                 where r.organization_id = i.organization_id and r.import_id = i.id
                                   and r.errors <> '[]'::jsonb
                                 order by r.row_number, x.n
                                 limit ${ERRORS_SHOWN}) e), '[]') as errors
         from candidate_imports i
        where i.organization_id = $1 and i.id = $2`,
      [organizationId, id],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      status: r.status,
      rows: r.rows,
      invalidRows: r.invalid_rows,
      errors: r.errors,
      createdCount: r.created_count,
      createdAt: r.created_at.toISOString(),
    };
  }

  /** Locks the import for the rest of the transaction; its status, or null when it is not the organization's. */
  async lock(organizationId: string, id: string, m: EntityManager): Promise<CandidateImport['status'] | null> {
    const rows = await m.query<Cols<'candidate_imports', 'status'>[]>(
      `select status from candidate_imports where organization_id = $1 and id = $2 for update`,
      [organizationId, id],
    );
    return rows[0]?.status ?? null;
  }

  /** Which of these emails already belong to a candidate of the organization. */
  async existingCandidateEmails(organizationId: string, emails: string[], m: EntityManager): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await m.query<Cols<'candidates', 'email'>[]>(
      `select email from candidates where organization_id = $1 and email = any($2::text[])`,
      [organizationId, emails],
    );
    return new Set(rows.map((r) => r.email));
  }

  /**
   * The lowest other row number of this import staged with each of these emails (a row sent again
   * does not count as its own duplicate).
   */
  async stagedEmails(
    organizationId: string,
    importId: string,
    emails: string[],
    exceptRows: number[],
    m: EntityManager,
  ): Promise<Map<string, number>> {
    if (emails.length === 0) return new Map();
    const rows = await m.query<{ email: NonNullable<Col<'candidate_import_rows', 'email'>>; row: number }[]>(
      `select email, min(row_number)::int as row from candidate_import_rows
        where organization_id = $1 and import_id = $2 and email = any($3::text[])
          and not (row_number = any($4::int[]))
        group by email`,
      [organizationId, importId, emails, exceptRows],
    );
    return new Map(rows.map((r) => [r.email, r.row]));
  }

  /** Stages a batch in one statement; a row number sent again replaces the earlier row. */
  async upsertRows(organizationId: string, importId: string, rows: StagedRow[], m: EntityManager): Promise<void> {
    await m.query(
      `insert into candidate_import_rows (organization_id, import_id, row_number, email, candidate, errors)
       select $1, $2, x.n, x.email, nullif(x.candidate, 'null'::jsonb), x.errors
         from jsonb_to_recordset($3::jsonb) as x (n integer, email text, candidate jsonb, errors jsonb)
       on conflict (organization_id, import_id, row_number)
       do update set email = excluded.email, candidate = excluded.candidate, errors = excluded.errors`,
      [organizationId, importId, JSON.stringify(rows.map(({ row, ...r }) => ({ n: row, ...r })))],
    );
  }

  /**
   * Rows staged earlier with a higher row number and the same email as a row of this batch become
   * duplicates of it (only happens when batches arrive out of order).
   */
  async markLaterDuplicates(organizationId: string, importId: string, batchRows: number[], m: EntityManager) {
    await m.query(
      `update candidate_import_rows r
          set candidate = null,
              errors = r.errors || jsonb_build_array(jsonb_build_object(
                'path', 'email', 'message', 'Row ' || f.first_row || ' has the same email.'))
         from (select email, min(row_number) as first_row from candidate_import_rows
                where organization_id = $1 and import_id = $2 and row_number = any($3::int[]) and email is not null
                group by email) f
        where r.organization_id = $1 and r.import_id = $2 and r.email = f.email
          and r.row_number > f.first_row and not (r.row_number = any($3::int[]))
          and not r.errors @> '[{"path": "email"}]'::jsonb`,
      [organizationId, importId, batchRows],
    );
  }

  async countRows(
    organizationId: string,
    importId: string,
    m: EntityManager,
  ): Promise<{ valid: number; invalid: number }> {
    const [row] = await m.query<{ valid: number; invalid: number }[]>(
      `select count(*) filter (where candidate is not null)::int as valid,
              count(*) filter (where candidate is null)::int as invalid
         from candidate_import_rows where organization_id = $1 and import_id = $2`,
      [organizationId, importId],
    );
    return row ?? { valid: 0, invalid: 0 };
  }

  /**
   * Writes every valid staged row as a candidate, with its tags, in set-based statements; answers
   * how many were created. Throws ImportEmailTakenError when an email was taken meanwhile.
   */
  async insertCandidates(organizationId: string, importId: string, userId: string, m: EntityManager): Promise<number> {
    try {
      const [row] = await m.query<{ created: number }[]>(
        `with source as (
           select r.row_number, r.candidate as c from candidate_import_rows r
            where r.organization_id = $1 and r.import_id = $2 and r.candidate is not null),
         created as (
           insert into candidates (organization_id, name, email, phone, location, current_title, current_company,
                                   links, source, internal, signals, desired_career_path, desired_coding_share_pct,
                                   comp_currency, comp_amount_minor, notes, created_by)
           select $1, c ->> 'name', lower(c ->> 'email'), c ->> 'phone', c ->> 'location', c ->> 'currentTitle',
                  c ->> 'currentCompany', c -> 'links', c ->> 'source', (c ->> 'internal')::boolean,
                  array(select jsonb_array_elements_text(c -> 'signals')), c ->> 'desiredCareerPath',
                  (c ->> 'desiredCodingSharePct')::integer,
                  c -> 'compensationExpectation' ->> 'currency',
                  (c -> 'compensationExpectation' ->> 'amountMinor')::bigint,
                  c ->> 'notes', $3
             from source order by row_number
           returning id, email),
         tagged as (
           insert into candidate_tags (organization_id, candidate_id, tag)
           select distinct $1::uuid, created.id, t.tag
             from created
             join source on lower(source.c ->> 'email') = created.email
            cross join lateral jsonb_array_elements_text(source.c -> 'tags') as t (tag)
           on conflict do nothing),
         linked as (
           update candidate_import_rows r set candidate_id = created.id
             from created
            where r.organization_id = $1 and r.import_id = $2 and r.candidate is not null
              and lower(r.candidate ->> 'email') = created.email)
         select count(*)::int as created from created`,
        [organizationId, importId, userId],
      );
      return row?.created ?? 0;
    } catch (err) {
      if (isUniqueViolation(err, 'candidates_org_email_key')) throw new ImportEmailTakenError();
      throw err;
    }
  }

  async markCommitted(organizationId: string, importId: string, createdCount: number, m: EntityManager) {
    await m.query(
      `update candidate_imports set status = 'committed', committed_at = now(), created_count = $3
        where organization_id = $1 and id = $2`,
      [organizationId, importId, createdCount],
    );
  }

  /** One page of the candidates a committed import added, in row order. */
  async listAdded(
    organizationId: string,
    importId: string,
    page: { page: number; pageSize: number },
  ): Promise<{ items: ImportedCandidate[]; total: number }> {
    const rows = await this.db.query<
      (Cols<'candidate_import_rows', 'row_number'> & Cols<'candidates', 'id' | 'name' | 'email'> & { total: number })[]
    >(
      `select r.row_number, c.id, c.name, c.email, count(*) over ()::int as total
         from candidate_import_rows r
         join candidates c on c.organization_id = r.organization_id and c.id = r.candidate_id
        where r.organization_id = $1 and r.import_id = $2
        order by r.row_number
        limit $3 offset $4`,
      [organizationId, importId, page.pageSize, (page.page - 1) * page.pageSize],
    );
    return {
      items: rows.map((r) => ({ row: r.row_number, id: r.id, name: r.name, email: r.email })),
      total: rows[0]?.total ?? (await this.countAdded(organizationId, importId)),
    };
  }

  private async countAdded(organizationId: string, importId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }[]>(
      `select count(*)::int as n from candidate_import_rows
        where organization_id = $1 and import_id = $2 and candidate_id is not null`,
      [organizationId, importId],
    );
    return row?.n ?? 0;
  }

  /**
   * Applies every candidate the import added to the opening in one statement: a new application
   * (with its first stage move, by `userId`) for each, except those who already applied to it or
   * were erased since. Answers each candidate's outcome in row order.
   */
  async applyAll(
    organizationId: string,
    importId: string,
    openingId: string,
    userId: string,
    m: EntityManager,
  ): Promise<ApplyImportResult['results']> {
    const rows = await m.query<
      (Cols<'candidates', 'name'> & {
        candidate_id: Col<'candidates', 'id'>;
        outcome: ApplyImportOutcome;
        application_id: Col<'applications', 'id'> | null;
      })[]
    >(
      `with added as (
           select r.row_number, c.id as candidate_id, c.name, c.erased_at
             from candidate_import_rows r
             join candidates c on c.organization_id = r.organization_id and c.id = r.candidate_id
            where r.organization_id = $1 and r.import_id = $2),
         inserted as (
           insert into applications (organization_id, candidate_id, opening_id, stage)
           select $1, candidate_id, $3, 'applied' from added where erased_at is null order by row_number
           on conflict (organization_id, opening_id, candidate_id) do nothing
           returning id, candidate_id),
         moved as (
           insert into application_moves (organization_id, application_id, from_stage, to_stage, reason, note, moved_by)
           select $1, id, null, 'applied', null, '', $4 from inserted)
         select added.candidate_id, added.name,
                case when inserted.id is not null then 'applied'
                     when added.erased_at is not null then 'erased'
                     else 'already_applied' end as outcome,
                coalesce(inserted.id, existing.id) as application_id
           from added
           left join inserted on inserted.candidate_id = added.candidate_id
           left join applications existing
             on existing.organization_id = $1 and existing.opening_id = $3 and existing.candidate_id = added.candidate_id
          order by added.row_number`,
      [organizationId, importId, openingId, userId],
    );
    return rows.map((r) => ({
      candidateId: r.candidate_id,
      name: r.name,
      outcome: r.outcome,
      applicationId: r.application_id,
    }));
  }
}
