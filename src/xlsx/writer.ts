// The one workbook writer: lays out a checked WorkbookDeclaration over the
// model with ExcelJS. Numbers stay numbers with the locale layer's Excel
// formats; formulas carry the model's figures as cached results; every data
// sheet is an Excel table (which brings its own filter buttons). The output is
// byte-reproducible: no clock, no randomness.
import ExcelJS from 'exceljs';
import { ReportError } from '../errors.ts';
import type { ReportModel } from '../model/types.ts';
import type { Formatter } from '../i18n/format.ts';
import {
  NUMERIC_TYPES,
  parseFormula,
  resolvePath,
  isAllowedLink,
  sheetRows,
  templateCompiler,
  type ColumnDeclaration,
  type ColumnRef,
  type FigureDeclaration,
  type SheetDeclaration,
  type ValueType,
  type WorkbookDeclaration,
} from './declaration.ts';

export interface WorkbookOptions {
  formatter: Formatter;
  /** Creation and modification date of the document, from the data, never the clock. */
  created: Date;
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
const WIDTH = { min: 8, max: 50 };
/** Wider than this (in characters) prints in landscape. */
const PORTRAIT_WIDTH = 130;
const HEADER_FILL = 'FF1F3864';
/** Arial (Liberation Sans in LibreOffice) has the same metrics everywhere, unlike Calibri. */
const FONT = { name: 'Arial', size: 10, family: 2 } as const;
const LINE_HEIGHT = 12.75;
/** Characters of Arial 10 text per unit of column width (the width of a digit of the default font). */
const CHARS_PER_WIDTH = 1.2;
const LINK_COLOR = 'FF0563C1';

interface Layout {
  sheet: SheetDeclaration;
  rows: unknown[];
  letters: Map<string, string>;
  firstRow: number;
  /** At least firstRow, as a table needs a data row. */
  lastRow: number;
  totalRow?: number;
}

interface Cell {
  value: ExcelJS.CellValue;
  type: ValueType;
  /** The text a reader sees, for fitting widths and heights. */
  shown: string;
  /** The numeric value (or cached result), for totals. */
  number?: number;
  link?: boolean;
}

const EMPTY: Cell = { value: null, type: 'text', shown: '' };

export async function renderWorkbook(model: ReportModel, declaration: WorkbookDeclaration, options: WorkbookOptions): Promise<Uint8Array> {
  const writer = new Writer(model, declaration, options);
  return writer.write();
}

class Writer {
  private readonly compile: ReturnType<typeof templateCompiler>;
  private readonly layouts = new Map<string, Layout>();

  constructor(
    private readonly model: ReportModel,
    private readonly declaration: WorkbookDeclaration,
    private readonly options: WorkbookOptions,
  ) {
    this.compile = templateCompiler(options.formatter);
    // Every sheet's rows are placed before any is written: formulas refer across sheets.
    for (const sheet of declaration.sheets) {
      const rows = sheetRows(model, sheet);
      if (!rows) throw new ReportError('render', `sheet "${sheet.name}": "${String(sheet.rows)}" is not a list in the model`);
      const hasTotal = sheet.columns.some((c) => c.total !== 'none');
      const lastRow = 1 + Math.max(1, rows.length);
      this.layouts.set(sheet.name.toLowerCase(), {
        sheet,
        rows,
        letters: new Map(sheet.columns.map((c, j) => [c.header.toLowerCase(), columnLetter(j + 1)])),
        firstRow: 2,
        lastRow,
        ...(hasTotal ? { totalRow: lastRow + 1 } : {}),
      });
    }
  }

  async write(): Promise<Uint8Array> {
    const { declaration: d, options } = this;
    const wb = new ExcelJS.Workbook();
    const title = this.text(d.properties.title);
    wb.title = title;
    wb.subject = this.text(d.properties.subject);
    wb.creator = wb.lastModifiedBy = this.text(d.properties.creator);
    wb.company = this.text(d.properties.company);
    wb.keywords = d.properties.keywords.map((k) => this.text(k)).join(', ');
    wb.created = wb.modified = options.created;
    const header = `&L${title.replace(/&/g, '&&')}`;

    const summary = addSheet(wb, d.summary.name);
    this.writeSummary(summary);
    finishSheet(summary, { header, footer: d.footer });
    for (const layout of this.layouts.values()) {
      const ws = addSheet(wb, layout.sheet.name);
      this.writeTable(ws, layout);
      finishSheet(ws, { header, footer: d.footer, orientation: layout.sheet.orientation });
    }
    const zip = new Uint8Array(await wb.xlsx.writeBuffer());
    return pinZipDates(zip, options.created);
  }

  private writeSummary(ws: ExcelJS.Worksheet): void {
    const { headers, figures } = this.declaration.summary;
    const rows = figures.map((f) => [
      this.textCell(this.text(f.label), 'summary label'),
      this.valueCell(f, this.model, undefined, undefined),
      f.sheet === undefined ? EMPTY : this.sheetLink(f.sheet),
      f.note === undefined ? EMPTY : this.textCell(this.text(f.note), 'summary note'),
    ]);
    ws.addRow([headers.figure, headers.value, headers.sheet, headers.note]);
    rows.forEach((r) => ws.addRow(r.map((c) => c.value)));
    layOut(ws, { headers: [headers.figure, headers.value, headers.sheet, headers.note], rows, widths: [], wraps: [], filterButtons: false }, this.options.formatter);
  }

  private writeTable(ws: ExcelJS.Worksheet, layout: Layout): void {
    const { sheet, rows } = layout;
    const headers = sheet.columns.map((c) => c.header);
    // A table needs a data row: an empty one stands in when there are none.
    const cells = rows.length > 0 ? rows.map((row, i) => sheet.columns.map((c) => this.valueCell(c, row, layout, layout.firstRow + i))) : [headers.map(() => EMPTY)];
    ws.addTable({
      name: tableName(sheet.name, this.declaration),
      ref: 'A1',
      headerRow: true,
      totalsRow: false,
      style: { theme: 'TableStyleLight1', showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows: cells.map((r) => r.map((c) => c.value)),
    });
    sheet.columns.forEach((c, j) => {
      if (c.note) ws.getCell(1, j + 1).note = this.text(c.note);
    });
    const total = layout.totalRow === undefined ? undefined : sheet.columns.map((c, j) => this.totalCell(c, j, cells, layout));
    if (total) ws.getRow(layout.totalRow!).values = total.map((c) => c.value);
    layOut(ws, { headers, rows: cells, total, widths: sheet.columns.map((c) => c.width), wraps: sheet.columns.map((c) => c.wrap), filterButtons: true }, this.options.formatter);
  }

  private totalCell(column: ColumnDeclaration, j: number, cells: Cell[][], layout: Layout): Cell {
    if (column.total === 'label') return this.textCell(this.text(layout.sheet.totalLabel!), 'total label');
    if (column.total === 'none') return EMPTY;
    const letter = columnLetter(j + 1);
    const sum = cells.reduce((s, r) => s + (r[j]!.number ?? 0), 0);
    return {
      value: { formula: `SUM(${letter}${layout.firstRow}:${letter}${layout.lastRow})`, result: sum },
      type: column.type,
      shown: shownNumber(sum, column.type, this.options.formatter),
      number: sum,
    };
  }

  /** A column's cell in one row, or a summary figure (no layout). */
  private valueCell(spec: ColumnDeclaration | FigureDeclaration, context: unknown, layout: Layout | undefined, row: number | undefined): Cell {
    const raw = spec.text !== undefined ? this.compile(spec.text)(context, this.model) : resolvePath(context, spec.field!);
    const where = layout ? `sheet "${layout.sheet.name}", row ${row}` : 'summary';
    if (raw === undefined || raw === null) return EMPTY;
    if ('link' in spec && spec.link === 'sheet') return this.sheetLink(String(raw));
    if ('link' in spec && spec.link === 'url') return urlLink(String(raw), where);
    const cell = this.typedCell(raw, spec.type, where);
    if (!spec.formula) return cell;
    return { ...cell, value: { formula: this.formula(spec.formula, layout, row), result: cell.value as number | string | Date } };
  }

  private typedCell(raw: unknown, type: ValueType, where: string): Cell {
    const { formatter } = this.options;
    if (NUMERIC_TYPES.has(type)) {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) throw new ReportError('render', `${where}: ${String(raw)} is not a number`);
      return { value: raw, type, shown: shownNumber(raw, type, formatter), number: raw };
    }
    if (type === 'date') {
      const date = new Date(`${String(raw)}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) throw new ReportError('render', `${where}: ${String(raw)} is not an ISO date`);
      return { value: date, type, shown: formatter.date(String(raw)) };
    }
    return this.textCell(String(raw), where);
  }

  private textCell(text: string, where: string): Cell {
    return { value: cellText(text, where), type: 'text', shown: text };
  }

  private sheetLink(name: string): Cell {
    // A HYPERLINK formula: ExcelJS writes internal links as broken external
    // ones that LibreOffice cannot follow; the formula works in both.
    const target = `#${quoteSheet(name)}!A1`;
    return { value: { formula: `HYPERLINK(${formulaString(target)},${formulaString(name)})`, result: name }, type: 'text', shown: name, link: true };
  }

  private formula(formula: string, own: Layout | undefined, row: number | undefined): string {
    const parts = parseFormula(formula);
    if (typeof parts === 'string') throw new ReportError('render', `formula ${formula}: ${parts}`);
    const expanded = parts.map((p) => ('text' in p ? p.text : 'row' in p ? String(row) : this.reference(p.ref, own, row))).join('');
    return expanded.replace(/^=/, '');
  }

  private reference(ref: ColumnRef, own: Layout | undefined, row: number | undefined): string {
    const layout = ref.sheet === undefined ? own : this.layouts.get(ref.sheet.toLowerCase());
    const letter = layout?.letters.get(ref.header.toLowerCase());
    if (!layout || !letter) throw new ReportError('render', `no column "${ref.header}" in sheet "${ref.sheet ?? own?.sheet.name ?? ''}"`);
    const prefix = ref.sheet === undefined ? '' : `${quoteSheet(layout.sheet.name)}!`;
    if (ref.part === 'row') return `${letter}${row}`;
    if (ref.part === 'total') return `${prefix}${letter}$${layout.totalRow}`;
    return `${prefix}$${letter}$${layout.firstRow}:$${letter}$${layout.lastRow}`;
  }

  private text(source: string): string {
    return this.compile(source)(this.model, this.model);
  }
}

// ---------------------------------------------------------------------------
// Cells

const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text as a workbook stores it. Validation already forbids control characters
 * and long text, so a failure here is a bug upstream, reported rather than
 * written as a corrupt file or silently dropped (ExcelJS strips DEL and C1
 * controls). Strings are always shared strings, never formulas, so a leading
 * = + - @ stays text.
 */
function cellText(text: string, where: string): string {
  if (XML_ILLEGAL.test(text)) throw new ReportError('render', `${where}: the text holds a character a workbook cannot store`);
  // XML turns CR LF into LF on reading; say so explicitly.
  const normal = text.replace(/\r\n?/g, '\n');
  if (normal.length > MAX_CELL_TEXT) throw new ReportError('render', `${where}: ${normal.length} characters, more than a cell holds (${MAX_CELL_TEXT})`);
  // Readers decode _xHHHH_ as a character code (SheetJS _XHHHH_ too): escaping
  // every underscore that starts one keeps it literal, also where two share one
  // (_x005F_x0041_).
  return normal.replace(/_(?=x[0-9a-f]{4}_)/gi, '_x005F_');
}

function urlLink(url: string, where: string): Cell {
  if (!isAllowedLink(url)) throw new ReportError('render', `${where}: links may only go to https: or mailto: addresses, not ${url}`);
  return { value: { formula: `HYPERLINK(${formulaString(url)},${formulaString(url)})`, result: url }, type: 'text', shown: url, link: true };
}

/** An Excel string literal; formulas limit them to 255 characters. */
function formulaString(text: string): string {
  if (text.length > 255 || XML_ILLEGAL.test(text)) throw new ReportError('render', `cannot put ${JSON.stringify(text.slice(0, 60))} into a formula`);
  return `"${text.replace(/"/g, '""')}"`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function shownNumber(n: number, type: ValueType, f: Formatter): string {
  return type === 'money' ? f.money(n) : type === 'percent' ? f.percent(n) : type === 'year' ? String(n) : f.number(n);
}

// ---------------------------------------------------------------------------
// Sheets

/** Excel's rules; ExcelJS would only truncate a long name, silently. */
function addSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  if (name.length < 1 || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
    throw new ReportError('render', `"${name}" cannot name a sheet: at most 31 characters, none of : \\ / ? * [ ], no apostrophe at either end`);
  }
  return wb.addWorksheet(name);
}

interface Grid {
  headers: string[];
  rows: Cell[][];
  total?: Cell[] | undefined;
  /** Declared widths and wraps; the rest is fitted to the content. */
  widths: (number | undefined)[];
  wraps: (boolean | undefined)[];
  filterButtons: boolean;
}

/** Styles, widths and heights of a sheet whose values are written: header row 1, then rows, then the total. */
function layOut(ws: ExcelJS.Worksheet, grid: Grid, formatter: Formatter): void {
  const all = [...grid.rows, ...(grid.total ? [grid.total] : [])];
  const columns = grid.headers.map((header, j) => {
    const cells = all.map((r) => r[j]!);
    const fitted = Math.max(header.length + (grid.filterButtons ? 3 : 1), ...cells.map((c) => longestLine(c.shown) + 1));
    const width = grid.widths[j] ?? Math.min(WIDTH.max, Math.max(WIDTH.min, fitted));
    // Numbers and dates line up on the right, and so do their headers.
    const numeric = cells.some((c) => c.value !== null) && cells.every((c) => c.value === null || (c.type !== 'text' && !c.link));
    return { width, wrap: grid.wraps[j] ?? fitted > width, numeric };
  });
  // ExcelJS writes no <col> for a width of 9, its idea of the default: make it the sheet's default.
  ws.properties.defaultColWidth = 9;
  columns.forEach((c, j) => (ws.getColumn(j + 1).width = c.width));

  const header = ws.getRow(1);
  grid.headers.forEach((_, j) => {
    const cell = header.getCell(j + 1);
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'top', wrapText: true, ...(columns[j]!.numeric ? { horizontal: 'right' } : {}) };
  });
  header.height = rowHeight(grid.headers.map((text, j) => lineCount(text, columns[j]!.width)));

  all.forEach((cells, i) => {
    const row = ws.getRow(2 + i);
    const isTotal = grid.total !== undefined && i === all.length - 1;
    cells.forEach((c, j) => {
      const cell = row.getCell(j + 1);
      const format = c.link ? undefined : NUMBER_FORMATS[c.type]?.(formatter);
      if (format) cell.numFmt = format;
      cell.alignment = { vertical: 'top', wrapText: columns[j]!.wrap };
      cell.font = c.link ? { ...FONT, color: { argb: LINK_COLOR }, underline: true } : { ...FONT, bold: isTotal };
      if (isTotal) cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } };
    });
    row.height = rowHeight(cells.map((c, j) => (columns[j]!.wrap ? lineCount(c.shown, columns[j]!.width) : 1)));
  });
}

const NUMBER_FORMATS: Partial<Record<ValueType, (f: Formatter) => string>> = {
  integer: (f) => f.excel.number,
  year: () => '0',
  money: (f) => f.excel.money,
  percent: (f) => f.excel.percent,
  date: (f) => f.excel.date,
};

/**
 * Neither Excel nor LibreOffice fits row heights to wrapped text on opening a
 * file, so heights are estimated: greedy word wrap at the column's width.
 */
function lineCount(text: string, width: number): number {
  const capacity = Math.max(1, Math.floor(width * CHARS_PER_WIDTH) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const length = word.length + (used > 0 ? 1 : 0);
      if (used > 0 && used + length > capacity) {
        lines += Math.ceil(word.length / capacity);
        used = word.length % capacity;
      } else used += length;
    }
  }
  return lines;
}

function rowHeight(lines: readonly number[]): number {
  return Math.max(1, ...lines) * LINE_HEIGHT + 2;
}

function finishSheet(ws: ExcelJS.Worksheet, page: { header: string; footer: string; orientation?: 'portrait' | 'landscape' | undefined }): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  const width = ws.columns.reduce((sum, c) => sum + (c.width ?? 9), 0);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: page.orientation ?? (width > PORTRAIT_WIDTH ? 'landscape' : 'portrait'),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
    margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: page.header, oddFooter: page.footer };
}

/** A table name from the sheet name (Partner regions -> PartnerRegions), unique and never a cell reference. */
function tableName(sheet: string, declaration: WorkbookDeclaration): string {
  let name = identifier(sheet);
  if (!/^[A-Za-z_]/.test(name) || /^([A-Za-z]{1,3}\d+|[RrCc]\d*([RrCc]\d*)?)$/.test(name)) name = `Table_${name}`;
  const index = declaration.sheets.findIndex((s) => s.name === sheet);
  const clash = declaration.sheets.slice(0, index).some((s) => identifier(s.name).toLowerCase() === name.toLowerCase());
  return clash ? `${name}_${index + 1}` : name;
}

function identifier(text: string): string {
  return text
    .split(/[^A-Za-z0-9_]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function longestLine(text: string): number {
  return Math.max(0, ...text.split('\n').map((line) => line.length));
}

// ---------------------------------------------------------------------------
// Reproducible bytes

/**
 * JSZip (inside ExcelJS) stamps the wall clock into every zip entry. Rewrites
 * the DOS date and time of each local header and central-directory record.
 */
function pinZipDates(zip: Uint8Array, date: Date): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const year = Math.min(2107, Math.max(1980, date.getUTCFullYear()));
  const dosDate = ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);

  const eocd = lastIndexOfSignature(view, 0x06054b50);
  if (eocd < 0) throw new ReportError('render', 'the workbook is not a zip archive');
  const entries = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new ReportError('render', 'unexpected zip central directory');
    view.setUint16(at + 12, dosTime, true);
    view.setUint16(at + 14, dosDate, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new ReportError('render', 'unexpected zip local header');
    view.setUint16(local + 10, dosTime, true);
    view.setUint16(local + 12, dosDate, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function lastIndexOfSignature(view: DataView, signature: number): number {
  for (let i = view.byteLength - 22; i >= 0; i--) if (view.getUint32(i, true) === signature) return i;
  return -1;
}
