// Both editions opened by LibreOffice: it recalculates every formula of a copy
// whose cached values are all wrong and arrives at the values our file caches;
// and it prints every sheet, charts included, on A4 pages whose text is never
// smaller than 8 pt and never printed over other text (a row too short for
// its wrapped text would do that).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, renderEdition, sources, writeEditions, wrongFigures, type Locale } from './editions.ts';
import { failInCiWithout, findCommand, findOpenpyxl, run, sofficeConvert } from './tools.ts';

const soffice = findCommand('soffice', 'apt-get install libreoffice-calc-nogui');
const python = findOpenpyxl();
const ready = Boolean(soffice.path && python.path);

type Values = Record<string, string | number | boolean | null>;

interface TextRun {
  text: string;
  size: number;
  box: { x0: number; x1: number; y0: number; y1: number };
}
interface Page {
  width: number;
  height: number;
  runs: TextRun[];
}

const cached = new Map<Locale, Values>();
const recalculated = new Map<Locale, { wrong: Values; after: Values }>();
const printed = new Map<Locale, Page[]>();
let remove = async () => {};

beforeAll(async () => {
  if (!ready) return;
  const editions = await writeEditions('coop-libreoffice-');
  remove = editions.remove;
  const read = async (mode: 'formulas' | 'values', path: string) =>
    JSON.parse((await run(python.path!, [join(import.meta.dirname, 'read_workbook.py'), mode, path], { maxBuffer: 64 << 20 })).stdout) as Values;
  const wrong = (locale: Locale) => join(editions.dir, 'wrong', `${locale}.xlsx`);
  await mkdir(join(editions.dir, 'wrong'));
  for (const locale of LOCALES) await writeFile(wrong(locale), await renderEdition(locale, wrongFigures));
  await sofficeConvert(soffice.path!, LOCALES.map(wrong), 'xlsx', join(editions.dir, 'recalculated'));
  await sofficeConvert(soffice.path!, LOCALES.map((l) => editions.paths[l]), 'pdf', join(editions.dir, 'printed'));
  for (const locale of LOCALES) {
    cached.set(locale, await read('formulas', editions.paths[locale]));
    recalculated.set(locale, { wrong: await read('formulas', wrong(locale)), after: await read('values', join(editions.dir, 'recalculated', `${locale}.xlsx`)) });
    printed.set(locale, await readPages(join(editions.dir, 'printed', `${locale}.pdf`)));
  }
}, 300_000);
afterAll(() => remove());

failInCiWithout(soffice);
failInCiWithout(python);

describe.skipIf(!ready).each(LOCALES)('the %s workbook in LibreOffice', (locale) => {
  it('recalculates every formula to the value the file caches', () => {
    const ours = cached.get(locale)!;
    const { wrong, after } = recalculated.get(locale)!;
    expect(Object.keys(ours).length).toBeGreaterThan(100);
    // The copy's caches were wrong, so equal values are LibreOffice's own.
    expect(Object.keys(ours).filter((key) => wrong[key] !== ours[key]).length).toBeGreaterThan(20);
    for (const [key, value] of Object.entries(ours)) {
      if (typeof value === 'number') expect(after[key], key).toBeCloseTo(value, 9);
      else expect(after[key], key).toEqual(value);
    }
  });

  it('prints every sheet on A4 with text of at least 8 pt, and the charts with their titles', async () => {
    const pages = printed.get(locale)!;
    for (const [i, page] of pages.entries()) {
      expect([page.width, page.height].map(Math.round).sort(), `page ${i + 1}`).toEqual([595, 842]);
      const small = page.runs.filter((r) => r.size < 7.95);
      expect(small.map((r) => `${r.text} (${r.size.toFixed(2)} pt)`), `page ${i + 1}`).toEqual([]);
    }
    const messages = await sources.messages(locale);
    const declared = (await sources.yaml('templates/workbooks/cooperation-summary.yaml')) as { sheets: { chart?: { title: string } }[] };
    const text = pages.map((p) => p.runs.map((r) => r.text).join(' ')).join(' ').replace(/\s+/g, ' ');
    const titles = declared.sheets.flatMap((s) => (s.chart ? [messages.get(`workbook.${s.chart.title}`)!] : []));
    expect(titles.length).toBeGreaterThan(0);
    // A long title may wrap: its words, in order.
    for (const title of titles) expect(text).toMatch(new RegExp(title.split(' ').map(escape).join('\\s+')));
  });

  it('prints no text over other text', () => {
    for (const [i, page] of printed.get(locale)!.entries()) {
      const clashes: string[] = [];
      page.runs.forEach((a, j) => {
        for (const b of page.runs.slice(j + 1)) {
          const wide = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
          const high = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
          if (wide > 1 && high > 0.5 * Math.min(a.size, b.size)) clashes.push(`${a.text} / ${b.text}`);
        }
      });
      expect(clashes, `page ${i + 1}`).toEqual([]);
    }
  });
});

/** Each page's size and text runs, with their font size and box, as pdf.js reads them. */
async function readPages(path: string): Promise<Page[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(path)), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: Page[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const runs = (await page.getTextContent()).items.flatMap((item) => {
        if (!('str' in item) || item.str.trim() === '') return [];
        const [, , c, d, x, y] = item.transform as number[];
        const size = Math.hypot(c!, d!);
        return [{ text: item.str, size, box: { x0: x!, x1: x! + item.width, y0: y!, y1: y! + size } }];
      });
      pages.push({ width, height, runs });
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
