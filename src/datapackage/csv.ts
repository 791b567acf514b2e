// Rows -> CSV as RFC 4180 writes it: comma-separated, CRLF after every
// record, a field quoted when it holds a comma, a quote or a line break, with
// its quotes doubled. UTF-8 without a byte-order mark: the data package
// declares `utf-8`, and a BOM would become part of the first column's name
// in Python's csv module, base R's read.csv and the shell tools.
// Values are written as they are, numbers without grouping or rounding, so
// they read back equal; text that looks like a formula stays as written (the
// workbook is the file made for spreadsheets).
import type { Cell } from './rows.ts';

export const CSV_DIALECT = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true } as const;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): Buffer {
  const lines = [header, ...rows].map((row) => row.map(field).join(CSV_DIALECT.delimiter) + CSV_DIALECT.lineTerminator);
  return Buffer.from(lines.join(''), 'utf8');
}

function field(value: Cell): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
