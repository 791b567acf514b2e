// A workbook declaration (templates/workbooks/*.yaml) -> a checked
// WorkbookDeclaration. The schema (templates/schemas/workbook.schema.json)
// says what a declaration may hold; this module checks what only the model can
// answer: do the paths exist, do the templates compile and render for every
// row, do formulas name real columns. The writer then never meets a
// declaration it cannot lay out, and every mistake points at its line.
import Handlebars from 'handlebars';
import { ReportError, type Position } from '../errors.ts';
import { positionOf } from '../load/positions.ts';
import type { YamlFile } from '../load/yaml-file.ts';
import type { ReportModel } from '../model/types.ts';
import { describe } from '../validate/schema-errors.ts';
import { didYouMean } from '../validate/suggest.ts';
import { loadYamlWithSchema } from '../validate/yaml-schema.ts';
import { checkCalls } from '../handlebars/checks.ts';
import { BUILT_IN_HELPERS, FORMAT_HELPERS, registerFormatHelpers } from '../handlebars/helpers.ts';
import type { Formatter } from '../i18n/format.ts';
import type { Messages } from '../i18n/messages.ts';

export type ValueType = 'text' | 'integer' | 'year' | 'money' | 'percent' | 'date';

interface ValueSource {
  /** Dotted path into the row (columns) or the model (figures). */
  field?: string;
  /** Handlebars template over the row (columns) or the model (figures); `@model` is the model. */
  text?: string;
  /** Excel formula with placeholders (see parseFormula); `field` is its cached result. */
  formula?: string;
  type: ValueType;
}

export interface FigureDeclaration extends ValueSource {
  label: string;
  /** The sheet the figure comes from, linked from the summary. */
  sheet?: string;
  note?: string;
}

export interface ColumnDeclaration extends ValueSource {
  header: string;
  link?: 'sheet' | 'url';
  width?: number;
  wrap?: boolean;
  total: 'sum' | 'none' | 'label';
  /** A comment on the header cell. */
  note?: string;
  /** A group of the message catalogue: the cell shows the message `<labels>.<value>` instead of the value. */
  labels?: string;
}

/** A bar chart beside the sheet's table: one bar per row, one series per value column. */
export interface ChartDeclaration {
  title: string;
  /** The header of the column that names the bars. */
  categories: string;
  /** The headers of the numeric columns drawn as bars. */
  values: string[];
  categoryAxis: string;
  valueAxis: string;
  /** The series' bars one on top of the other rather than side by side. */
  stacked?: boolean;
}

export interface SheetDeclaration {
  name: string;
  /** A dotted path to a model collection, or the rows themselves. */
  rows: string | Record<string, string>[];
  columns: ColumnDeclaration[];
  totalLabel?: string;
  orientation?: 'portrait' | 'landscape';
  chart?: ChartDeclaration;
}

export interface SummaryDeclaration {
  name: string;
  headers: { figure: string; value: string; sheet: string; note: string };
  figures: FigureDeclaration[];
}

export interface WorkbookDeclaration {
  /** The declaration's path as shown to the user. */
  file: string;
  properties: { title: string; subject: string; creator: string; company: string; keywords: string[] };
  footer: string;
  summary: SummaryDeclaration;
  sheets: SheetDeclaration[];
}

export type DeclarationResult =
  /** `at`: where a part of the declaration is written, by JSON pointer. */
  | { ok: true; declaration: WorkbookDeclaration; at: (pointer: string) => Position; sources: Map<string, string> }
  | { ok: false; errors: ReportError[]; sources: Map<string, string> };

export const NUMERIC_TYPES: ReadonlySet<ValueType> = new Set(['integer', 'year', 'money', 'percent']);

export async function loadWorkbookDeclaration(options: {
  path: string;
  /** Where the declaration is named (its catalogue line). */
  at?: Position;
  schemaPath: string;
  cwd: string;
  model: ReportModel;
  formatter: Formatter;
  messages: Messages;
}): Promise<DeclarationResult> {
  const checked = await loadYamlWithSchema(options.path, options.schemaPath, options.cwd, options.at);
  if (!checked.ok) return checked;
  const declaration = withDefaults(checked.file);
  const errors = new DeclarationChecker(checked.file, declaration, options.model, options.formatter, options.messages).check();
  return errors.length > 0
    ? { ok: false, errors, sources: new Map([[checked.file.file, checked.file.text]]) }
    : { ok: true, declaration, at: (pointer) => positionOf(checked.file, pointer), sources: new Map([[checked.file.file, checked.file.text]]) };
}

function withDefaults(file: YamlFile): WorkbookDeclaration {
  const raw = file.value as Omit<WorkbookDeclaration, 'file'>;
  const value = <T extends { type?: ValueType }>(v: T) => ({ ...v, type: v.type ?? 'text' });
  return {
    ...raw,
    file: file.file,
    summary: { ...raw.summary, figures: raw.summary.figures.map(value) },
    sheets: raw.sheets.map((s) => ({ ...s, columns: s.columns.map((c) => ({ ...value(c), total: c.total ?? 'none' })) })),
  };
}

// ---------------------------------------------------------------------------
// Templates, paths and formulas: the declaration language, shared with the writer.

export type Template = (context: unknown, model: ReportModel) => string;

const CELL_HELPERS: readonly string[] = [...FORMAT_HELPERS, ...BUILT_IN_HELPERS];

const TEMPLATE_OPTIONS = {
  strict: true,
  // Cells are not HTML: escaping would put &amp; into them.
  noEscape: true,
  knownHelpersOnly: true,
  knownHelpers: { ...Object.fromEntries(FORMAT_HELPERS.map((h) => [h, true])), log: false },
};

/** A compiler of cell templates: a fresh Handlebars with the briefs' formatting helpers only. */
export function templateCompiler(formatter: Formatter): (source: string) => Template {
  const hb = Handlebars.create();
  hb.unregisterHelper('log');
  registerFormatHelpers(hb, formatter);
  const compiled = new Map<string, Template>();
  return (source) => {
    let template = compiled.get(source);
    if (!template) {
      const where = { file: '', line: 1, column: 1 };
      // Raises mistakes now, in the briefs' words; compile() would defer them to the first call.
      const ast = hb.parse(source);
      checkCalls(ast, where, { helpers: CELL_HELPERS });
      const fn = hb.compile(source, TEMPLATE_OPTIONS);
      template = (context, model) => fn(context, { data: { model } });
      compiled.set(source, template);
    }
    return template;
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Links in a workbook may go to https: and mailto: addresses only: never javascript:, file: or plain http:. */
export function isAllowedLink(url: string): boolean {
  return /^(https:\/\/|mailto:)/i.test(url);
}

/** Own properties and array indices only, so a path never reaches a prototype. */
export function resolvePath(root: unknown, path: string): unknown {
  let value = root;
  for (const key of path.split('.')) {
    if (Array.isArray(value)) value = key === 'length' ? value.length : /^\d+$/.test(key) ? value[Number(key)] : undefined;
    else if (value !== null && typeof value === 'object' && Object.hasOwn(value, key)) value = (value as Record<string, unknown>)[key];
    else return undefined;
  }
  return value;
}

export function sheetRows(model: ReportModel, sheet: SheetDeclaration): unknown[] | undefined {
  if (typeof sheet.rows !== 'string') return sheet.rows;
  const rows = resolvePath(model, sheet.rows);
  return Array.isArray(rows) ? rows : undefined;
}

/** `{Sheet!Header:part}`; without a sheet, the formula's own sheet. */
export interface ColumnRef {
  sheet?: string;
  header: string;
  /** row: this row's cell; data: the column's data cells; total: its total cell. */
  part: 'row' | 'data' | 'total';
}

export type FormulaPart = { text: string } | { row: true } | { ref: ColumnRef } | { label: string };

/**
 * Splits a formula at its placeholders: {row} is the row's number, {Header}
 * the row's cell of that column, {Header:data} and {Header:total} the column's
 * data cells and total cell; {Sheet!Header:data} names another sheet's column;
 * {@group.key} is a message of the catalogue as a criterion (COUNTIF) that
 * matches exactly that label. Returns a message for braces that do not pair up.
 */
export function parseFormula(formula: string): FormulaPart[] | string {
  const parts: FormulaPart[] = [];
  let last = 0;
  for (const match of formula.matchAll(/\{([^{}]*)\}/g)) {
    parts.push({ text: formula.slice(last, match.index) });
    last = match.index + match[0].length;
    const inner = match[1]!;
    if (inner === 'row') {
      parts.push({ row: true });
      continue;
    }
    if (inner.startsWith('@')) {
      parts.push({ label: inner.slice(1) });
      continue;
    }
    const [, sheet, header, part] = /^(?:([^!]+)!)?(.*?)(?::(data|total))?$/.exec(inner)!;
    parts.push({ ref: { ...(sheet === undefined ? {} : { sheet }), header: header!, part: (part as 'data' | 'total' | undefined) ?? 'row' } });
  }
  parts.push({ text: formula.slice(last) });
  const stray = parts.some((p) => 'text' in p && /[{}]/.test(p.text));
  return stray ? 'a { or } does not pair up; placeholders look like {row}, {Header}, {Header:data}, {Sheet!Header:total} or {@group.key}' : parts;
}

/** The formula with its placeholders renamed; the text between them is kept as written. */
export function renameFormula(formula: string, rename: (ref: ColumnRef) => ColumnRef): string {
  const parts = parseFormula(formula);
  if (typeof parts === 'string') return formula;
  return parts.map((p) => ('text' in p ? p.text : 'row' in p ? '{row}' : 'label' in p ? `{@${p.label}}` : placeholder(rename(p.ref)))).join('');
}

function placeholder(ref: ColumnRef): string {
  return `{${ref.sheet === undefined ? '' : `${ref.sheet}!`}${ref.header}${ref.part === 'row' ? '' : `:${ref.part}`}}`;
}

function findColumn(sheet: SheetDeclaration, header: string): ColumnDeclaration | undefined {
  return sheet.columns.find((c) => c.header.toLowerCase() === header.toLowerCase());
}

function findSheet(declaration: WorkbookDeclaration, name: string): SheetDeclaration | undefined {
  return declaration.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

// ---------------------------------------------------------------------------
// Checks a schema cannot express.

class DeclarationChecker {
  private readonly errors: ReportError[] = [];
  private readonly compile: (source: string) => Template;

  constructor(
    private readonly file: YamlFile,
    private readonly declaration: WorkbookDeclaration,
    private readonly model: ReportModel,
    formatter: Formatter,
    private readonly messages: Messages,
  ) {
    this.compile = templateCompiler(formatter);
  }

  check(): ReportError[] {
    const d = this.declaration;
    const model = [this.model];
    for (const key of ['title', 'subject', 'creator', 'company'] as const) this.render(d.properties[key], `/properties/${key}`, model);
    d.properties.keywords.forEach((k, i) => this.render(k, `/properties/keywords/${i}`, model));
    this.uniqueSheetNames();

    d.summary.figures.forEach((figure, i) => {
      const pointer = `/summary/figures/${i}`;
      this.render(figure.label, `${pointer}/label`, model);
      if (figure.note) this.render(figure.note, `${pointer}/note`, model);
      this.values(figure, pointer, model, 'the model', () => 'the model');
      if (figure.formula) this.formula(figure.formula, `${pointer}/formula`, undefined);
      if (figure.sheet !== undefined && !this.isSheet(figure.sheet)) this.unknownSheet(figure.sheet, `${pointer}/sheet`);
    });

    d.sheets.forEach((sheet, i) => this.sheet(sheet, `/sheets/${i}`));
    return this.errors;
  }

  private sheet(sheet: SheetDeclaration, pointer: string): void {
    const headers = new Set<string>();
    sheet.columns.forEach((c, j) => {
      const key = c.header.toLowerCase();
      if (headers.has(key)) {
        this.fail('duplicate-id', `header "${c.header}" is used twice in sheet "${sheet.name}"`, `${pointer}/columns/${j}/header`, 'a table needs a distinct header for each column');
      }
      headers.add(key);
    });
    const rows = sheetRows(this.model, sheet);
    if (!rows) {
      const collections = Object.keys(this.model).filter((k) => Array.isArray((this.model as unknown as Record<string, unknown>)[k]));
      this.fail('unknown-ref', `"${String(sheet.rows)}" is not a list in the model`, `${pointer}/rows`, didYouMean(sheet.rows, collections) ?? `lists of the model: ${collections.join(', ')}`);
      return;
    }
    const row = (i: number) => `sheet "${sheet.name}", row ${i + 1} of ${rows.length}`;
    if (sheet.totalLabel) this.render(sheet.totalLabel, `${pointer}/totalLabel`, [this.model]);

    sheet.columns.forEach((column, j) => {
      const at = `${pointer}/columns/${j}`;
      if (column.note) this.render(column.note, `${at}/note`, [this.model]);
      const values = this.values(column, at, rows, `the rows of sheet "${sheet.name}"`, row);
      if (column.formula) this.formula(column.formula, `${at}/formula`, sheet);
      if (column.total === 'label' && !sheet.totalLabel) {
        this.fail('schema', `column "${column.header}" shows the total label, but sheet "${sheet.name}" has no totalLabel`, `${at}/total`, 'add totalLabel: Total to the sheet');
      }
      if (column.total === 'sum' && !NUMERIC_TYPES.has(column.type)) {
        this.fail('template', `a ${column.type} column cannot be summed`, `${at}/total`, 'sum columns of type integer, money or percent');
      }
      if (column.link && column.type !== 'text') this.fail('template', `a link is text, but the column is ${column.type}`, `${at}/link`, 'remove type or link');
      if (column.labels !== undefined && (column.type !== 'text' || column.link)) this.fail('template', 'labels replace text values: the column must be plain text', `${at}/labels`, 'remove type and link, or labels');
      values?.forEach((value, i) => {
        if (column.labels !== undefined && value !== undefined) this.message(`${column.labels}.${String(value)}`, `${at}/${column.field ? 'field' : 'text'}`, `${row(i)}: `);
        if (typeof value !== 'string') return;
        if (column.link === 'sheet' && !this.isSheet(value)) this.unknownSheet(value, `${at}/${column.field ? 'field' : 'text'}`, row(i));
        if (column.link === 'url' && !isAllowedLink(value)) {
          this.fail('template', `${row(i)}: ${describe(value)} is not an https: or mailto: address`, `${at}/${column.field ? 'field' : 'text'}`, 'links may only go to https: or mailto: addresses, or to sheets (link: sheet)');
        }
      });
    });
    if (sheet.chart) this.chart(sheet, sheet.chart, `${pointer}/chart`);
  }

  private chart(sheet: SheetDeclaration, chart: ChartDeclaration, pointer: string): void {
    for (const key of ['title', 'categoryAxis', 'valueAxis'] as const) this.render(chart[key], `${pointer}/${key}`, [this.model]);
    const headers = sheet.columns.map((c) => c.header);
    const column = (header: string, at: string) => {
      const found = findColumn(sheet, header);
      if (!found) this.fail('unknown-ref', `sheet "${sheet.name}" has no column "${header}"`, at, didYouMean(header, headers) ?? `its columns: ${headers.join(', ')}`);
      return found;
    };
    column(chart.categories, `${pointer}/categories`);
    chart.values.forEach((header, i) => {
      const found = column(header, `${pointer}/values/${i}`);
      if (found && !NUMERIC_TYPES.has(found.type)) this.fail('template', `column "${header}" is ${found.type}; bars need numbers`, `${pointer}/values/${i}`, 'chart columns of type integer, money or percent');
    });
  }

  /** A message of the catalogue, which a label or a formula needs. */
  private message(key: string, pointer: string, where = ''): void {
    if (this.messages.text(key) !== undefined) return;
    const group = key.slice(0, key.lastIndexOf('.'));
    this.fail('unknown-ref', `${where}no message "${key}" in the ${this.messages.locale} catalogue`, pointer, `add it under ${group}: in templates/i18n/*.yaml`);
  }

  /** The values of a field or text for each context, after checking they suit the type. */
  private values(spec: ValueSource, pointer: string, contexts: readonly unknown[], scope: string, where: (i: number) => string): unknown[] | undefined {
    if (spec.text !== undefined) {
      const texts = this.render(spec.text, `${pointer}/text`, contexts, where);
      if (texts && NUMERIC_TYPES.has(spec.type)) {
        this.fail('template', `a text template gives text, not ${spec.type} numbers`, `${pointer}/type`, `use field: to take a ${spec.type} value from the model`);
        return undefined;
      }
      return texts ? this.typed(texts, spec.type, `${pointer}/text`, where) : undefined;
    }
    const field = spec.field!;
    const values = contexts.map((c) => resolvePath(c, field));
    if (contexts.length > 0 && values.every((v) => v === undefined)) {
      const parent = field.includes('.') ? resolvePath(contexts[0], field.slice(0, field.lastIndexOf('.'))) : contexts[0];
      const keys = parent !== null && typeof parent === 'object' ? Object.keys(parent) : [];
      this.fail('unknown-ref', `"${field}" is not in ${scope}`, `${pointer}/field`, didYouMean(field.split('.').at(-1), keys) ?? (keys.length > 0 ? `available here: ${keys.join(', ')}` : undefined));
      return undefined;
    }
    return this.typed(values, spec.type, `${pointer}/field`, where);
  }

  private typed(values: unknown[], type: ValueType, pointer: string, where: (i: number) => string): unknown[] | undefined {
    const fits = (v: unknown) =>
      v === undefined ||
      (NUMERIC_TYPES.has(type) ? typeof v === 'number' && Number.isFinite(v)
        : type === 'date' ? typeof v === 'string' && ISO_DATE.test(v)
        : typeof v === 'string' || typeof v === 'number');
    const bad = values.findIndex((v) => !fits(v));
    if (bad < 0) return values;
    const hint = type === 'text' ? 'join a list with a text template, e.g. {{#each items}}{{name}}{{#unless @last}}; {{/unless}}{{/each}}' : undefined;
    this.fail('template', `${where(bad)}: ${describe(values[bad])} is not a ${type} value`, pointer, hint);
    return undefined;
  }

  private render(source: string, pointer: string, contexts: readonly unknown[], where: (i: number) => string = () => 'the model'): string[] | undefined {
    let template: Template;
    try {
      template = this.compile(source);
    } catch (e) {
      const hint = e instanceof ReportError ? e.hint : undefined;
      this.fail('template', `template does not compile: ${message(e)}`, pointer, hint ?? `the helpers are ${CELL_HELPERS.join(', ')}`);
      return undefined;
    }
    const out: string[] = [];
    for (const [i, context] of contexts.entries()) {
      try {
        out.push(template(context, this.model));
      } catch (e) {
        this.fail('template', `${where(i)}: ${message(e)}`, pointer, 'a missing field is an error: check the path, or wrap it in {{#if}} for values some rows lack');
        return undefined;
      }
    }
    return out;
  }

  private formula(formula: string, pointer: string, own: SheetDeclaration | undefined): void {
    const parts = parseFormula(formula);
    if (typeof parts === 'string') {
      this.fail('template', parts, pointer);
      return;
    }
    for (const part of parts) {
      if ('text' in part) continue;
      if ('label' in part) {
        this.message(part.label, pointer);
        continue;
      }
      if ('row' in part) {
        if (!own) this.fail('template', '{row} has no meaning on the summary', pointer, 'refer to a column of a sheet, e.g. {Projects!Budget (EUR):data}');
        continue;
      }
      const { ref } = part;
      const sheet = ref.sheet === undefined ? own : findSheet(this.declaration, ref.sheet);
      if (!sheet) {
        if (ref.sheet === undefined) this.fail('template', `{${ref.header}} names no sheet`, pointer, `on the summary, write {Sheet!${ref.header}:data}`);
        else this.unknownSheet(ref.sheet, pointer);
        continue;
      }
      const column = findColumn(sheet, ref.header);
      if (!column) {
        this.fail('unknown-ref', `sheet "${sheet.name}" has no column "${ref.header}"`, pointer, didYouMean(ref.header, sheet.columns.map((c) => c.header)) ?? `its columns: ${sheet.columns.map((c) => c.header).join(', ')}`);
      } else if (ref.part === 'row' && sheet !== own) {
        this.fail('template', `{${ref.sheet}!${ref.header}} is a cell of another sheet's row`, pointer, `use {${ref.sheet}!${ref.header}:data} or :total`);
      } else if (ref.part === 'total' && column.total !== 'sum') {
        this.fail('template', `column "${column.header}" of sheet "${sheet.name}" has no total`, pointer, 'add total: sum to that column');
      }
    }
  }

  private uniqueSheetNames(): void {
    const seen = new Set<string>();
    const named = [{ name: this.declaration.summary.name, pointer: '/summary/name' }, ...this.declaration.sheets.map((s, i) => ({ name: s.name, pointer: `/sheets/${i}/name` }))];
    for (const { name, pointer } of named) {
      if (seen.has(name.toLowerCase())) this.fail('duplicate-id', `sheet name "${name}" is used twice`, pointer, 'Excel compares sheet names without regard to case: give each sheet its own name');
      seen.add(name.toLowerCase());
    }
  }

  private isSheet(name: string): boolean {
    return name.toLowerCase() === this.declaration.summary.name.toLowerCase() || findSheet(this.declaration, name) !== undefined;
  }

  private unknownSheet(name: string, pointer: string, where?: string): void {
    const names = [this.declaration.summary.name, ...this.declaration.sheets.map((s) => s.name)];
    this.fail('unknown-ref', `${where ? `${where}: ` : ''}no sheet is named "${name}"`, pointer, didYouMean(name, names) ?? `sheets: ${names.join(', ')}`);
  }

  private fail(code: ReportError['code'], text: string, pointer: string, hint?: string): void {
    this.errors.push(new ReportError(code, text, positionOf(this.file, pointer), hint));
  }
}

function message(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  // Helpers append Handlebars' " - line:column"; the error points at the whole template.
  return (text.split('\n')[0] ?? text).replace(/ - \d+:\d+$/, '').trim();
}
