import {
  IMPORT_FIELD_LABELS,
  ImportField,
  parseImportRow,
  REQUIRED_IMPORT_FIELDS,
  SIGNAL_LABELS,
  SOURCE_LABELS,
  type CreateCandidateRequest,
} from '@scorecard/contracts';
import { useId, useState, type ReactNode } from 'react';
import { Alert } from '@/components/ui/Alert';
import {
  columnName,
  mappedFields,
  mapRow,
  missingRequiredFields,
  plural,
  type ColumnMapping,
  type CsvFile,
} from '../candidate-import';
import { StepHeading } from './ImportSteps';

const PREVIEW_ROWS = 5;
const CAREER_LABELS = { technical: 'Technical', management: 'Management', executive: 'Executive', undecided: '' };

/** A field of a parsed candidate as the candidate page would show it. */
function shown(field: ImportField, c: CreateCandidateRequest): string {
  switch (field) {
    case 'linkedin':
    case 'github':
    case 'blog':
    case 'talks':
      return c.links[field];
    case 'source':
      return SOURCE_LABELS[c.source];
    case 'internal':
      return c.internal ? 'Yes' : 'No';
    case 'signals':
      return c.signals.map((s) => SIGNAL_LABELS[s]).join(', ');
    case 'desiredCareerPath':
      return CAREER_LABELS[c.desiredCareerPath];
    case 'desiredCodingSharePct':
      return c.desiredCodingSharePct === null ? '' : `${c.desiredCodingSharePct}%`;
    case 'compensationCurrency':
      return c.compensationExpectation?.currency ?? '';
    case 'compensationAmount':
      return c.compensationExpectation ? (c.compensationExpectation.amountMinor / 100).toLocaleString('en-US') : '';
    case 'tags':
      return c.tags.join(', ');
    default:
      return c[field];
  }
}

type Props = {
  file: CsvFile;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onContinue: () => void;
  notice?: ReactNode;
};

/** Step 2: which field each CSV column fills, and the first rows as they will be imported. */
export function ImportMappingStep({ file, mapping, onChange, onBack, onContinue, notice }: Props) {
  const id = useId();
  const [tried, setTried] = useState(false);
  const missing = missingRequiredFields(mapping);
  const fields = mappedFields(mapping);
  const preview = file.rows.slice(0, PREVIEW_ROWS).map((cells, i) => ({
    row: i + 1,
    cells,
    result: parseImportRow(mapRow(cells, mapping)),
  }));
  const example = (index: number) => file.rows.find((cells) => (cells[index] ?? '').trim() !== '')?.[index] ?? '';

  return (
    <section className="panel panel--padded import-step" aria-labelledby={`${id}-title`}>
      <StepHeading id={`${id}-title`} title="Match columns to candidate fields">
        “{file.name}”: {plural(file.rows.length, 'row', 'rows')}, {plural(file.headers.length, 'column', 'columns')}.{' '}
        {REQUIRED_IMPORT_FIELDS.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')} are required; each field can take one
        column.
      </StepHeading>
      {notice}

      <div className="table-wrap import-table">
        <table className="table">
          <caption className="visually-hidden">Columns of the file and the fields they fill</caption>
          <thead>
            <tr>
              <th scope="col">Column in the file</th>
              <th scope="col">Example</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {file.headers.map((_, index) => {
              const name = columnName(file, index);
              const selectId = `${id}-column-${index}`;
              return (
                <tr key={index}>
                  <th scope="row" className="table__name">
                    <label htmlFor={selectId}>{name}</label>
                  </th>
                  <td className="import-table__example">{example(index)}</td>
                  <td className="import-table__select">
                    <select
                      id={selectId}
                      className="select select--compact"
                      value={mapping[index] ?? ''}
                      onChange={(event) => {
                        const next = [...mapping];
                        next[index] = event.target.value as ImportField | '';
                        onChange(next);
                      }}
                    >
                      <option value="">Don’t import</option>
                      {ImportField.options.map((field) => {
                        const owner = mapping.indexOf(field);
                        const taken = owner >= 0 && owner !== index;
                        return (
                          <option key={field} value={field} disabled={taken}>
                            {IMPORT_FIELD_LABELS[field]}
                            {REQUIRED_IMPORT_FIELDS.includes(field) ? ' (required)' : ''}
                            {taken ? ` — used by “${columnName(file, owner)}”` : ''}
                          </option>
                        );
                      })}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h3 className="import-step__subtitle">Preview</h3>
      <p className="section-header__description">
        The first {Math.min(PREVIEW_ROWS, file.rows.length)} rows as they will be imported. The full check runs on every
        row next.
      </p>
      {fields.length === 0 ? (
        <p className="import-step__empty">Choose a field for at least one column to see the preview.</p>
      ) : (
        <div className="table-wrap import-table">
          <table className="table import-preview">
            <caption className="visually-hidden">Preview of the first rows</caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                {fields.map((f) => (
                  <th scope="col" key={f}>
                    {IMPORT_FIELD_LABELS[f]}
                  </th>
                ))}
                <th scope="col">Check</th>
              </tr>
            </thead>
            <tbody>
              {preview.map(({ row, cells, result }) => (
                <tr key={row}>
                  <th scope="row" className="table__nowrap">
                    {row}
                  </th>
                  {fields.map((f) => {
                    const problem = result.ok ? undefined : result.errors.find((e) => e.path === f);
                    const raw = cells[mapping.indexOf(f)] ?? '';
                    return (
                      <td key={f} className={problem ? 'import-cell import-cell--invalid' : 'import-cell'}>
                        {result.ok ? shown(f, result.candidate) : raw}
                        {problem ? <div className="import-cell__error">{problem.message}</div> : null}
                      </td>
                    );
                  })}
                  <td className="table__nowrap">
                    {result.ok ? (
                      <span className="import-ok">Ready</span>
                    ) : (
                      <span className="import-bad">{plural(result.errors.length, 'problem', 'problems')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {tried && missing.length > 0 ? (
        <Alert title="Some required fields have no column">
          Choose a column for {missing.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}.
        </Alert>
      ) : null}
      <div className="form__actions">
        <button type="button" className="button button--secondary" onClick={onBack}>
          Choose another file
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setTried(true);
            if (missing.length === 0) onContinue();
          }}
        >
          Check {plural(file.rows.length, 'row', 'rows')}
        </button>
      </div>
    </section>
  );
}
