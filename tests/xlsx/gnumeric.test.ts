// Both editions opened by Gnumeric's ssconvert, a second calculation engine:
// it recalculates a copy whose cached values are all wrong to the values our
// file caches, and reads each declared chart with its series' cell ranges.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, renderEdition, sources, writeEditions, wrongFigures, type Locale } from './editions.ts';
import { failInCiWithout, findCommand, findOpenpyxl, run } from './tools.ts';

const ssconvert = findCommand('ssconvert', 'apt-get install gnumeric');
const python = findOpenpyxl();
const ready = Boolean(ssconvert.path && python.path);

type Values = Record<string, string | number | boolean | null>;

const cached = new Map<Locale, Values>();
const recalculated = new Map<Locale, { wrong: Values; after: Values }>();
/** Gnumeric's own file of each edition: its XML. */
const native = new Map<Locale, string>();
let remove = async () => {};

beforeAll(async () => {
  if (!ready) return;
  const editions = await writeEditions('coop-gnumeric-');
  remove = editions.remove;
  const read = async (mode: 'formulas' | 'values', path: string) =>
    JSON.parse((await run(python.path!, [join(import.meta.dirname, 'read_workbook.py'), mode, path], { maxBuffer: 64 << 20 })).stdout) as Values;
  await mkdir(join(editions.dir, 'gnumeric'));
  for (const locale of LOCALES) {
    const wrong = join(editions.dir, 'gnumeric', `${locale}-wrong.xlsx`);
    const after = join(editions.dir, 'gnumeric', `${locale}-recalculated.xlsx`);
    const gnumeric = join(editions.dir, 'gnumeric', `${locale}.gnumeric`);
    await writeFile(wrong, await renderEdition(locale, wrongFigures));
    await run(ssconvert.path!, ['--recalc', wrong, after], { timeout: 120_000 });
    await run(ssconvert.path!, [editions.paths[locale], gnumeric], { timeout: 120_000 });
    cached.set(locale, await read('formulas', editions.paths[locale]));
    recalculated.set(locale, { wrong: await read('formulas', wrong), after: await read('values', after) });
    native.set(locale, gunzipSync(await readFile(gnumeric)).toString('utf8'));
  }
}, 300_000);
afterAll(() => remove());

failInCiWithout(ssconvert);
failInCiWithout(python);

describe.skipIf(!ready).each(LOCALES)('the %s workbook in Gnumeric', (locale) => {
  it('recalculates every formula to the value the file caches', () => {
    const ours = cached.get(locale)!;
    const { wrong, after } = recalculated.get(locale)!;
    expect(Object.keys(ours).length).toBeGreaterThan(100);
    expect(Object.keys(ours).filter((key) => wrong[key] !== ours[key]).length).toBeGreaterThan(20);
    for (const [key, value] of Object.entries(ours)) {
      if (typeof value === 'number') expect(after[key], key).toBeCloseTo(value, 9);
      else expect(after[key], key).toEqual(value);
    }
  });

  it('reads each chart with its title and the ranges of its series', async () => {
    const messages = await sources.messages(locale);
    const declared = (await sources.yaml('templates/workbooks/cooperation-summary.yaml')) as {
      sheets: { name: string; columns: { header: string }[]; chart?: { title: string; categories: string; values: string[] } }[];
    };
    const xml = native.get(locale)!;
    const graphs = [...xml.matchAll(/<gnm:SheetObjectGraph\b[\s\S]*?<\/gnm:SheetObjectGraph>/g)].map((m) => m[0]);
    const charted = declared.sheets.filter((s) => s.chart);
    expect(graphs).toHaveLength(charted.length);
    for (const [i, s] of charted.entries()) {
      const graph = graphs[i]!;
      const title = messages.get(`workbook.${s.chart!.title}`)!;
      expect(graph).toContain(`&quot;${title}&quot;`);
      // Gnumeric quotes a sheet name only where it must.
      const sheet = messages.get(`workbook.${s.name}`)!;
      const column = (header: string) => String.fromCharCode(65 + s.columns.findIndex((c) => c.header === header));
      const vectors = [...graph.matchAll(/type="GnmGODataVector">([^<]*)</g)].map((m) => m[1]!.replace(/^'(.*)'!/, '$1!'));
      for (const header of [s.chart!.categories, ...s.chart!.values]) {
        expect(vectors.some((v) => v.startsWith(`${sheet}!$${column(header)}$2:$${column(header)}$`)), `${s.name}: ${header} in ${vectors.join(', ')}`).toBe(true);
      }
    }
  });
});
