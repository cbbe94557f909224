import { Injectable } from '@nestjs/common';
import {
  type AddImportRowsRequest,
  type ApplyImportRequest,
  type ApplyImportResult,
  type CandidateImport,
  type CommitImportRequest,
  Email,
  type ImportedCandidateList,
  type ImportedCandidatesQuery,
  type ImportRowErrors,
  parseImportRow,
} from '@scorecard/contracts';
import { AppError } from '../../common/app-error.js';
import type { Caller } from '../../common/request-context.js';
import { CandidateImportsRepository, ImportEmailTakenError, type StagedRow } from './candidate-imports.repository.js';
import { Db } from '../../database/db.js';
import { OpeningsService } from '../openings/openings.service.js';

const EXISTS = 'A candidate with this email already exists.';
const sameAs = (row: number) => `Row ${row} has the same email.`;
const committed = () => new AppError('invalid_transition', 'This import is finished: start a new one.');
const rowsHave = (n: number) => (n === 1 ? '1 row has' : `${n.toLocaleString('en-US')} rows have`);

@Injectable()
export class CandidateImportsService {
  constructor(
    private readonly imports: CandidateImportsRepository,
    private readonly openings: OpeningsService,
    private readonly db: Db,
  ) {}

  async create(caller: Caller): Promise<CandidateImport> {
    const id = await this.imports.create(caller.organizationId, caller.userId);
    return this.get(caller, id);
  }

  async get(caller: Caller, id: string): Promise<CandidateImport> {
    const found = await this.imports.find(caller.organizationId, id);
    if (!found) throw AppError.notFound('import');
    return found;
  }

  /**
   * Checks a batch of mapped rows and stages it: each row's field errors, plus an email that belongs
   * to a candidate already or to an earlier row of the file. Sending a row again replaces it.
   */
  async addRows(caller: Caller, id: string, input: AddImportRowsRequest): Promise<ImportRowErrors> {
    const org = caller.organizationId;
    // The last copy of a row number in the batch wins, as if it had been sent again.
    const batch = [...new Map(input.rows.map((r) => [r.row, r])).values()].sort((a, b) => a.row - b.row);
    return this.db.transaction(async (m) => {
      const status = await this.imports.lock(org, id, m);
      if (!status) throw AppError.notFound('import');
      if (status === 'committed') throw committed();

      const staged: StagedRow[] = batch.map(({ row, values }) => {
        const parsed = parseImportRow(values);
        const email = Email.safeParse(values.email ?? '');
        return parsed.ok
          ? { row, email: parsed.candidate.email, candidate: parsed.candidate, errors: [] }
          : { row, email: email.success ? email.data : null, candidate: null, errors: parsed.errors };
      });
      const emails = [...new Set(staged.flatMap((r) => (r.email ? [r.email] : [])))];
      const rowNumbers = staged.map((r) => r.row);
      const [existing, elsewhere] = await Promise.all([
        this.imports.existingCandidateEmails(org, emails, m),
        this.imports.stagedEmails(org, id, emails, rowNumbers, m),
      ]);
      const firstInBatch = new Map<string, number>();
      for (const r of staged) {
        if (!r.email) continue;
        const earlier = [elsewhere.get(r.email), firstInBatch.get(r.email)].filter(
          (n): n is number => n !== undefined && n < r.row,
        );
        if (!firstInBatch.has(r.email)) firstInBatch.set(r.email, r.row);
        const message = existing.has(r.email) ? EXISTS : earlier.length ? sameAs(Math.min(...earlier)) : null;
        if (!message || r.errors.some((e) => e.path === 'email')) continue;
        r.errors.push({ path: 'email', message });
        r.candidate = null;
      }

      await this.imports.upsertRows(org, id, staged, m);
      await this.imports.markLaterDuplicates(org, id, rowNumbers, m);
      const errors = staged.flatMap((r) => r.errors.map((e) => ({ row: r.row, ...e })));
      return { received: staged.length, invalid: staged.filter((r) => r.candidate === null).length, errors };
    });
  }

  /**
   * Writes the staged candidates in one transaction: all or nothing by default; with `skipInvalid`,
   * only the rows without errors.
   */
  async commit(caller: Caller, id: string, input: CommitImportRequest): Promise<CandidateImport> {
    const org = caller.organizationId;
    await this.db.transaction(async (m) => {
      const status = await this.imports.lock(org, id, m);
      if (!status) throw AppError.notFound('import');
      if (status === 'committed') throw committed();
      const { valid, invalid } = await this.imports.countRows(org, id, m);
      if (invalid > 0 && !input.skipInvalid) {
        throw new AppError(
          'import_has_errors',
          `${rowsHave(invalid)} errors. Fix them and upload again, or skip them.`,
        );
      }
      if (valid === 0) {
        throw new AppError(
          'import_has_errors',
          invalid > 0 ? 'No row can be imported: every row has errors.' : 'This import has no rows to import.',
        );
      }
      let created: number;
      try {
        created = await this.imports.insertCandidates(org, id, caller.userId, m);
      } catch (err) {
        if (err instanceof ImportEmailTakenError) {
          throw new AppError(
            'email_taken',
            'Someone added a candidate with one of these emails while you were importing. Check the file again.',
          );
        }
        throw err;
      }
      await this.imports.markCommitted(org, id, created, m);
    });
    return this.get(caller, id);
  }

  /** The candidates a committed import added, in row order (none while it is still staging). */
  async listAdded(caller: Caller, id: string, query: ImportedCandidatesQuery): Promise<ImportedCandidateList> {
    await this.get(caller, id);
    const { items, total } = await this.imports.listAdded(caller.organizationId, id, query);
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /**
   * Applies every candidate the import added to one open opening, in one transaction; those who
   * already applied to it, or were erased since, are reported and left as they are.
   */
  async applyAll(caller: Caller, id: string, input: ApplyImportRequest): Promise<ApplyImportResult> {
    const org = caller.organizationId;
    return this.db.transaction(async (m) => {
      const status = await this.imports.lock(org, id, m);
      if (!status) throw AppError.notFound('import');
      if (status !== 'committed') {
        throw new AppError('invalid_transition', 'Import the candidates first, then apply them to an opening.');
      }
      const opening = await this.openings.header(org, input.openingId, m);
      if (!opening)
        throw AppError.invalid([{ path: 'openingId', message: 'Choose one of your organization’s openings.' }]);
      if (opening.status !== 'open') {
        throw new AppError('stage_move_refused', `“${opening.title}” is not open, so nobody can apply to it.`);
      }
      const results = await this.imports.applyAll(org, id, opening.id, caller.userId, m);
      const count = (o: string) => results.filter((r) => r.outcome === o).length;
      return {
        opening: { id: opening.id, title: opening.title },
        applied: count('applied'),
        alreadyApplied: count('already_applied'),
        erased: count('erased'),
        results,
      };
    });
  }
}
