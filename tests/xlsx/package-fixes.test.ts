// The ExcelJS 4.4 problems the package step mends, one regression test each.
// Each first shows that ExcelJS still writes the problem (when an upgrade
// fixes it, that expectation fails and the mend can go), then that the
// finished package no longer has it.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { finishPackage } from '../../src/xlsx/package.ts';
import { ZipParts } from '../../src/xlsx/zip-parts.ts';

/** Two sheets, each a table with a comment on a header: what the workbook writer does. */
async function excelJsWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['One', 'Two']) {
    const ws = wb.addWorksheet(name);
    ws.addTable({ name, ref: 'A1', columns: [{ name: 'Code' }, { name: 'Label' }], rows: [['a', 'b']] });
    ws.getCell('B1').note = `a note on ${name}`;
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const AUTHOR = 'Комитет по внешним связям & Co';
const written = await ZipParts.read(await excelJsWorkbook());
const finished = await ZipParts.read(await finishPackage(await excelJsWorkbook(), { author: AUTHOR, font: { name: 'Arial', size: 10 }, formats16: {}, charts: [] }));
const both = [
  ['as ExcelJS writes it', written],
  ['finished', finished],
] as const;

describe('the package step', () => {
  it('puts <legacyDrawing> before <tableParts>, as CT_Worksheet orders them (exceljs#1369)', async () => {
    const order = async (parts: ZipParts) => {
      const xml = await parts.text('xl/worksheets/sheet1.xml');
      return xml.indexOf('<legacyDrawing') < xml.indexOf('<tableParts') ? 'legacyDrawing, tableParts' : 'tableParts, legacyDrawing';
    };
    expect(await order(written)).toBe('tableParts, legacyDrawing');
    expect(await order(finished)).toBe('legacyDrawing, tableParts');
  });

  it('gives each sheet\'s comment drawing its own block of shape ids (exceljs#3070)', async () => {
    const blocks = async (parts: ZipParts) => {
      const drawings = parts.names().filter((n) => /vmlDrawing\d+\.vml$/.test(n));
      return Promise.all(drawings.map(async (n) => {
        const vml = await parts.text(n);
        return { idmap: /<o:idmap[^>]*data="(\d+)"/.exec(vml)![1], shapes: [...vml.matchAll(/id="_x0000_s(\d+)"/g)].map((m) => Number(m[1])) };
      }));
    };
    expect(await blocks(written)).toEqual([{ idmap: '1', shapes: [1025] }, { idmap: '1', shapes: [1025] }]);
    expect(await blocks(finished)).toEqual([{ idmap: '1', shapes: [1025] }, { idmap: '2', shapes: [2049] }]);
  });

  it('signs comments with the workbook\'s author, not "Author"', async () => {
    const authors = async (parts: ZipParts) => [...(await parts.text('xl/comments1.xml')).matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
    expect(await authors(written)).toEqual(['Author']);
    expect(await authors(finished)).toEqual(['Комитет по внешним связям &amp; Co']);
  });

  it('labels no totals row the table does not have', async () => {
    for (const [state, parts] of both) {
      const labels = (await parts.text('xl/tables/table1.xml')).match(/totalsRowLabel="[^"]*"/g) ?? [];
      expect(labels, state).toEqual(state === 'finished' ? [] : ['totalsRowLabel="Total"']);
    }
  });

  it('sets the Normal style in the workbook\'s font, which column widths are counted in', async () => {
    const normal = async (parts: ZipParts) => /<fonts\b[^>]*><font>([\s\S]*?)<\/font>/.exec(await parts.text('xl/styles.xml'))![1];
    expect(await normal(written)).toContain('<name val="Calibri"/>');
    expect(await normal(finished)).toBe('<sz val="10"/><color theme="1"/><name val="Arial"/><family val="2"/>');
  });
});
