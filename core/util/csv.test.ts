import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv';

const fieldsOf = (text: string) => parseCsv(text).map((r) => r.fields);

describe('parseCsv', () => {
  it('splits records on LF, CRLF and lone CR, with their line numbers', () => {
    expect(parseCsv('a,b\nc,d\r\ne,f\rg,h')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
      { line: 4, fields: ['g', 'h'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(fieldsOf('"Smith, Jo","say ""hi""",x\n"two\r\nlines",""\n')).toEqual([
      ['Smith, Jo', 'say "hi"', 'x'],
      ['two\r\nlines', ''],
    ]);
  });

  it('counts line breaks inside quotes in later line numbers', () => {
    const records = parseCsv('h1,h2\n"a\nb\nc",1\nnext,2\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps empty fields, and skips empty lines and the final newline', () => {
    expect(parseCsv('a,,c\n\n,,\r\n\r\nz\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', '', ''] },
      { line: 5, fields: ['z'] },
    ]);
    expect(fieldsOf('""\n')).toEqual([['']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\n\r\n')).toEqual([]);
  });

  it('drops a leading byte-order mark', () => {
    expect(fieldsOf('\uFEFFCall Id,Agent\n1,Jo')).toEqual([
      ['Call Id', 'Agent'],
      ['1', 'Jo'],
    ]);
  });

  it('keeps stray quotes literally rather than losing the value', () => {
    expect(fieldsOf('5" screen,"ab"cd')).toEqual([['5" screen', 'abcd']]);
  });

  it('refuses a quoted field that is never closed, naming the line it opens on', () => {
    let error: unknown;
    try {
      parseCsv('a,b\n1,"open\n2,3\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 2, message: 'line 2: a quoted field is never closed' });
  });
});
