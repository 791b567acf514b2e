// Whatever text a project title holds, the workbook never turns it into a
// formula, and either both readers load the file with the text intact, or the
// writer refuses it (characters XML cannot carry, more than Excel's 32,767
// characters per cell): never a corrupt file.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../src/errors.ts';
import { MAX_CELL_TEXT } from '../../src/xlsx/writer.ts';
import { arrayBuffer, realDeclaration, realModel, render } from './fixture.ts';

const model = await realModel();
const declaration = await realDeclaration(model);

const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const body = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '\u007F', '\u0085', 'a', ' ', '\t', '\r', '\n', '\r\n', '_x0041_', '"', '&', '<'), maxLength: 20 }),
  fc.integer({ min: 32_760, max: 40_000 }).map((n) => 'x'.repeat(n)),
);
const title = fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '=SUM(1,2)+', '=HYPERLINK("https://example.org")&'), body).map(([lead, rest]) => lead + rest);

describe('text cells', () => {
  it('stay text for any title, or the writer refuses them', async () => {
    await fc.assert(
      fc.asyncProperty(title, async (text) => {
        const changed = { ...model, projects: model.projects.map((p, i) => (i === 0 ? { ...p, title: text } : p)) };
        const stored = text.replace(/\r\n?/g, '\n');
        const refused = XML_ILLEGAL.test(text) || stored.length > MAX_CELL_TEXT;
        let bytes: Uint8Array;
        try {
          bytes = await render(changed, declaration);
        } catch (e) {
          expect(e).toBeInstanceOf(ReportError);
          expect((e as ReportError).code).toBe('render');
          expect(refused).toBe(true);
          return;
        }
        expect(refused).toBe(false);

        const sheetjs = XLSX.read(Buffer.from(bytes), { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true });
        const cell = sheetjs.Sheets.Projects!.B2;
        expect(cell?.f).toBeUndefined();
        expect(cell?.v ?? '').toBe(stored);

        const excel = new ExcelJS.Workbook();
        await excel.xlsx.load(arrayBuffer(bytes));
        const value = excel.getWorksheet('Projects')!.getCell('B2').value;
        expect(value === null ? '' : value).toBe(stored);
      }),
      { numRuns: 40 },
    );
  });
});
