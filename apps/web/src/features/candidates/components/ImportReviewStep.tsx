import { useId } from 'react';
import { Alert } from '@/components/ui/Alert';
import { ApiError, errorMessage } from '@/lib/api';
import type { ImportCheck } from '../api/candidate-import-mutations';
import { columnOfField, formatCount, plural, type ColumnMapping, type CsvFile } from '../candidate-import';
import { StepHeading } from './ImportSteps';

/** Shown in full up to this many; the counts above the table cover the rest. */
const ERRORS_SHOWN = 500;

type Props = {
  file: CsvFile;
  mapping: ColumnMapping;
  check: ImportCheck;
  committing: boolean;
  commitError: unknown;
  onCommit: (skipInvalid: boolean) => void;
  onCheckAgain: () => void;
  onChangeMapping: () => void;
  onImportNothing: () => void;
};

/** Step 4: what the check found, and the choice of what to write. */
export function ImportReviewStep(p: Props) {
  const id = useId();
  const { file, mapping, check } = p;
  const valid = check.rows - check.invalidRows;
  const byColumn = new Map<string, number>();
  for (const e of check.errors) {
    const column = columnOfField(file, mapping, e.path);
    byColumn.set(column, (byColumn.get(column) ?? 0) + 1);
  }
  const cell = (row: number, path: string) => file.rows[row - 1]?.[(mapping as string[]).indexOf(path)] ?? '';
  const retryable = p.commitError instanceof ApiError && (p.commitError.status === 409 || p.commitError.status === 422);

  const commitFailure = p.commitError ? (
    <Alert title="Nothing was imported">
      <p>{errorMessage(p.commitError)}</p>
      {retryable ? (
        <button type="button" className="button button--secondary button--small alert__action" onClick={p.onCheckAgain}>
          Check the file again
        </button>
      ) : null}
    </Alert>
  ) : null;

  if (check.invalidRows === 0) {
    return (
      <section className="panel panel--padded import-step" aria-labelledby={`${id}-title`}>
        <StepHeading
          id={`${id}-title`}
          title={check.rows === 1 ? 'The row is ready' : `All ${formatCount(check.rows)} rows are ready`}
        >
          Every row of “{file.name}” passed the check. Import them to add {plural(valid, 'candidate', 'candidates')}.
        </StepHeading>
        {commitFailure}
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={p.onImportNothing}
            disabled={p.committing}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => p.onCommit(false)}
            disabled={p.committing}
          >
            {p.committing ? 'Importing…' : `Import ${plural(valid, 'candidate', 'candidates')}`}
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="panel panel--padded import-step" aria-labelledby={`${id}-title`}>
      <StepHeading id={`${id}-title`} title={`${plural(check.invalidRows, 'row has', 'rows have')} errors`}>
        {formatCount(check.invalidRows)} of {plural(check.rows, 'row', 'rows')} in “{file.name}” can’t be imported as
        they are. Nothing has been written. Fix the file and upload it again, or skip these rows.
      </StepHeading>

      <dl className="import-summary">
        <div>
          <dt>Rows checked</dt>
          <dd>{formatCount(check.rows)}</dd>
        </div>
        <div>
          <dt>Ready</dt>
          <dd>{formatCount(valid)}</dd>
        </div>
        <div>
          <dt>With errors</dt>
          <dd>{formatCount(check.invalidRows)}</dd>
        </div>
        {[...byColumn].map(([column, n]) => (
          <div key={column}>
            <dt>{column}</dt>
            <dd>{plural(n, 'error', 'errors')}</dd>
          </div>
        ))}
      </dl>

      <div className="table-wrap import-table import-errors">
        <table className="table">
          <caption className="visually-hidden">Row errors</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Value</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {check.errors.slice(0, ERRORS_SHOWN).map((e, i) => (
              <tr key={`${e.row}-${e.path}-${i}`}>
                <th scope="row" className="table__nowrap">
                  {formatCount(e.row)}
                </th>
                <td className="table__nowrap">{columnOfField(file, mapping, e.path)}</td>
                <td className="import-cell">{cell(e.row, e.path)}</td>
                <td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {check.errors.length > ERRORS_SHOWN ? (
        <p className="field__hint">
          Showing the first {formatCount(ERRORS_SHOWN)} of {formatCount(check.errors.length)} errors.
        </p>
      ) : null}
      <p className="field__hint">Row 1 is the first row under the header.</p>

      {commitFailure}
      <div className="import-choices">
        <button type="button" className="button button--ghost" onClick={p.onChangeMapping} disabled={p.committing}>
          Change the column matches
        </button>
        <div className="import-choices__main">
          <button
            type="button"
            className="button button--secondary"
            onClick={p.onImportNothing}
            disabled={p.committing}
          >
            Import nothing
          </button>
          {valid > 0 ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => p.onCommit(true)}
              disabled={p.committing}
            >
              {p.committing ? 'Importing…' : `Skip ${plural(check.invalidRows, 'row', 'rows')} and import the rest`}
            </button>
          ) : null}
        </div>
      </div>
      <p className="field__hint import-choices__note">
        {valid > 0
          ? `Skipping adds the ${plural(valid, 'row', 'rows')} without errors as candidates and leaves the others out.`
          : 'No row can be imported as it is.'}
      </p>
    </section>
  );
}
