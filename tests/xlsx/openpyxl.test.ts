// Both editions read back by openpyxl, strictly (a warning fails the test:
// what openpyxl warns about, Excel repairs), and their parts by Python's own
// XML parser: table names, the order of every worksheet's and chart's
// elements, blank cells, header and footer, comment authors, labels instead
// of codes, locale-tagged number formats, print setup and the charts.
import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { orderViolations, type XmlNode } from './ecma-376.ts';
import { LOCALES, sources, writeEditions, type Locale } from './editions.ts';
import { failInCiWithout, findOpenpyxl, run } from './tools.ts';

const python = findOpenpyxl();

interface Cell {
  ref: string;
  value: string | number | boolean | null;
  /** A formula's cached result; otherwise the value. */
  cached: string | number | boolean | null;
  type: string;
  format: string;
  wrap: boolean;
}
interface Cache {
  f: string;
  count: number;
  points: Record<string, string | number>;
  format: string | null;
}
interface Sheet {
  name: string;
  tables: { name: string; displayName: string; ref: string }[];
  cells: Cell[];
  comments: { ref: string; author: string; text: string }[];
  header: Record<'left' | 'center' | 'right', string | null>;
  footer: Record<'left' | 'center' | 'right', string | null>;
  print: { paper: number; orientation: string; scale: number; fitToPage: boolean; titleRows: string | null; titleColumns: string | null };
  charts: { type: string; title: string; axes: { x: string; y: string }; series: { name: Cache; categories: Cache; values: Cache }[] }[];
}
interface Dump {
  sheets: Sheet[];
  parts: Record<string, XmlNode | XmlNode[]>;
}

interface Declared {
  footer: string;
  summary: { name: string };
  sheets: { name: string; rows: unknown; columns: { header: string; labels?: string }[]; chart?: { title: string; categories: string; values: string[]; categoryAxis: string; valueAxis: string } }[];
}

const declared = (await sources.yaml('templates/workbooks/cooperation-summary.yaml')) as Declared;
const catalogue = { en: await sources.messages('en'), ru: await sources.messages('ru') };
/** The workbook's text in a language: the catalogue's translation of the declaration's English. */
const t = (locale: Locale, english: string) => catalogue[locale].get(`workbook.${english}`) ?? expect.fail(`no workbook.${english} in ${locale}.yaml`);
const report = ((await sources.yaml('tests/fixtures/data-2005/report.yaml')) as { report: { publisher: string; publisher_ru: string } }).report;

/** Every code a kind, status or scope can take, from the schemas' enums. */
const codes = new Set<string>();
for (const file of await readdir(join(PROJECT_ROOT, 'schemas'))) {
  const walk = (node: unknown, key = ''): void => {
    if (Array.isArray(node)) node.forEach((n) => walk(n, key));
    else if (node && typeof node === 'object') {
      const enumeration = (node as { enum?: unknown[] }).enum;
      if (/^(kind|status|scope)$/.test(key) && enumeration) enumeration.forEach((v) => codes.add(String(v)));
      for (const [k, v] of Object.entries(node)) walk(v, k === 'properties' || k === 'items' ? key : k);
    }
  };
  if (file.endsWith('.json')) walk(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas', file), 'utf8')));
}

const dumps = new Map<Locale, Dump>();
let remove = async () => {};
beforeAll(async () => {
  if (!python.path) return;
  const editions = await writeEditions('coop-openpyxl-');
  remove = editions.remove;
  for (const locale of LOCALES) {
    const { stdout } = await run(python.path, [join(import.meta.dirname, 'read_workbook.py'), 'dump', editions.paths[locale]], { maxBuffer: 64 << 20 });
    dumps.set(locale, JSON.parse(stdout) as Dump);
  }
});
afterAll(() => remove());

failInCiWithout(python);

describe.skipIf(!python.path).each(LOCALES)('the %s workbook read by openpyxl', (locale) => {
  const dump = () => dumps.get(locale)!;
  const sheet = (english: string) => dump().sheets.find((s) => s.name === t(locale, english)) ?? expect.fail(`no sheet ${english}`);

  it('loads without a warning, with the declared sheets in order', () => {
    expect(dump().sheets.map((s) => s.name)).toEqual([declared.summary.name, ...declared.sheets.map((s) => s.name)].map((n) => t(locale, n)));
  });

  it('names its tables validly and uniquely, whatever the script of the sheet names', () => {
    const names = dump().sheets.flatMap((s) => s.tables.map((table) => table.name));
    expect(names).toHaveLength(declared.sheets.length);
    expect(new Set(names.map((n) => n.toLowerCase().toUpperCase())).size).toBe(names.length);
    for (const name of names) {
      expect(name, name).toMatch(/^[\p{L}_][\p{L}0-9_.]*$/u);
      expect(name, name).not.toMatch(/^([A-Z]{1,3}[0-9]+|R[0-9]*(C[0-9]*)?|C[0-9]*)$/i);
      expect(name.length).toBeLessThanOrEqual(255);
    }
    for (const s of dump().sheets) for (const table of s.tables) expect(table.displayName).toBe(table.name);
  });

  it('keeps every worksheet part in the order of CT_Worksheet: the drawing, then the comments, then the tables', () => {
    const sheets = Object.entries(dump().parts).filter(([part]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(part));
    expect(sheets).toHaveLength(declared.sheets.length + 1);
    for (const [part, node] of sheets) {
      expect(orderViolations(node as XmlNode), part).toEqual([]);
      const children = (node as XmlNode)[2].map((c) => c[0]);
      if (children.includes('legacyDrawing') && children.includes('tableParts')) expect(children.indexOf('legacyDrawing')).toBeLessThan(children.indexOf('tableParts'));
    }
  });

  it('keeps every chart and drawing part in the order of the DrawingML schemas', () => {
    const parts = Object.entries(dump().parts).filter(([part]) => /^xl\/(charts\/chart|drawings\/drawing)\d+\.xml$/.test(part));
    expect(parts.length).toBe(2 * declared.sheets.filter((s) => s.chart).length);
    for (const [part, node] of parts) expect(orderViolations(node as XmlNode), part).toEqual([]);
  });

  it('leaves blank cells absent: no cell holds an empty string', () => {
    const strings = (dump().parts['xl/sharedStrings.xml'] as XmlNode)[2].map((si) => textOf(si));
    for (const [part, cells] of Object.entries(dump().parts).filter(([p]) => p.endsWith('#cells'))) {
      for (const [, attributes, children] of cells as XmlNode[]) {
        const v = children.find((c) => c[0] === 'v');
        const text = attributes.t === 's' ? strings[Number(textOf(v!))] : attributes.t === 'inlineStr' || attributes.t === 'str' ? textOf(children.find((c) => c[0] !== 'f') ?? ['', {}, []]) : undefined;
        expect(text, `${part} ${attributes.r}`).not.toBe('');
      }
    }
  });

  it('has a header and a footer in valid sections, which openpyxl parses', () => {
    const footer = catalogue[locale].get(`workbook.${declared.footer}`)!;
    for (const s of dump().sheets) {
      expect(s.footer.center, s.name).toBe(footer.replace(/^&C/, ''));
      expect(s.header.left, s.name).toBeTruthy();
    }
  });

  it('signs its comments with the publisher', () => {
    const comments = dump().sheets.flatMap((s) => s.comments);
    expect(comments.length).toBeGreaterThan(0);
    for (const c of comments) expect(c.author).toBe(locale === 'ru' ? report.publisher_ru : report.publisher);
  });

  it('shows labels from the catalogue, never a code of the data', () => {
    const texts = dump().sheets.flatMap((s) => s.cells.filter((c) => typeof c.value === 'string').map((c) => [`${s.name}!${c.ref}`, c.value as string] as const));
    expect(texts.filter(([, text]) => codes.has(text))).toEqual([]);
    for (const s of declared.sheets) {
      for (const [j, column] of s.columns.entries()) {
        if (!column.labels) continue;
        const labels = new Set([...catalogue[locale]].filter(([key]) => key.startsWith(`${column.labels}.`)).map(([, v]) => v));
        const letter = String.fromCharCode(65 + j);
        const shown = sheet(s.name).cells.filter((c) => c.ref.replace(/\d+$/, '') === letter && c.ref !== `${letter}1`);
        expect(shown.length, `${s.name} ${column.header}`).toBeGreaterThan(0);
        for (const c of shown) expect(labels, `${s.name}!${c.ref}`).toContain(c.value);
      }
    }
    if (locale === 'ru') {
      // No English label, total or header left in the Russian edition.
      const english = new Set([...catalogue.en].filter(([key, value]) => /^(status|region_kind|programme_kind|workbook)\./.test(key) && catalogue.ru.get(key) !== value && !value.includes('{{')).map(([, v]) => v));
      expect(texts.filter(([, text]) => english.has(text))).toEqual([]);
    }
  });

  it('tags number and date formats with the language', () => {
    const tag = locale === 'ru' ? '419' : '809';
    const numeric = dump().sheets.flatMap((s) => s.cells.filter((c) => c.type === 'n' || c.type === 'd').map((c) => [`${s.name}!${c.ref}`, c] as const));
    const dates = numeric.filter(([, c]) => c.type === 'd');
    expect(dates.length).toBeGreaterThan(0);
    for (const [where, c] of dates) expect(c.format, where).toMatch(new RegExp(`^\\[\\$-${tag}\\].*mmmm`));
    for (const [where, c] of numeric.filter(([, c]) => c.format !== 'General' && c.format !== '0')) expect(c.format, where).toContain(`-${tag}]`);
    if (locale === 'ru') {
      // Excel 2016 and later: the genitive month, "31 декабря".
      const formats = (dump().parts['xl/styles.xml'] as XmlNode)[2].find((n) => n[0] === 'numFmts')![2];
      expect(formats.filter((f) => f[1].formatCode!.includes('mmmm')).map((f) => f[1]['x16r2:formatCode16'])).toEqual([expect.stringMatching(/^\[\$-ru-RU-x-genlower\]d mmmm yyyy/)]);
    }
  });

  it('prints every sheet on A4 at a legible scale, repeating its header row', () => {
    for (const s of dump().sheets) {
      expect(s.print, s.name).toMatchObject({ paper: 9, fitToPage: false, titleRows: '$1:$1' });
      expect(s.print.scale, s.name).toBeGreaterThanOrEqual(80);
      expect(s.print.scale, s.name).toBeLessThanOrEqual(100);
    }
  });

  it('has the declared charts beside their tables, titled in its language, over the sheet\'s own cells', () => {
    for (const s of declared.sheets) {
      const found = sheet(s.name).charts;
      if (!s.chart) {
        expect(found, s.name).toEqual([]);
        continue;
      }
      expect(found).toHaveLength(1);
      const chart = found[0]!;
      expect(chart.type).toBe('barChart');
      expect(chart.title).toBe(t(locale, s.chart.title));
      expect(chart.axes).toEqual({ x: t(locale, s.chart.categoryAxis), y: t(locale, s.chart.valueAxis) });
      const name = t(locale, s.name).replace(/'/g, "''");
      const letter = (header: string) => String.fromCharCode(65 + s.columns.findIndex((c) => c.header === header));
      const cells = new Map(sheet(s.name).cells.map((c) => [c.ref, c.cached]));
      const rows = chart.series[0]!.categories.count;
      // As many bars as the table has rows.
      expect(Number(/\d+$/.exec(sheet(s.name).tables[0]!.ref)![0])).toBe(rows + 1);
      expect(chart.series.map((series) => series.values.f)).toEqual(s.chart.values.map((v) => `'${name}'!$${letter(v)}$2:$${letter(v)}$${rows + 1}`));
      for (const [i, series] of chart.series.entries()) {
        const column = letter(s.chart.values[i]!);
        expect(series.categories.f).toBe(`'${name}'!$${letter(s.chart.categories)}$2:$${letter(s.chart.categories)}$${rows + 1}`);
        expect(series.name).toMatchObject({ f: `'${name}'!$${column}$1`, points: { 0: t(locale, s.chart.values[i]!) } });
        // The caches hold what the cells hold.
        for (let r = 0; r < rows; r++) {
          expect(series.categories.points[r], `${s.name} category ${r}`).toBe(cells.get(`${letter(s.chart.categories)}${r + 2}`));
          expect(series.values.points[r] ?? 0, `${s.name} value ${r}`).toBe(cells.get(`${column}${r + 2}`) ?? 0);
        }
      }
    }
  });
});

/** The text of an element and its descendants: <si><t>a</t></si> or <si><r><t>a</t></r>…</si>. */
function textOf(node: XmlNode | undefined): string {
  return node ? (node[1]['#text'] ?? '') + node[2].map(textOf).join('') : '';
}
