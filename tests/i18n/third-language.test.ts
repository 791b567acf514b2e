// Adding a language is a line in the catalogue, a message catalogue and the
// data's translations: no code, no schema. This builds German end to end from
// copies of the templates and the fixture data, and checks which files the
// change took.
import ExcelJS from 'exceljs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMap, isScalar, parse, parseDocument } from 'yaml';
import { build } from '../../src/build.ts';
import { browserAvailable } from '../helpers/browsers.ts';
import { openPdf, pdfText } from '../helpers/read-pdf.ts';
import { scratchCopy, type ScratchCopy } from '../helpers/template-copy.ts';

let copy: ScratchCopy;

/** Every `<field>_ru` gets a `<field>_de` beside it: the translator's work, here the English text marked. */
function addGerman(text: string): string {
  const doc = parseDocument(text);
  const visit = (node: unknown) => {
    if (isMap(node)) {
      for (const pair of [...node.items]) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (key.endsWith('_ru')) {
          const base = key.slice(0, -3);
          const english = node.get(base) as { toJSON?: () => unknown } | string;
          const value = typeof english === 'object' && english.toJSON ? english.toJSON() : english;
          const mark = (v: unknown) => `${String(v)} (DE)`;
          node.set(`${base}_de`, doc.createNode(Array.isArray(value) ? value.map(mark) : mark(value)));
        }
        visit(pair.value);
      }
    } else if (node && typeof node === 'object' && 'items' in node) for (const item of (node as { items: unknown[] }).items) visit(item);
  };
  visit(doc.contents);
  return doc.toString();
}

beforeAll(async () => {
  copy = await scratchCopy('third-language');
  await copy.edit('templates/catalogue.yaml', (t) => t.replace('locales: [en, ru]', 'locales: [en, ru, de]'));
  const english = await readFile(join(copy.dir, 'templates/i18n/en.yaml'), 'utf8');
  // The declaration's texts, keyed by their English, as ru.yaml lists them; the translator's work, here marked.
  const declaration = Object.keys((parse(await readFile(join(copy.dir, 'templates/i18n/ru.yaml'), 'utf8')) as { workbook: object }).workbook);
  const workbook = `workbook:\n${declaration.map((text) => `  ${JSON.stringify(text)}: ${JSON.stringify(`${text} (DE)`)}\n`).join('')}`;
  await copy.write('templates/i18n/de.yaml', `${english.replace('name: English\n  tag: en-GB', 'name: German\n  tag: de-DE').replace('page: Page', 'page: Seite')}${workbook}`);
  for (const file of await readdir(join(copy.dir, 'data'))) {
    const text = await readFile(join(copy.dir, 'data', file), 'utf8');
    if (addGerman(text) !== text) await copy.edit(`data/${file}`, addGerman);
  }
});
afterAll(() => copy.remove());

describe.skipIf(!browserAvailable())('a third language', () => {
  it('builds every output in German from a catalogue line, a message catalogue and the data', async () => {
    const result = await build(copy.config, { locales: ['de'] });
    expect(result.ok ? [] : result.errors.map((e) => `${e.at?.file}:${e.at?.line} ${e.message}`)).toEqual([]);
    const paths = result.built.map((b) => b.path).sort();
    expect(paths).toContain('de/briefs/international-cooperation.pdf');
    expect(paths).toContain('de/projects/red.pdf');
    expect(paths).toContain('de/cooperation-summary.xlsx');
    expect(paths.every((p) => p.startsWith('de/'))).toBe(true);

    const text = await pdfText(await openPdf(new Uint8Array(await readFile(join(copy.dir, 'out/de/projects/red.pdf')))));
    // German conventions come from the tag alone: day-month order, a dot for thousands.
    expect(text).toContain('31. Dezember 2005');
    expect(text).toContain('790.336');
    expect(text).toContain('(DE)');
    expect(text).toContain('Seite');
  });

  it('writes a German workbook, its formats from the tag', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(copy.dir, 'out/de/cooperation-summary.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)[0]).toBe('Summary (DE)');
    const projects = workbook.getWorksheet('Projects (DE)')!;
    const budget = (projects.getRow(1).values as unknown[]).map(String).indexOf('Budget (EUR) (DE)');
    // The euro after the number, as in German, and the format tagged with German's locale ID.
    expect(projects.getCell(2, budget).numFmt).toBe('[$-407]#,##0 "€";-#,##0 "€";"—"');
  });

  it('took only the catalogue, the new message catalogue and data files: no code, no schema', async () => {
    const changed = await copy.changed();
    expect(changed.filter((p) => !p.startsWith('data/'))).toEqual(['templates/catalogue.yaml', 'templates/i18n/de.yaml']);
    expect(changed.filter((p) => p.startsWith('data/')).length).toBeGreaterThan(0);
  });
});
