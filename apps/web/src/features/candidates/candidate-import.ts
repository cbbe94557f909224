import {
  guessImportField,
  IMPORT_BATCH_ROWS,
  IMPORT_FIELD_LABELS,
  IMPORT_MAX_ROWS,
  ImportField,
  REQUIRED_IMPORT_FIELDS,
  type ImportRowValues,
} from '@scorecard/contracts';
import Papa from 'papaparse';

/** A CSV file read in the browser: its header cells and data rows (no empty lines). */
export type CsvFile = {
  name: string;
  headers: string[];
  rows: string[][];
};

/** For each CSV column (by position), the field it fills, or '' for "don't import". */
export type ColumnMapping = (ImportField | '')[];

/** Each CSV line is a row; `row` is its number among the data rows (1 = the line under the header). */
export type MappedRow = { row: number; values: ImportRowValues };

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel']);
/** A cap on the file itself, well above 20,000 rows of candidates. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** Keeps each request well under the API's body limit, however long the cells. */
const MAX_BATCH_CHARS = 512 * 1024;

export class CsvFileError extends Error {}

export const formatCount = (n: number) => n.toLocaleString('en-US');
export const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`;

/** Reads and parses a CSV file; rejects non-CSV, empty and over-long files with a sentence for the person. */
export function readCsvFile(file: File): Promise<CsvFile> {
  const looksCsv = /\.csv$/i.test(file.name) || CSV_TYPES.has(file.type);
  if (!looksCsv) return Promise.reject(new CsvFileError(`“${file.name}” is not a CSV file. Choose a .csv file.`));
  if (file.size === 0) return Promise.reject(new CsvFileError(`“${file.name}” is empty.`));
  if (file.size > MAX_FILE_BYTES) {
    return Promise.reject(new CsvFileError(`“${file.name}” is larger than 50 MB. Split it into smaller files.`));
  }
  return new Promise((resolve, reject) => {
    Papa.parse<string[]>(file, {
      header: false,
      skipEmptyLines: 'greedy',
      complete: (result) => {
        const quote = result.errors.find((e) => e.type === 'Quotes');
        if (quote) {
          const where = quote.row === undefined ? '' : ` near line ${formatCount(quote.row + 1)}`;
          reject(new CsvFileError(`“${file.name}” is not valid CSV: a quoted value${where} never ends.`));
          return;
        }
        const [header, ...rows] = result.data;
        const headers = (header ?? []).map((h) => h.replace(/^\uFEFF/, '').trim());
        if (headers.length === 0 || headers.every((h) => h === '')) {
          reject(new CsvFileError(`“${file.name}” has no header row.`));
        } else if (rows.length === 0) {
          reject(new CsvFileError(`“${file.name}” has a header but no rows under it.`));
        } else if (rows.length > IMPORT_MAX_ROWS) {
          reject(
            new CsvFileError(
              `“${file.name}” has ${formatCount(rows.length)} rows; an import takes at most ${formatCount(IMPORT_MAX_ROWS)}. Split the file.`,
            ),
          );
        } else {
          resolve({ name: file.name, headers, rows });
        }
      },
      error: (error) => reject(new CsvFileError(`“${file.name}” could not be read: ${error.message}`)),
    });
  });
}

/** A column's name for people: its header, or its position when the header is blank. */
export function columnName(file: CsvFile, index: number): string {
  return file.headers[index] || `Column ${index + 1}`;
}

/** Each column's likely field from its header; a field goes to the first column that claims it. */
export function guessMapping(headers: string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headers.map((h) => {
    const field = guessImportField(h);
    if (!field || used.has(field)) return '';
    used.add(field);
    return field;
  });
}

/** Required fields no column fills yet. */
export function missingRequiredFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((f) => !mapping.includes(f));
}

/** The mapped fields, in the order of the candidate form. */
export function mappedFields(mapping: ColumnMapping): ImportField[] {
  return ImportField.options.filter((f) => mapping.includes(f));
}

/** The column that fills `field`, for naming it in errors. */
export function columnOfField(file: CsvFile, mapping: ColumnMapping, field: string): string {
  const index = mapping.indexOf(field as ImportField);
  if (index >= 0) return columnName(file, index);
  return (IMPORT_FIELD_LABELS as Record<string, string | undefined>)[field] ?? field;
}

/** One data row as the API takes it: each mapped column's cell under its field. */
export function mapRow(cells: string[], mapping: ColumnMapping): ImportRowValues {
  const values: ImportRowValues = {};
  mapping.forEach((field, i) => {
    if (field) values[field] = cells[i] ?? '';
  });
  return values;
}

/** The rows in request-sized batches: at most IMPORT_BATCH_ROWS rows, and a bounded size. */
export function batches(file: CsvFile, mapping: ColumnMapping): MappedRow[][] {
  const out: MappedRow[][] = [];
  let current: MappedRow[] = [];
  let chars = 0;
  file.rows.forEach((cells, i) => {
    const row = { row: i + 1, values: mapRow(cells, mapping) };
    const size = JSON.stringify(row).length;
    if (current.length === IMPORT_BATCH_ROWS || (current.length > 0 && chars + size > MAX_BATCH_CHARS)) {
      out.push(current);
      current = [];
      chars = 0;
    }
    current.push(row);
    chars += size;
  });
  if (current.length > 0) out.push(current);
  return out;
}
