import { IMPORT_MAX_ROWS, REQUIRED_IMPORT_FIELDS, IMPORT_FIELD_LABELS, importTemplateCsv } from '@scorecard/contracts';
import { useId, useState, type DragEvent, type ReactNode } from 'react';
import { Alert } from '@/components/ui/Alert';
import { LoadingState } from '@/components/ui/States';
import { CsvFileError, formatCount, readCsvFile, type CsvFile } from '../candidate-import';
import { StepHeading } from './ImportSteps';

/** The CSV template as a link target: every column's header, and one example row. */
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(importTemplateCsv())}`;

/** Step 1: a file input (also a drop zone for a dragged file), read and parsed in the browser. */
export function ImportFileStep({ onRead, notice }: { onRead: (file: CsvFile) => void; notice?: ReactNode }) {
  const inputId = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);
  const [reading, setReading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setReading(true);
    try {
      onRead(await readCsvFile(file));
    } catch (err) {
      setError(err instanceof CsvFileError ? err.message : `“${file.name}” could not be read.`);
    } finally {
      setReading(false);
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    void read(event.dataTransfer.files[0]);
  };

  return (
    <section className="panel panel--padded import-step" aria-labelledby={`${inputId}-title`}>
      <StepHeading id={`${inputId}-title`} title="Choose a CSV file">
        The first row names the columns; you match them to candidate fields next. Nothing is written until you confirm
        the import.
      </StepHeading>
      {notice}
      {error ? <Alert title="This file can’t be imported">{error}</Alert> : null}
      <div
        className={over ? 'drop-zone drop-zone--over' : 'drop-zone'}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        {reading ? (
          <LoadingState label="Reading the file…" />
        ) : (
          <>
            <p className="drop-zone__title">Drop a CSV file here, or choose one</p>
            <label className="field__label" htmlFor={inputId}>
              CSV file
            </label>
            <input
              id={inputId}
              className="drop-zone__input"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={hintId}
              onChange={(event) => {
                void read(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
            <p id={hintId} className="field__hint">
              Up to {formatCount(IMPORT_MAX_ROWS)} rows. Every row needs{' '}
              {REQUIRED_IMPORT_FIELDS.map((f) => IMPORT_FIELD_LABELS[f].toLowerCase()).join(', ')}.
            </p>
          </>
        )}
      </div>
      <p className="import-template">
        Starting from scratch?{' '}
        <a href={TEMPLATE_HREF} download="scorecard-candidates-template.csv">
          Download a CSV template
        </a>{' '}
        with every column this import understands and an example row.
      </p>
    </section>
  );
}
