/**
 * The CSV reader the data scripts share (extract-demo-sources, train-triage):
 * the public datasets in ../shared/data are CSV files with quoted multi-line
 * fields, which a naive split on commas and newlines would break.
 */
import { readFileSync } from 'node:fs';
import { parseCsv } from '../core/util/csv';

/** A CSV file with a header row as one record per data row (blank lines skipped), keyed by column name. */
export function readRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  if (!header) throw new Error(`${file}: empty CSV`);
  return rows.map(({ line, fields }) => {
    if (fields.length !== header.fields.length) {
      throw new Error(`${file}: line ${line} has ${fields.length} fields, expected ${header.fields.length}`);
    }
    return Object.fromEntries(header.fields.map((h, k) => [h, fields[k] ?? '']));
  });
}
