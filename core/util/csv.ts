/**
 * The project's one CSV reader (RFC 4180), pure so that imports in core/ (call
 * logs) and the data scripts (scripts/csv.ts) share it.
 *
 * - Fields are separated by commas; records end with CRLF, LF or a lone CR.
 * - A field starting with `"` is quoted: it may hold commas, line breaks and
 *   doubled quotes (`""` → `"`). A quote inside an unquoted field, or text
 *   after a closing quote, is kept literally (as spreadsheets do) rather than
 *   rejected: that keeps a value like `5" screen` instead of losing the row.
 * - A leading byte-order mark is dropped; spreadsheets add one to UTF-8 exports.
 * - Physically empty lines (including the final newline) produce no record, so
 *   a trailing newline is not a record of one empty field. A line of only
 *   commas is a record.
 * - Every record carries the 1-based line it starts on, counting the line
 *   breaks inside quoted fields, so an import can point at the line an editor shows.
 * - A quoted field that is never closed throws `CsvSyntaxError`: it would
 *   swallow the rest of the file into one field, and no record after it can be trusted.
 */

export interface CsvRecord {
  /** 1-based line number of the record's first character. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  // Whether the current field opened with a quote: `""` alone on a line is a record, an empty line is not.
  let fieldWasQuoted = false;
  let line = 1;
  let recordLine = 1;
  let quoteLine = 1;

  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || field !== '' || fieldWasQuoted) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else {
          quoted = false;
        }
        continue;
      }
      // Line breaks inside a quoted field are data, but still count as lines.
      if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line += 1;
      field += ch;
    } else if (ch === '"' && field === '' && !fieldWasQuoted) {
      quoted = true;
      fieldWasQuoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldWasQuoted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed');
  endRecord();
  return records;
}
