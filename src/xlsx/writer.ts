// The one workbook writer: lays out a checked WorkbookDeclaration over the
// model with ExcelJS. Numbers stay numbers with the locale layer's Excel
// formats; formulas carry the model's figures as cached results; every data
// sheet is an Excel table (which brings its own filter buttons); declared
// charts are added to the package afterwards (src/xlsx/). The output is
// byte-reproducible: no clock, no randomness.
import ExcelJS from 'exceljs';
import { ReportError } from '../errors.ts';
import type { ReportModel } from '../model/types.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';
import type { PlacedChart } from './drawings.ts';
import { finishPackage } from './package.ts';
import { MARGINS, printableHeight, printLayout, type Orientation } from './print-setup.ts';
import { placeChart } from './sheet-chart.ts';
import { tableNames } from './table-names.ts';
import { fittedWidth, lineCount } from './text-metrics.ts';
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
  /** The catalogue of the workbook's language, for labels. */
  messages: Messages;
  /** Creation and modification date of the document, from the data, never the clock. */
  created: Date;
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32_767;
const WIDTH = { min: 8, max: 50 };
/** ExcelJS writes no <col> for a width of 9, its idea of the default: it is made the sheets' default. */
const DEFAULT_WIDTH = 9;
/** Room for a header's filter button, in characters. */
const FILTER_BUTTON = 3;
const HEADER_FILL = 'FF1F3864';
/** Arial (Liberation Sans in LibreOffice) has the same metrics everywhere, unlike Calibri. */
const FONT = { name: 'Arial', size: 10, family: 2 } as const;
/** Excel's line of Arial 10, and the room above and below the text. */
const LINE_HEIGHT = 12.75;
const ROW_PADDING = 2;
const LINK_COLOR = 'FF0563C1';

interface Layout {
  sheet: SheetDeclaration;
  tableName: string;
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
    const names = tableNames(declaration.sheets.map((s) => s.name));
    // Every sheet's rows are placed before any is written: formulas refer across sheets.
    for (const [i, sheet] of declaration.sheets.entries()) {
      const rows = sheetRows(model, sheet);
      if (!rows) throw new ReportError('render', `sheet "${sheet.name}": "${String(sheet.rows)}" is not a list in the model`);
      const hasTotal = sheet.columns.some((c) => c.total !== 'none');
      const lastRow = 1 + Math.max(1, rows.length);
      this.layouts.set(sheet.name.toLowerCase(), {
        sheet,
        tableName: names[i]!,
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
    finishSheet(summary, this.writeSummary(summary), { header, footer: d.footer });
    const charts: PlacedChart[] = [];
    for (const layout of this.layouts.values()) {
      const ws = addSheet(wb, layout.sheet.name);
      const laidOut = this.writeTable(ws, layout);
      const print = finishSheet(ws, laidOut, { header, footer: d.footer, orientation: layout.sheet.orientation });
      if (layout.sheet.chart) charts.push(this.chart(ws, layout, laidOut, print));
    }
    // Stored, not compressed: the package step compresses each part once, as it writes the archive again.
    const zip = new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
    return pinZipDates(await finishPackage(zip, {
      author: wb.creator,
      font: FONT,
      formats16: options.formatter.excel.date16 ? { [options.formatter.excel.date]: options.formatter.excel.date16 } : {},
      charts,
    }), options.created);
  }

  private chart(ws: ExcelJS.Worksheet, layout: Layout, laidOut: LaidOut, print: PrintSetup): PlacedChart {
    const chart = layout.sheet.chart!;
    const { formatter } = this.options;
    const index = (header: string) => layout.sheet.columns.findIndex((c) => c.header.toLowerCase() === header.toLowerCase());
    const dataCells = laidOut.cells.slice(0, layout.rows.length);
    const values = chart.values.map((header) => {
      const j = index(header);
      const column = layout.sheet.columns[j]!;
      return { index: j, header: column.header, numbers: dataCells.map((r) => r[j]!.number), format: NUMBER_FORMATS[column.type]!(formatter) };
    });
    const money = values.every((v) => layout.sheet.columns[v.index]!.type === 'money');
    return placeChart(
      {
        sheetName: layout.sheet.name,
        // ExcelJS names each sheet's part by its id.
        sheetPart: `xl/worksheets/sheet${ws.id}.xml`,
        letters: layout.sheet.columns.map((_, j) => columnLetter(j + 1)),
        widths: laidOut.widths,
        heights: laidOut.heights,
        defaults: { width: DEFAULT_WIDTH, height: LINE_HEIGHT },
        firstRow: layout.firstRow,
        lastRow: layout.lastRow,
      },
      {
        title: this.text(chart.title),
        categoryAxis: this.text(chart.categoryAxis),
        valueAxis: this.text(chart.valueAxis),
        valueAxisFormat: money ? formatter.excel.compactMoney : values[0]!.format,
        stacked: chart.stacked ?? false,
        language: formatter.tag,
        categories: { index: index(chart.categories), texts: dataCells.map((r) => r[index(chart.categories)]!.shown) },
        values,
        maxHeight: print.pageHeight,
      },
    );
  }

  private writeSummary(ws: ExcelJS.Worksheet): LaidOut {
    const { headers, figures } = this.declaration.summary;
    const rows = figures.map((f) => [
      this.textCell(this.text(f.label), 'summary label'),
      this.valueCell(f, this.model, undefined, undefined),
      f.sheet === undefined ? EMPTY : this.sheetLink(f.sheet),
      f.note === undefined ? EMPTY : this.textCell(this.text(f.note), 'summary note'),
    ]);
    ws.addRow([headers.figure, headers.value, headers.sheet, headers.note]);
    rows.forEach((r) => ws.addRow(r.map((c) => c.value)));
    return layOut(ws, { headers: [headers.figure, headers.value, headers.sheet, headers.note], rows, widths: [], wraps: [], filterButtons: false }, this.options.formatter);
  }

  private writeTable(ws: ExcelJS.Worksheet, layout: Layout): LaidOut {
    const { sheet, rows } = layout;
    const headers = sheet.columns.map((c) => c.header);
    // A table needs a data row: an empty one stands in when there are none.
    const cells = rows.length > 0 ? rows.map((row, i) => sheet.columns.map((c) => this.valueCell(c, row, layout, layout.firstRow + i))) : [headers.map(() => EMPTY)];
    ws.addTable({
      name: layout.tableName,
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
    return layOut(ws, { headers, rows: cells, total, widths: sheet.columns.map((c) => c.width), wraps: sheet.columns.map((c) => c.wrap), filterButtons: true }, this.options.formatter);
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
    // A blank cell, not an empty string (which COUNTA would count).
    if (raw === undefined || raw === null || raw === '') return EMPTY;
    if ('labels' in spec && spec.labels !== undefined) return this.textCell(this.label(`${spec.labels}.${String(raw)}`), where);
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
    const expanded = parts.map((p) => ('text' in p ? p.text : 'row' in p ? String(row) : 'label' in p ? criterion(this.label(p.label)) : this.reference(p.ref, own, row))).join('');
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

  private label(key: string): string {
    const label = this.options.messages.text(key);
    if (label === undefined) throw new ReportError('render', `no message "${key}" in the ${this.options.messages.locale} catalogue`);
    return label;
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

/** A COUNTIF criterion that matches exactly `label`: no wildcards, no leading comparison. */
function criterion(label: string): string {
  if (/[*?~]|^[=<>]/.test(label)) throw new ReportError('render', `the label ${JSON.stringify(label)} cannot be counted: COUNTIF reads * ? ~ and a leading = < > as patterns`);
  return formulaString(label);
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

/** A sheet as laid out: its cells below the header row, column widths (characters) and row heights (points), header row first. */
interface LaidOut {
  cells: Cell[][];
  widths: number[];
  heights: number[];
}

/** Styles, widths and heights of a sheet whose values are written: header row 1, then rows, then the total. */
function layOut(ws: ExcelJS.Worksheet, grid: Grid, formatter: Formatter): LaidOut {
  const all = [...grid.rows, ...(grid.total ? [grid.total] : [])];
  const button = grid.filterButtons ? FILTER_BUTTON : 0;
  const columns = grid.headers.map((header, j) => {
    const cells = all.map((r) => r[j]!);
    const content = Math.max(0, ...cells.map((c) => fittedWidth(c.shown)));
    // A header may wrap onto two lines, but no word of it breaks.
    const words = Math.max(...header.split(' ').map((w) => fittedWidth(w, { bold: true })));
    const fitted = Math.max(content, words + button, Math.ceil(fittedWidth(header, { bold: true }) / 2) + button);
    const width = grid.widths[j] ?? Math.min(WIDTH.max, Math.max(WIDTH.min, fitted));
    // Numbers and dates line up on the right, and so do their headers.
    const numeric = cells.some((c) => c.value !== null) && cells.every((c) => c.value === null || (c.type !== 'text' && !c.link));
    return { width, wrap: grid.wraps[j] ?? (content > width || cells.some((c) => c.shown.includes('\n'))), numeric };
  });
  ws.properties.defaultColWidth = DEFAULT_WIDTH;
  ws.properties.defaultRowHeight = LINE_HEIGHT;
  columns.forEach((c, j) => (ws.getColumn(j + 1).width = c.width));

  const header = ws.getRow(1);
  grid.headers.forEach((_, j) => {
    const cell = header.getCell(j + 1);
    cell.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    // A white rule between headers, which would otherwise run together on the dark fill.
    cell.border = { right: { style: 'thin', color: { argb: 'FFFFFFFF' } } };
    cell.alignment = { vertical: 'top', wrapText: true, ...(columns[j]!.numeric ? { horizontal: 'right' } : {}) };
  });
  header.height = rowHeight(grid.headers.map((text, j) => lineCount(text, columns[j]!.width - button, { bold: true })));
  const heights = [header.height];

  // Cells alike share one style object: ExcelJS turns each style object into
  // XML to find its id, and remembers the id by object.
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  all.forEach((cells, i) => {
    const row = ws.getRow(2 + i);
    const isTotal = grid.total !== undefined && i === all.length - 1;
    cells.forEach((c, j) => {
      const format = c.link ? undefined : NUMBER_FORMATS[c.type]?.(formatter);
      const wrap = columns[j]!.wrap;
      const key = `${format}|${wrap}|${c.link === true}|${isTotal}|${valueKind(c.value)}`;
      let style = styles.get(key);
      if (!style) {
        style = {
          ...(format ? { numFmt: format } : {}),
          alignment: { vertical: 'top', wrapText: wrap },
          font: c.link ? { ...FONT, color: { argb: LINK_COLOR }, underline: true } : { ...FONT, bold: isTotal },
          ...(isTotal ? { border: { top: { style: 'thin' }, bottom: { style: 'double' } } } : {}),
        };
        styles.set(key, style);
      }
      row.getCell(j + 1).style = style;
    });
    row.height = rowHeight(cells.map((c, j) => (columns[j]!.wrap ? lineCount(c.shown, columns[j]!.width, { bold: isTotal }) : 1)));
    heights.push(row.height);
  });
  return { cells: all, widths: columns.map((c) => c.width), heights };
}

/**
 * The type ExcelJS sees in a cell's value (a formula's by its result): without
 * a number format it gives numbers and blanks General and dates its own, so a
 * style object serves only cells of one such type.
 */
function valueKind(value: ExcelJS.CellValue): string {
  const v = value !== null && typeof value === 'object' && 'formula' in value ? value.result : value;
  return v === null || v === undefined ? 'blank' : v instanceof Date ? 'date' : typeof v;
}

const NUMBER_FORMATS: Partial<Record<ValueType, (f: Formatter) => string>> = {
  integer: (f) => f.excel.number,
  year: () => '0',
  money: (f) => f.excel.money,
  percent: (f) => f.excel.percent,
  date: (f) => f.excel.date,
};

function rowHeight(lines: readonly number[]): number {
  return Math.max(1, ...lines) * LINE_HEIGHT + ROW_PADDING;
}

interface PrintSetup {
  /** The room below the header row on a printed page, in the sheet's points (before scaling). */
  pageHeight: number;
}

/**
 * A4 in the orientation the width calls for, scaled to the page width only as
 * far as the text stays legible (print-setup.ts); the header row repeats on
 * every page, and the first column too where the table spans pages side by side.
 */
function finishSheet(ws: ExcelJS.Worksheet, laidOut: LaidOut, page: { header: string; footer: string; orientation?: Orientation | undefined }): PrintSetup {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  const print = printLayout(laidOut.widths, page.orientation);
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: print.orientation,
    scale: print.scale,
    printTitlesRow: '1:1',
    // Pages side by side print in pairs: the left and right halves of the same rows.
    ...(print.repeatFirstColumn ? { printTitlesColumn: 'A:A', pageOrder: 'overThenDown' as const } : {}),
    margins: { left: MARGINS.side, right: MARGINS.side, top: MARGINS.end, bottom: MARGINS.end, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddHeader: page.header, oddFooter: page.footer };
  return { pageHeight: (printableHeight(print.orientation) * 100) / print.scale - laidOut.heights[0]! };
}

function columnLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
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
