// Hostile text in the data: markup, URLs, right-to-left scripts, zero-width
// characters, emoji and a very long word. The PDFs show it literally, within
// the page, in bundled fonts only; the workbook stores it as text.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { resolveConfig } from '../../src/config.ts';
import { checkFonts, embeddedFonts } from '../../src/pdf/fonts.ts';
import { copyData, edit, removeDir, validateDir, CARET } from '../helpers/data-copy.ts';
import { openPdf, readPdf } from '../helpers/read-pdf.ts';
import { readFile } from 'node:fs/promises';
import { systemTool } from '../helpers/system-tool.ts';

const pdffonts = systemTool('pdffonts', 'poppler-utils', 'tests/hardening/hostile-text.test.ts');

const HOSTILE = [
  '"><img src=x onerror=alert(1)>',
  '</style><script>alert(1)</script>',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'שלום',
  'مرحبا',
  'zero\u200Bwidth',
  '🚢🌊',
  'Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsbeauftragter',
].join(' ');

let dir: string;
let out: string;
beforeAll(async () => {
  dir = await copyData();
  out = join(dir, 'out');
  await edit(dir, 'projects.yaml', 'title: Maritime Tourism Marketing in the Baltic Sea Region', `title: ${JSON.stringify(HOSTILE)}`);
  const result = await build(resolveConfig({ data: dir, out }), { locales: ['en'], only: ['project/maritour', 'programme', 'workbook'] });
  expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
});
afterAll(() => removeDir(dir));

describe('hostile text', () => {
  it('is printed literally in the fact sheet and the programme brief', async () => {
    for (const path of ['en/projects/maritour.pdf', 'en/briefs/programme-bsr-neighbourhood-2004-2006.pdf']) {
      // Narrow columns break lines anywhere: compare without white space and hyphenation.
      const squeeze = (s: string) => s.replace(/[\s\u200B\u00AD-]/g, '');
      const text = squeeze((await readPdf(join(out, path))).pages.join(''));
      for (const piece of ['"><img src=x onerror=alert(1)>', '</style><script>alert(1)</script>', 'javascript:alert(1)', 'file:///etc/passwd', 'שלום', 'zerowidth']) {
        expect(text, `${path}: ${piece}`).toContain(squeeze(piece));
      }
    }
  });

  it('stays inside the page: the long word breaks instead of overflowing', async () => {
    const doc = await openPdf(new Uint8Array(await readFile(join(out, 'en/projects/maritour.pdf'))));
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width] = page.view;
      for (const item of (await page.getTextContent()).items) {
        if (!('transform' in item) || item.str.trim() === '') continue;
        const right = item.transform[4] + item.width;
        expect(right, item.str).toBeLessThanOrEqual(width! - 40);
      }
    }
    await doc.destroy();
  });

  it.skipIf(!pdffonts)('is drawn in bundled fonts only, emoji and Hebrew and Arabic included (poppler pdffonts)', () => {
    const listing = execFileSync(pdffonts!, [join(out, 'en/projects/maritour.pdf')], { encoding: 'utf8' });
    for (const family of ['NotoEmoji', 'NotoSansHebrew', 'NotoSansArabic']) expect(listing).toContain(family);
    for (const line of listing.trim().split('\n').slice(2)) expect(line).toMatch(/^[A-Z]{6}\+(PT(Sans|Serif)|Noto(Emoji|SansHebrew|SansArabic))/);
  });

  it('is stored as text in the workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'en/cooperation-summary.xlsx'));
    const cells: ExcelJS.Cell[] = [];
    workbook.getWorksheet('Projects')!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    const title = cells.find((c) => c.value === HOSTILE);
    expect(title?.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('text that could disguise itself', () => {
  it('is refused at validation: a right-to-left override', async () => {
    const other = await copyData();
    try {
      const { line, column } = await edit(other, 'projects.yaml', 'title: Baltic Euroregional Network – EAST', `title: ${CARET}"Baltic \\u202Ekrowten\\u202C EAST"`);
      const result = await validateDir(other);
      expect(result.ok ? null : result.errors[0]?.toJSON()).toMatchObject({ code: 'schema', message: 'contains the invisible character U+202E', at: { line, column } });
    } finally {
      await removeDir(other);
    }
  });
});

describe('the font check', () => {
  const pdf = (...fonts: string[]) => Buffer.from(fonts.map((f, i) => `${i} 0 obj << /Type /Font /BaseFont /${f} >> endobj`).join('\n'), 'latin1');

  it('lists embedded fonts without their subset prefix', () => {
    expect(embeddedFonts(pdf('AAAAAA+PTSans-Regular', 'BBBBBB+NotoEmoji-Regular', 'AAAAAA+PTSans-Regular'))).toEqual(['PTSans-Regular', 'NotoEmoji-Regular']);
  });

  it('refuses a PDF in which the browser fell back to a system font', () => {
    expect(() => checkFonts(pdf('AAAAAA+PTSerif-Bold'), ['PT Serif'], 'en/overview')).not.toThrow();
    expect(() => checkFonts(pdf('AAAAAA+PTSerif-Bold', 'CCCCCC+DejaVuSans'), ['PT Serif', 'PT Sans'], 'en/overview')).toThrow(
      'en/overview: some characters are in none of the bundled fonts, and the browser fell back to DejaVuSans',
    );
  });
});
