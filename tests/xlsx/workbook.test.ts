// The workbook read back by two independent readers, ExcelJS and SheetJS:
// sheets, headers, cell types, number formats, formulas with their cached
// results, panes, tables, print setup and document properties.
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { describe, expect, it, vi } from 'vitest';
import { ReportError } from '../../src/errors.ts';
import type { WorkbookDeclaration } from '../../src/xlsx/declaration.ts';
import { arrayBuffer, CREATED, formatter, realDeclaration, realModel, render } from './fixture.ts';

const model = await realModel();
const declaration = await realDeclaration(model);
const bytes = await render(model, declaration);
const excel = new ExcelJS.Workbook();
await excel.xlsx.load(arrayBuffer(bytes));
const sheetjs = XLSX.read(Buffer.from(bytes), { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true });

const SHEETS = ['Summary', 'Projects', 'Partner regions', 'Countries', 'Programmes', 'Directions', 'Participants', 'Sources'];
/** The seed's six projects in the data's order, with their budgets in euros: 8,442,362 in all. */
const PROJECTS: [string, number][] = [
  ['A.S.A.P.', 1_776_888],
  ['RED', 790_336],
  ['InterBaltic', 3_129_653],
  ['MARITOUR', 1_889_792],
  ['BEN-EAST', 508_693],
  ['Business Matryoshka', 347_000],
];
const TOTAL = 8_442_362;
const sheet = (name: string) => sheetjs.Sheets[name]!;
const cell = (name: string, address: string) => sheet(name)[address] as XLSX.CellObject;
/** A table as ExcelJS reads it back (its typings describe the one it writes). */
interface LoadedTable {
  table: { name: string; tableRef: string; headerRow: boolean; columns: { name: string; filterButton: boolean }[] };
}
const tablesOf = (name: string) => excel.getWorksheet(name)!.getTables() as unknown as LoadedTable[];
const rowsOf = (name: string) => XLSX.utils.sheet_to_json<unknown[]>(sheet(name), { header: 1, blankrows: false });
/**
 * A column's letter, found by its header in the file: adding a column to the
 * declaration moves no expectation here.
 */
const col = (name: string, header: string): string => {
  const at = (rowsOf(name)[0] ?? []).indexOf(header);
  if (at < 0) throw new Error(`sheet "${name}" has no column "${header}"`);
  return XLSX.utils.encode_col(at);
};
/** The cell of a column (by header) in a row (1-based, the header is row 1). */
const at = (name: string, header: string, row: number) => cell(name, `${col(name, header)}${row}`);
/** The Projects total sits below the six projects of 2005: row 8. */
const TOTAL_ROW = PROJECTS.length + 2;
const BUDGET = () => col('Projects', 'Budget (EUR)');

describe('cooperation-summary.xlsx', () => {
  it('has the declared sheets in order, in both readers', () => {
    expect(sheetjs.SheetNames).toEqual(SHEETS);
    expect(excel.worksheets.map((ws) => ws.name)).toEqual(SHEETS);
  });

  it('heads each sheet with the declared headers', () => {
    expect(rowsOf('Summary')[0]).toEqual(['Figure', 'Value', 'Sheet', 'Note']);
    for (const s of declaration.sheets) expect(rowsOf(s.name)[0], s.name).toEqual(s.columns.map((c) => c.header));
    expect(rowsOf('Projects')[0]).toEqual(expect.arrayContaining(['Acronym', 'Title', 'Calls', 'Lead partner', 'Lead country', 'Budget (EUR)', 'Share of total']));
  });

  it('stores budgets as numbers with the euro format', () => {
    PROJECTS.forEach(([acronym, eur], i) => {
      expect(at('Projects', 'Acronym', i + 2).v).toBe(acronym);
      const budget = at('Projects', 'Budget (EUR)', i + 2);
      expect(budget.t).toBe('n');
      expect(budget.v).toBe(eur);
      expect(budget.z).toBe(formatter.excel.money);
      expect(budget.f).toBeUndefined();
      expect(excel.getWorksheet('Projects')!.getCell(`${BUDGET()}${i + 2}`).numFmt).toBe(formatter.excel.money);
    });
  });

  it('totals the budgets with a live SUM whose cached value is the model total', () => {
    const H = BUDGET();
    const total = at('Projects', 'Budget (EUR)', TOTAL_ROW);
    expect(total).toMatchObject({ t: 'n', f: `SUM(${H}2:${H}7)`, v: 8_442_362, z: formatter.excel.money });
    expect(excel.getWorksheet('Projects')!.getCell(`${H}${TOTAL_ROW}`).value).toEqual({ formula: `SUM(${H}2:${H}7)`, result: 8_442_362 });
    expect(at('Projects', 'Acronym', TOTAL_ROW).v).toBe('Total');
  });

  it('computes shares with formulas over the total row, cached values summing to 1', () => {
    const shares = PROJECTS.map(([, eur], i) => {
      const share = at('Projects', 'Share of total', i + 2);
      expect(share).toMatchObject({ t: 'n', f: `${BUDGET()}${i + 2}/${BUDGET()}$${TOTAL_ROW}`, z: formatter.excel.percent });
      expect(share.v).toBeCloseTo(eur / TOTAL, 12);
      return share.v as number;
    });
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const I = col('Projects', 'Share of total');
    expect(at('Projects', 'Share of total', TOTAL_ROW).f).toBe(`SUM(${I}2:${I}7)`);
    expect(at('Projects', 'Share of total', TOTAL_ROW).v).toBeCloseTo(1, 12);
  });

  it('keeps text as shared strings: titles, acronyms and partners are never formulas', () => {
    for (const header of ['Acronym', 'Title', 'Programme', 'Calls', 'Leningrad Oblast partners', 'Lead partner', 'Lead country']) {
      expect(at('Projects', header, 2).t, header).toBe('s');
      expect(at('Projects', header, 2).f, header).toBeUndefined();
    }
    expect(at('Projects', 'Calls', 2).v).toBe('8, 9');
    // MARITOUR, the fourth project of the source, names three Leningrad Oblast partners.
    expect(at('Projects', 'Leningrad Oblast partners', 5).v).toBe('Kingisepp Municipal District; Slantsy Municipal District; Vyborg Municipal District');
  });

  it('says on the Calls header that the calls are the programme\'s', () => {
    expect(excel.getWorksheet('Projects')!.getCell(`${col('Projects', 'Calls')}1`).note).toMatch(/calls of the programme/);
  });

  it('gives the Summary figures as the model has them, live where a formula can count them', () => {
    const figures = new Map(rowsOf('Summary').slice(1).map((r, i) => [String(r[0]), i + 2]));
    const figure = (label: string) => {
      const row = figures.get(label);
      if (row === undefined) throw new Error(`no figure "${label}"`);
      return { value: at('Summary', 'Value', row), link: at('Summary', 'Sheet', row) };
    };
    const stated = figure('Foreign partner regions, stated total');
    expect(stated.value).toMatchObject({ t: 'n', v: 21 });
    expect(stated.value.f).toBeUndefined();
    const named = figure('Partner regions named in the report');
    // Counting the status as shown: its label, not the data's code.
    expect(named.value).toMatchObject({ t: 'n', v: 11, f: `COUNTIF('Partner regions'!$${col('Partner regions', 'Status')}$2:$${col('Partner regions', 'Status')}$15,"Partner")` });
    // The stated total and the named count sit next to each other.
    expect(figures.get('Partner regions named in the report')).toBe(figures.get('Foreign partner regions, stated total')! + 1);
    expect(figure('Funded projects, Baltic Sea Region programme').value).toMatchObject({ v: 6, f: `COUNTA('Projects'!$${col('Projects', 'Acronym')}$2:$${col('Projects', 'Acronym')}$7)` });
    expect(figure('Total budget of these projects').value).toMatchObject({ v: 8_442_362, f: `SUM('Projects'!$${BUDGET()}$2:$${BUDGET()}$7)`, z: formatter.excel.money });
    expect(figure('Countries of the named partner regions').value).toMatchObject({ v: 10 });
    expect(figure('Regions in Asia planned for 2006').value).toMatchObject({ v: 3 });
    expect(figure('Main directions of cooperation').value).toMatchObject({ v: 5 });
    expect(figure('Programmes').value).toMatchObject({ v: 13 });
    expect(named.link).toMatchObject({ t: 's', v: 'Partner regions', f: `HYPERLINK("#'Partner regions'!A1","Partner regions")` });
  });

  it('stores dates as dates', () => {
    const asOf = at('Summary', 'Value', 3);
    expect(asOf).toMatchObject({ t: 'n', z: formatter.excel.date, w: '31 December 2005' });
    expect(excel.getWorksheet('Summary')!.getCell(`${col('Summary', 'Value')}3`).value).toEqual(new Date('2005-12-31T00:00:00Z'));
    expect(excel.getWorksheet('Sources')!.getCell(`${col('Sources', 'As of')}2`).value).toEqual(new Date('2005-12-31T00:00:00Z'));
  });

  it('counts partner regions, projects and budgets by country with formulas over the other sheets', () => {
    const rows = model.countryFigures.length;
    const total = rows + 2;
    const [iso, country] = [col('Partner regions', 'ISO code'), col('Partner regions', 'Status')];
    const [lead, budget] = [col('Projects', 'Lead country'), BUDGET()];
    const [name, code] = [col('Countries', 'Country'), col('Countries', 'ISO code')];
    expect(at('Countries', 'Partner regions', 2).f).toBe(`COUNTIFS('Partner regions'!$${iso}$2:$${iso}$15,${code}2,'Partner regions'!$${country}$2:$${country}$15,"Partner")`);
    expect(at('Countries', 'Projects led', 2).f).toBe(`COUNTIF('Projects'!$${lead}$2:$${lead}$7,${name}2)`);
    expect(at('Countries', 'Budget led (EUR)', 2).f).toBe(`SUMIF('Projects'!$${lead}$2:$${lead}$7,${name}2,'Projects'!$${budget}$2:$${budget}$7)`);
    // The seed: 11 named partner regions, 3 planned contacts, 6 projects, €8,442,362.
    expect(['Partner regions', 'Planned contacts', 'Projects led', 'Budget led (EUR)'].map((h) => at('Countries', h, total).v)).toEqual([11, 3, 6, 8_442_362]);
    // Lead partners in Germany: A.S.A.P. (€1,776,888) and MARITOUR (€1,889,792).
    const germany = (rowsOf('Countries').findIndex((r) => r.includes('DE')));
    expect(at('Countries', 'Budget led (EUR)', germany + 1).v).toBe(3_666_680);
  });

  it('freezes the header row and lets every data sheet be filtered as an Excel table', () => {
    for (const ws of excel.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      // A table has its own filter: a sheet filter over the same range makes Excel repair the file.
      expect(ws.autoFilter, ws.name).toBeUndefined();
      expect(sheet(ws.name)['!autofilter'], ws.name).toBeUndefined();
    }
    expect(tablesOf('Summary')).toEqual([]);
    // Rows of the 2005 data: 6 projects, 14 partner regions (11 named, 3 planned), 13 programmes, 5 directions.
    const rows: Record<string, [string, number]> = {
      Projects: ['Projects', 6],
      'Partner regions': ['PartnerRegions', 14],
      Countries: ['Countries', model.countryFigures.length],
      Programmes: ['Programmes', 13],
      Directions: ['Directions', 5],
      Participants: ['Participants', 11],
      Sources: ['Sources', 7],
    };
    const lastColumn = (name: string) => XLSX.utils.encode_col(declaration.sheets.find((s) => s.name === name)!.columns.length - 1);
    const expected = Object.fromEntries(Object.entries(rows).map(([name, [table, n]]) => [name, [table, `A1:${lastColumn(name)}${n + 1}`]]));
    for (const [name, [table, ref]] of Object.entries(expected)) {
      const tables = tablesOf(name);
      expect(tables, name).toHaveLength(1);
      const t = tables[0]!.table;
      expect([t.name, t.tableRef, t.headerRow], name).toEqual([table, ref, true]);
      expect(t.columns.map((c) => c.name)).toEqual(declaration.sheets.find((s) => s.name === name)!.columns.map((c) => c.header));
      expect(t.columns.every((c) => c.filterButton)).toBe(true);
    }
  });

  it('fits column widths to the content within limits and wraps long text', () => {
    const ws = excel.getWorksheet('Projects')!;
    const title = XLSX.utils.decode_col(col('Projects', 'Title')) + 1;
    expect(ws.getColumn(title).width).toBe(declaration.sheets[0]!.columns.find((c) => c.header === 'Title')!.width);
    expect(ws.getCell(`${col('Projects', 'Title')}2`).alignment).toMatchObject({ wrapText: true });
    expect(ws.getColumn(XLSX.utils.decode_col(BUDGET()) + 1).width).toBeGreaterThanOrEqual('€3,129,653'.length);
    for (const w of excel.worksheets) {
      w.columns.forEach((c) => {
        // A column of the sheet's default width has no width of its own.
        const width = c.width ?? w.properties.defaultColWidth;
        expect(width).toBeGreaterThanOrEqual(8);
        expect(width).toBeLessThanOrEqual(60);
      });
    }
    // Fitted to the widest text as Arial draws it: narrower than one digit per character.
    const countries = sheet('Countries')['!cols']!;
    expect(countries[0]!.width).toBeGreaterThanOrEqual(15);
    expect(countries[0]!.width).toBeLessThan('Russian Federation'.length);
  });

  it('prints on A4 at a legible scale, repeating the header row, with the sheet name and page in the footer', () => {
    for (const ws of excel.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ paperSize: 9, fitToPage: false, printTitlesRow: '1:1' });
      // 10 pt text printed at no less than 8 pt.
      expect(ws.pageSetup.scale, ws.name).toBeGreaterThanOrEqual(80);
      expect(ws.pageSetup.scale, ws.name).toBeLessThanOrEqual(100);
      expect(ws.headerFooter.oddFooter).toBe('&C&A — Page &P of &N');
    }
    expect(excel.getWorksheet('Projects')!.pageSetup.orientation).toBe('landscape');
    expect(excel.getWorksheet('Countries')!.pageSetup.orientation).toBe('portrait');
    const titles = sheetjs.Workbook!.Names!.filter((n) => n.Name === '_xlnm.Print_Titles');
    // Programmes is too wide for one page at a legible scale: its pages also repeat the first column.
    // Any sheet too wide for one page (a column added may make Projects one) repeats its first column too.
    expect(titles.map((n) => n.Sheet)).toEqual(SHEETS.map((_, i) => i));
    titles.forEach((n, i) => expect(n.Ref, SHEETS[i]).toMatch(new RegExp(`^('${SHEETS[i]}'!\\$A:\\$A,)?'${SHEETS[i]}'!\\$1:\\$1$`)));
    expect(titles[SHEETS.indexOf('Programmes')]!.Ref).toBe(`'Programmes'!$A:$A,'Programmes'!$1:$1`);
  });

  it('sets the document properties from the data, never the clock', () => {
    const props = sheetjs.Props!;
    expect(props).toMatchObject({
      Title: 'Leningrad Oblast: international cooperation, summary tables',
      Subject: 'Section 2.5 International cooperation, as of 31 December 2005',
      Author: 'Government of Leningrad Oblast, Committee for External Relations',
      LastAuthor: 'Government of Leningrad Oblast, Committee for External Relations',
      Company: 'Government of Leningrad Oblast, Committee for External Relations',
    });
    expect(props.Keywords).toContain('Baltic Sea Region');
    expect(props.CreatedDate).toEqual(CREATED);
    expect(props.ModifiedDate).toEqual(CREATED);
    expect([excel.title, excel.creator, excel.lastModifiedBy, excel.created, excel.modified]).toEqual([props.Title, props.Author, props.LastAuthor, CREATED, CREATED]);
  });

  it('renders the same bytes at any time, with zip entries dated from the data', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-15T13:37:42Z'));
      const later = await render(model, declaration);
      expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
    // The first local header's DOS date: 2005-12-31.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(12, true)).toBe(((2005 - 1980) << 9) | (12 << 5) | 31);
  });
});

describe('the writer, given a declaration that skipped validation', () => {
  const variant = (change: (d: WorkbookDeclaration) => void): WorkbookDeclaration => {
    const copy = structuredClone(declaration);
    change(copy);
    return copy;
  };

  it('refuses a sheet name Excel cannot hold instead of truncating it', async () => {
    const long = variant((d) => (d.sheets[5]!.name = 'Directions of cooperation, in full'));
    await expect(render(model, long)).rejects.toMatchObject({ code: 'render', message: expect.stringMatching(/cannot name a sheet/) });
    const slash = variant((d) => (d.sheets[5]!.name = 'Directions/all'));
    await expect(render(model, slash)).rejects.toBeInstanceOf(ReportError);
  });

  it('links only to https: and mailto: addresses', async () => {
    const linked = (value: string) =>
      variant((d) => {
        d.sheets[6]!.rows = [{ sheet: 'Summary', section: 'section', url: value }];
        d.sheets[6]!.columns.push({ header: 'Link', field: 'url', type: 'text', link: 'url', total: 'none' });
      });
    const bytes = await render(model, linked('https://example.org/a"b'));
    const ok = XLSX.read(Buffer.from(bytes), { type: 'buffer', cellFormula: true });
    expect(ok.Sheets.Sources!.E2).toMatchObject({ v: 'https://example.org/a"b', f: 'HYPERLINK("https://example.org/a""b","https://example.org/a""b")' });
    // It looks like a link: blue and underlined.
    const loaded = new ExcelJS.Workbook();
    await loaded.xlsx.load(arrayBuffer(bytes));
    expect(loaded.getWorksheet('Sources')!.getCell('E2').font).toMatchObject({ underline: true, color: { argb: expect.stringMatching(/^FF/) } });
    await expect(render(model, linked('javascript:alert(1)'))).rejects.toMatchObject({ code: 'render', message: 'sheet "Sources", row 2: links may only go to https: or mailto: addresses, not javascript:alert(1)' });
    await expect(render(model, linked('file:///etc/passwd'))).rejects.toMatchObject({ code: 'render' });
  });

  it('puts a link of up to 255 characters into its formula, and refuses a longer one', async () => {
    const linked = (value: string) =>
      variant((d) => {
        d.sheets[6]!.rows = [{ sheet: 'Summary', section: 'section', url: value }];
        d.sheets[6]!.columns.push({ header: 'Link', field: 'url', type: 'text', link: 'url', total: 'none' });
      });
    const at255 = `https://example.org/${'a'.repeat(255 - 'https://example.org/'.length)}`;
    const wb = XLSX.read(Buffer.from(await render(model, linked(at255))), { type: 'buffer', cellFormula: true });
    expect(wb.Sheets.Sources!.E2).toMatchObject({ v: at255 });
    await expect(render(model, linked(`${at255}a`))).rejects.toMatchObject({ code: 'render', message: `cannot put ${JSON.stringify(`${at255}a`.slice(0, 60))} into a formula` });
  });

  it('quotes a sheet name with an apostrophe in the links to it', async () => {
    const renamed = variant((d) => {
      const name = "Directions' list";
      d.sheets.find((sheet) => sheet.name === 'Directions')!.name = name;
      const figure = d.summary.figures.find((f) => f.sheet === 'Directions')!;
      figure.sheet = name;
      figure.formula = figure.formula!.replace('{Directions!', `{${name}!`);
    });
    const wb = XLSX.read(Buffer.from(await render(model, renamed)), { type: 'buffer', cellFormula: true });
    const formulas = Object.values(wb.Sheets.Summary!).map((c) => (c as XLSX.CellObject).f).filter((f) => f?.includes('Directions'));
    expect(formulas).toEqual([`COUNTA('Directions'' list'!$A$2:$A$6)`, `HYPERLINK("#'Directions'' list'!A1","Directions' list")`]);
  });

  it('writes an empty collection as a table with one empty row and a zero total', async () => {
    const empty = { ...model, projects: [] };
    const wb = XLSX.read(Buffer.from(await render(empty, declaration)), { type: 'buffer', cellFormula: true });
    const [H, A] = [BUDGET(), col('Projects', 'Acronym')];
    expect(wb.Sheets.Projects![`${H}3`]).toMatchObject({ f: `SUM(${H}2:${H}2)`, v: 0 });
    const funded = rowsOf('Summary').findIndex((r) => r[0] === 'Funded projects, Baltic Sea Region programme') + 1;
    expect(wb.Sheets.Summary![`${col('Summary', 'Value')}${funded}`]).toMatchObject({ f: `COUNTA('Projects'!$${A}$2:$${A}$2)` });
  });
});
