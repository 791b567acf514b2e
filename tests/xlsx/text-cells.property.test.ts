// Whatever text a project title holds, the workbook never turns it into a
// formula, and either both readers load the file with the text intact, or the
// writer refuses it (characters XML cannot carry, more than Excel's 32,767
// characters per cell): never a corrupt file.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.ts';
import type { ReportModel } from '../../src/model/types.ts';
import { arrayBuffer, realDeclaration, realModel, render } from './fixture.ts';

const model = await realModel();
const declaration = await realDeclaration(model);

/** Excel's limit on the characters of one cell. */
const EXCEL_CELL_LIMIT = 32_767;
/** Fixed, so a failure replays; fast-check prints it with the shrunk counterexample. */
const SEED = 20_051_231;

/**
 * Whether XML 1.0 can carry the text (its Char production; a lone surrogate is
 * none), leaving out U+007F–U+009F too, which ExcelJS would drop unseen.
 */
function storable(text: string): boolean {
  for (const char of text) {
    const c = char.codePointAt(0)!;
    const xml = c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (!xml || (c >= 0x7f && c <= 0x9f)) return false;
  }
  return true;
}

const withTitle = (text: string): ReportModel => ({ ...model, projects: model.projects.map((p, i) => (i === 0 ? { ...p, title: text } : p)) });
/** The first project's title as SheetJS reads it back, and whether it came back as a formula. */
const readTitle = (bytes: Uint8Array) => XLSX.read(Buffer.from(bytes), { type: 'buffer', cellFormula: true }).Sheets.Projects!.B2;

describe('text that looks like an escaped character', () => {
  // Readers turn _xHHHH_ into the character HHHH; a title that holds one must read back as written.
  it.each(['_x0041_', 'budget_x0041_2005', '_x005f_', '_x0041__x0042_', '_x005F_x0041_', '_x005F_x005F_x0041_', 'a_x0041', '_X0041_'])('%s reads back as written', async (text) => {
    const cell = readTitle(await render(withTitle(text), declaration));
    expect(cell).toMatchObject({ t: 's', v: text });
  });
});

describe('text a workbook cannot hold', () => {
  it.each([
    ['a control character', 'bell\u0007', 'sheet "Projects", row 2: the text holds a character a workbook cannot store'],
    ['more than a cell holds', 'x'.repeat(EXCEL_CELL_LIMIT + 1), `sheet "Projects", row 2: ${EXCEL_CELL_LIMIT + 1} characters, more than a cell holds (${EXCEL_CELL_LIMIT})`],
  ])('is refused, naming the cell: %s', async (_, text, message) => {
    await expect(render(withTitle(text), declaration)).rejects.toMatchObject({ code: 'render', message });
  });

  it('is stored up to the limit, every line break as XML reads it back', async () => {
    expect(readTitle(await render(withTitle('x'.repeat(EXCEL_CELL_LIMIT)), declaration))?.v).toHaveLength(EXCEL_CELL_LIMIT);
    // A lone CR too: XML would read it back as LF, so it is written as one.
    expect(readTitle(await render(withTitle('a\rb\r\nc'), declaration))?.v).toBe('a\nb\nc');
  });
});

// Pieces that make escapes and near-escapes, also overlapping ones: _x005F_x0041_.
const escapeLike = fc.string({ unit: fc.constantFrom('_', 'x', 'X', '0', '4', '1', '5', 'F', 'f', '_x0041_', '_x005F', 'x0041_', 'a'), maxLength: 24 });
const body = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '\u007F', '\u0085', 'a', ' ', '\t', '\r', '\n', '\r\n', '_x0041_', '"', '&', '<'), maxLength: 20 }),
  escapeLike,
  escapeLike,
  fc.integer({ min: 32_760, max: 40_000 }).map((n) => 'x'.repeat(n)),
);
const title = fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '=SUM(1,2)+', '=HYPERLINK("https://example.org")&'), body).map(([lead, rest]) => lead + rest);

describe('text cells', () => {
  it('stay text for any title, or the writer refuses them', async () => {
    await fc.assert(
      fc.asyncProperty(title, async (text) => {
        // XML reads CR LF and a lone CR as LF.
        const stored = text.replace(/\r\n?/g, '\n');
        const refused = !storable(text) || stored.length > EXCEL_CELL_LIMIT;
        let bytes: Uint8Array;
        try {
          bytes = await render(withTitle(text), declaration);
        } catch (e) {
          expect(e).toBeInstanceOf(ReportError);
          expect((e as ReportError).code).toBe('render');
          expect(refused).toBe(true);
          return;
        }
        expect(refused).toBe(false);

        const cell = readTitle(bytes);
        expect(cell?.f).toBeUndefined();
        expect(cell?.v ?? '').toBe(stored);

        const excel = new ExcelJS.Workbook();
        await excel.xlsx.load(arrayBuffer(bytes));
        const value = excel.getWorksheet('Projects')!.getCell('B2').value;
        expect(value === null ? '' : value).toBe(stored);
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});
