/**
 * Wallboard KPIs of a telephony call-log export, from the command line:
 *
 *   npx tsx scripts/kpis.ts <file.csv>
 *
 * Prints the figures of `callLogKpis` as pretty JSON on stdout, with `errors`:
 * the number of rows that could not be read (those rows are not in the
 * figures). The first few row errors go to stderr so they are seen without
 * spoiling the JSON for a pipe. Times in the file are read as UTC.
 *
 * Exit code: 0 when the figures were computed (even with some bad rows), 1 when
 * the file cannot be read or as a whole is not a call log (missing columns,
 * unclosed quote), so a script never mistakes "no figures" for zeros.
 */
import { readFileSync } from 'node:fs';
import { callLogKpis, parseCallLog } from '../core/metrics';

/** Enough to see what kind of problem the file has; the count tells how widespread. */
const ERRORS_SHOWN = 5;

function fail(message: string): never {
  process.stderr.write(`kpis: ${message}\n`);
  process.exit(1);
}

const file = process.argv[2];
if (file === undefined || process.argv.length > 3) fail('usage: npx tsx scripts/kpis.ts <file.csv>');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  fail(code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(e as Error).message}`);
}

const { contacts, errors, fatal } = parseCallLog(text);
if (fatal) fail(`${file} is not a readable call log: line ${errors[0]?.line}: ${errors[0]?.message}`);

process.stdout.write(JSON.stringify({ ...callLogKpis(contacts), errors: errors.length }, null, 2) + '\n');
if (errors.length > 0) {
  process.stderr.write(`kpis: ${errors.length} row(s) of ${file} could not be read and are left out:\n`);
  for (const e of errors.slice(0, ERRORS_SHOWN)) process.stderr.write(`  line ${e.line}: ${e.message}\n`);
  if (errors.length > ERRORS_SHOWN) process.stderr.write(`  … and ${errors.length - ERRORS_SHOWN} more\n`);
}
