// The Russian edition: same keys in both message catalogues, Russian names and
// figures in the briefs, no English label left, a Russian workbook, and a
// missing Russian text reported where the English one stands.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig } from '../../src/config.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { readPdf, squeeze, type PdfContent } from '../helpers/read-pdf.ts';
import { FIXTURE_DATA } from '../helpers/fixture.ts';

const catalogue = async (locale: string) => flatten(parse(await readFile(join(PROJECT_ROOT, 'templates/i18n', `${locale}.yaml`), 'utf8')) as object);
function flatten(value: object, prefix = ''): Map<string, string> {
  return new Map(
    Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as const] : [...flatten(v as object, `${prefix}${k}.`)])),
  );
}
/**
 * Spaces of every width as one plain space (Russian figures group digits with
 * narrow no-break spaces), and words broken at a hyphen joined again.
 */
const plain = (text: string) => text.replace(/[\s\u00A0\u202F]+/g, ' ').replace(/- (?=\p{L})/gu, '-');

let dir: string;
let out: string;
const pdfs = new Map<string, PdfContent>();
beforeAll(async () => {
  dir = await copyData();
  out = join(dir, 'out');
  const result = await build(resolveConfig({ data: dir, out }), { locales: ['ru'] });
  expect(result.ok ? [] : result.errors.map((e) => e.message)).toEqual([]);
  for (const e of result.built.filter((b) => b.kind === 'pdf')) pdfs.set(e.path, await readPdf(join(out, e.path)));
});
afterAll(() => removeDir(dir));

describe('message catalogues', () => {
  it('have the same keys in English and Russian, none of them empty; only Russian translates the (English) workbook declaration', async () => {
    const [en, ru] = await Promise.all([catalogue('en'), catalogue('ru')]);
    expect([...ru.keys()].filter((k) => !k.startsWith('workbook.')).sort()).toEqual([...en.keys()].sort());
    expect([...ru.keys()].filter((k) => k.startsWith('workbook.')).length).toBeGreaterThan(50);
    for (const [key, text] of ru) expect(text.trim(), key).not.toBe('');
  });
});

describe('the Russian briefs', () => {
  const text = (path: string) => plain(pdfs.get(path)!.pages.join(' '));

  it('are built for every output, under out/ru/', () => {
    expect([...pdfs.keys()].every((p) => p.startsWith('ru/'))).toBe(true);
    expect(pdfs.size).toBe(8);
  });

  it('hold the Russian names and figures formatted the Russian way', () => {
    const overview = text('ru/briefs/international-cooperation.pdf');
    for (const phrase of ['Ленинградская область', 'Южноморавский край', 'Лен Сёдерманланд', 'Провинция Хэбэй', 'Северная инициатива', 'Пикалёво', '8 442 362 €', '31 декабря 2005 г.', 'Беларусь (наиболее интенсивное)']) {
      expect(overview).toContain(phrase);
    }
    const programme = text('ru/briefs/programme-bsr-neighbourhood-2004-2006.pdf');
    for (const phrase of ['3 129 653 €', '37,1 %', 'Итого (6) 8 442 362 € 100,0 %']) {
      expect(programme).toContain(phrase);
    }
    // Names in narrow columns are hyphenated: compared without spaces and hyphens.
    const words = squeeze(pdfs.get('ru/briefs/programme-bsr-neighbourhood-2004-2006.pdf')!.pages.join(''));
    for (const name of ['Клайпедский научно-технологический парк', 'Амт Клютцер-Винкель']) expect(words).toContain(squeeze(name));
    expect(text('ru/projects/red.pdf')).toContain('790 336 €: 9,4 % от 8 442 362 €');
  });

  it('carry Russian metadata and a Russian outline', () => {
    const overview = pdfs.get('ru/briefs/international-cooperation.pdf')!;
    expect(overview.language).toBe('ru');
    expect(overview.info.Title).toBe('Ленинградская область: международное сотрудничество');
    expect(overview.outline).toEqual(expect.arrayContaining(['Основные направления сотрудничества', 'Регионы-партнёры', 'Приграничное сотрудничество']));
  });

  it('leave no English label behind', async () => {
    const [en, ru] = await Promise.all([catalogue('en'), catalogue('ru')]);
    // The source's own English spellings (seed_*) are data shown for tracing, not labels.
    const seeds: string[] = [];
    const collect = (v: unknown, key = ''): void => {
      if (typeof v === 'string' && key.startsWith('seed_')) seeds.push(v.toLowerCase());
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, Array.isArray(v) ? key : k);
    };
    for (const file of ['organisations', 'programmes', 'partner-regions', 'projects', 'initiatives']) {
      collect(parse(await readFile(join(FIXTURE_DATA, `${file}.yaml`), 'utf8')));
    }
    // Every English message that the Russian catalogue words differently, without its placeholders.
    const phrases = [...en]
      .filter(([key, value]) => !key.startsWith('workbook.') && ru.get(key) !== value)
      .flatMap(([, value]) => value.split(/\{[^}]*\}/))
      .map((p) => p.trim().replace(/^[\s:;,.]+|[\s:;,.]+$/g, ''))
      // Labels, not function words: "of the" also occurs in the source's own English spellings.
      .filter((p) => p.length >= 10 && !seeds.some((seed) => seed.includes(p.toLowerCase())));
    for (const [path, pdf] of pdfs) {
      const body = plain(pdf.pages.join(' ')).toLowerCase();
      const leaks = phrases.filter((p) => body.includes(p.toLowerCase()));
      expect(leaks, path).toEqual([]);
    }
  });
});

describe('the Russian workbook', () => {
  it('has Russian sheet names, headers and properties, and the same figures', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(out, 'ru/cooperation-summary.xlsx'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Сводка', 'Проекты', 'Регионы-партнёры', 'Страны', 'Программы', 'Направления', 'Участники', 'Источники']);
    const projects = workbook.getWorksheet('Проекты')!;
    // The budget column, found by its Russian header; six projects, so the total sits in row 8.
    const budget = (projects.getRow(1).values as unknown[]).indexOf('Бюджет (EUR)');
    const letter = projects.getColumn(budget).letter;
    expect(projects.getCell(`${letter}8`).value).toMatchObject({ formula: `SUM(${letter}2:${letter}7)`, result: 8_442_362 });
    expect(workbook.title).toBe('Ленинградская область: международное сотрудничество, сводные таблицы');
    const summary = workbook.getWorksheet('Сводка')!;
    // The status is counted as the sheet shows it: by its Russian label.
    const named = summary.getColumn(2).values.find((v) => typeof v === 'object' && v !== null && 'formula' in v && String(v.formula).includes('Партнёр'));
    expect(named).toMatchObject({ formula: expect.stringMatching(/^COUNTIF\('Регионы-партнёры'!\$([A-Z]+)\$2:\$\1\$15,"Партнёр"\)$/), result: 11 });
  });
});

describe('a missing Russian text', () => {
  it('fails the Russian build at the English text it should translate, and not the English build', async () => {
    const other = await copyData();
    try {
      await edit(other, 'projects.yaml', /\n    title_ru: "Региональное[^\n]*/, '');
      const text = await readFile(join(other, 'projects.yaml'), 'utf8');
      const line = text.split('\n').findIndex((l) => l.startsWith('    title: Regional Economic Development')) + 1;
      const ru = await build(resolveConfig({ data: other, out: join(other, 'out'), cwd: other }), { locales: ['ru'] });
      expect(ru.ok ? null : ru.errors.map((e) => e.toJSON())).toEqual([
        { code: 'translation', message: 'no Russian text for title', at: { file: 'projects.yaml', line, column: 12, pointer: '/projects/1/title' }, hint: 'add title_ru: beside title, or build without --locale ru' },
      ]);
      const en = await build(resolveConfig({ data: other, out: join(other, 'out'), cwd: other }), { locales: ['en'], only: ['workbook'] });
      expect(en.ok).toBe(true);
    } finally {
      await removeDir(other);
    }
  });
});
