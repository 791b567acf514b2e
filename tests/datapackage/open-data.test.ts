// The open data (out/<lang>/data/) read back by readers we did not write:
// Python's csv module (tests/helpers/read_datapackage.py, which also checks
// types, constraints, keys, sizes and hashes) and the Data Package standard's
// own JSON Schema. Expected figures are the 2005 report's, written out here.
import { execFileSync } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build.ts';
import { PROJECT_ROOT, resolveConfig } from '../../src/config.ts';
import { copyData, edit, removeDir } from '../helpers/data-copy.ts';
import { runCli } from '../helpers/run-node.ts';
import { systemTool } from '../helpers/system-tool.ts';

const python = systemTool('python3', 'python3', 'tests/datapackage/open-data.test.ts');
const READER = join(PROJECT_ROOT, 'tests/helpers/read_datapackage.py');
const PROFILE = join(PROJECT_ROOT, 'tests/fixtures/frictionless/datapackage-2.0.json');

type Row = Record<string, string | number | boolean | null>;
interface ReadBack {
  errors: string[];
  tables: Record<string, Row[]>;
  /** CRLF-terminated lines per file. */
  records: Record<string, number>;
}

let dir: string;
let out: string;
const read: Record<string, ReadBack> = {};

beforeAll(async () => {
  dir = await copyData();
  out = join(dir, 'out');
  const result = await build(resolveConfig({ data: dir, out }), { only: ['data'] });
  expect(result.ok ? result.built.length : result.errors.map((e) => e.message)).toBe(46);
  if (python) {
    for (const locale of ['en', 'ru']) {
      read[locale] = JSON.parse(execFileSync(python, [READER, join(out, locale, 'data/datapackage.json')], { encoding: 'utf8' })) as ReadBack;
    }
  }
}, 60_000);
afterAll(() => removeDir(dir));

describe.skipIf(!python)('the open data, read back with Python', () => {
  it('has a CSV per table and a descriptor, each file matching the size and sha256 it declares, with every key resolved', () => {
    for (const locale of ['en', 'ru']) {
      expect(read[locale]!.errors, locale).toEqual([]);
      expect(Object.keys(read[locale]!.tables)).toHaveLength(22);
    }
  });

  it('holds the six projects of 2005 with their budgets, totalling €8,442,362', () => {
    const projects = read.en!.tables.projects!;
    expect(projects.map((p) => [p.id, p.budget_eur])).toEqual([
      ['asap', 1776888],
      ['red', 790336],
      ['interbaltic', 3129653],
      ['maritour', 1889792],
      ['ben-east', 508693],
      ['business-matryoshka', 347000],
    ]);
    expect(projects.reduce((sum, p) => sum + (p.budget_eur as number), 0)).toBe(8442362);
    expect(read.ru!.tables.projects!.map((p) => p.budget_eur)).toEqual(projects.map((p) => p.budget_eur));
  });

  it('puts ids beside names, the names in the edition\'s language', () => {
    const red = (locale: string) => read[locale]!.tables.projects!.find((p) => p.id === 'red')!;
    expect(red('en')).toMatchObject({ acronym: 'RED', lead_partner: 'region-blekinge', lead_partner_name: 'Region Blekinge', programme: 'bsr-neighbourhood-2004-2006' });
    expect(red('en').title).toBe('Regional Economic Development – networking between South Sweden and Kaliningrad');
    expect(red('ru')).toMatchObject({ lead_partner: 'region-blekinge', lead_partner_name: 'Регион Блекинге' });
    expect(red('ru').title).toBe('Региональное экономическое развитие — сеть сотрудничества Южной Швеции и Калининграда');
    expect(read.ru!.tables.countries!.find((c) => c.code === 'SE')).toEqual({ code: 'SE', name: 'Швеция', seed_name: null });
    // Column names are the same in every language, so one script reads both.
    for (const [name, rows] of Object.entries(read.en!.tables)) expect(Object.keys(read.ru!.tables[name]![0]!), name).toEqual(Object.keys(rows[0]!));
  });

  it('lists the partners of each project in a table of their own, in the data\'s order', () => {
    const partners = read.en!.tables['projects-leningrad-partners']!;
    expect(partners).toHaveLength(11);
    expect(partners.filter((p) => p.project === 'maritour').map((p) => [p.position, p.leningrad_partners])).toEqual([
      [1, 'kingisepp-district'],
      [2, 'slantsy-district'],
      [3, 'vyborg-district'],
    ]);
    expect(partners.find((p) => p.leningrad_partners === 'vyborg-town')).toMatchObject({ project: 'ben-east', leningrad_partners_name: 'Municipality of Vyborg' });
  });

  it('keeps the other collections whole', () => {
    const { tables } = read.en!;
    expect(tables.countries).toHaveLength(23);
    expect(tables['partner-regions']).toHaveLength(14);
    expect(tables['partner-regions']!.filter((r) => r.status === 'partner')).toHaveLength(11);
    expect(tables['partner-regions-summary']).toEqual([
      { stated_total: 21, stated_as_of: '2005-12-31', asia_outlook_year: 2006, asia_outlook_occasion: 'Year of China in Russia', asia_outlook_seed_text: 'year 2006 was announced as a “year of China” in Russia' },
    ]);
    expect(tables['cis-countries']!.map((c) => [c.id, c.most_intensive])).toEqual([
      ['belarus', true],
      ['ukraine', null],
      ['armenia', null],
      ['azerbaijan', null],
      ['kyrgyzstan', null],
    ]);
    expect(tables.programmes).toHaveLength(13);
    expect(tables['programmes-participants-regions']!.filter((r) => r.id === 'leningrad-oblast')).toHaveLength(1);
    expect(tables.report).toHaveLength(1);
    expect(tables.report![0]).toMatchObject({ id: 'leningrad-oblast-2005-international-cooperation', as_of: '2005-12-31', currency: 'EUR', region_country: 'RU', region_map_point_lat: 59.9 });
  });

  it('ends every record with CRLF, the header included', () => {
    for (const [name, rows] of Object.entries(read.ru!.tables)) expect(read.ru!.records[name], name).toBe(rows.length + 1);
  });
});

describe('datapackage.json', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormatsModule.default(ajv);
  ajv.addFormat('textarea', true);
  const descriptor = async (locale: string) => JSON.parse(await readFile(join(out, locale, 'data/datapackage.json'), 'utf8')) as Record<string, unknown> & { resources: Resource[] };

  it('is valid against the Data Package v2.0 profile, in both languages', async () => {
    const validate = ajv.compile(JSON.parse(await readFile(PROFILE, 'utf8')) as object);
    for (const locale of ['en', 'ru']) {
      const valid = validate(await descriptor(locale));
      expect(valid ? [] : validate.errors, locale).toEqual([]);
    }
    // The profile catches what a reader would choke on, e.g. an unknown field type.
    const broken = await descriptor('en');
    broken.resources[0]!.schema.fields[0]!.type = 'text';
    expect(validate(broken)).toBe(false);
  });

  it('describes the package from the report, in the edition\'s language', async () => {
    const ru = await descriptor('ru');
    expect(ru).toMatchObject({
      name: 'leningrad-oblast-2005-international-cooperation-ru',
      title: 'Ленинградская область: международное сотрудничество, открытые данные',
      created: '2005-12-31T00:00:00Z',
      contributors: [{ title: 'Правительство Ленинградской области, Комитет по внешним связям', roles: ['publisher'] }],
      sources: [{ title: '2.5 Международное сотрудничество' }],
    });
    expect((await descriptor('en')).title).toBe('Leningrad Oblast: international cooperation, open data');
  });

  it('states the licence the report gives, and claims none when it gives none', async () => {
    expect((await descriptor('en')).licenses).toBeUndefined();
    const licensed = await copyData();
    try {
      await edit(licensed, 'report.yaml', '  currency: EUR\n', '  currency: EUR\n  licence: { name: CC-BY-4.0, path: "https://creativecommons.org/licenses/by/4.0/", title: Creative Commons Attribution 4.0 }\n');
      const result = await build(resolveConfig({ data: licensed, out: join(licensed, 'out') }), { locales: ['en'], only: ['data/datapackage'] });
      expect(result.ok).toBe(true);
      const package_ = JSON.parse(await readFile(join(licensed, 'out/en/data/datapackage.json'), 'utf8')) as Record<string, unknown>;
      expect(package_.licenses).toEqual([{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/', title: 'Creative Commons Attribution 4.0' }]);
      const validate = ajv.compile(JSON.parse(await readFile(PROFILE, 'utf8')) as object);
      expect(validate(package_) ? [] : validate.errors).toEqual([]);
    } finally {
      await removeDir(licensed);
    }
  }, 60_000);

  it('derives each Table Schema from the JSON Schemas: types, required fields, primary and foreign keys', async () => {
    const resources = new Map((await descriptor('en')).resources.map((r) => [r.name, r]));
    const projects = resources.get('projects')!;
    expect(projects).toMatchObject({ path: 'projects.csv', type: 'table', encoding: 'utf-8', dialect: { delimiter: ',', lineTerminator: '\r\n', header: true } });
    const fields = new Map(projects.schema.fields.map((f) => [f.name, f]));
    // projects.schema.json requires id, acronym, title, programme, lead_partner, budget_eur (leningrad_partners is a table of its own).
    expect(projects.schema.fields.filter((f) => f.constraints?.required).map((f) => f.name)).toEqual(['id', 'acronym', 'title', 'programme', 'programme_name', 'lead_partner', 'lead_partner_name', 'budget_eur']);
    expect(fields.get('budget_eur')).toMatchObject({ type: 'integer', constraints: { minimum: 0 } });
    expect(fields.get('seed_title')?.type).toBe('string');
    expect(projects.schema.primaryKey).toEqual(['id']);
    expect(projects.schema.foreignKeys).toEqual([
      { fields: ['programme'], reference: { resource: 'programmes', fields: ['id'] } },
      { fields: ['lead_partner'], reference: { resource: 'organisations', fields: ['id'] } },
    ]);
    expect(resources.get('projects-leningrad-partners')!.schema).toMatchObject({
      primaryKey: ['project', 'position'],
      foreignKeys: [
        { fields: ['project'], reference: { resource: 'projects', fields: ['id'] } },
        { fields: ['leningrad_partners'], reference: { resource: 'organisations', fields: ['id'] } },
      ],
    });
    expect(resources.get('countries')!.schema.primaryKey).toEqual(['code']);
    expect(resources.get('report')!.schema.fields.find((f) => f.name === 'as_of')?.type).toBe('date');
    expect(resources.get('cis-countries')!.schema.fields.find((f) => f.name === 'most_intensive')?.type).toBe('boolean');
    // Russian siblings are not columns: each edition holds its language in the field itself.
    expect([...resources.values()].flatMap((r) => r.schema.fields.map((f) => f.name)).filter((n) => n.endsWith('_ru'))).toEqual([]);
  });

  it('is byte-identical when built again, in another time zone, from the command line', async () => {
    const again = join(dir, 'again');
    const run = await runCli(['build', '--data', dir, '--out', again, '--only', 'data'], { env: { ...process.env, TZ: 'Pacific/Kiritimati' } });
    expect(run.code, run.stderr).toBe(0);
    for (const locale of ['en', 'ru']) {
      const files = (await readdir(join(out, locale, 'data'))).sort();
      expect(files).toHaveLength(23);
      for (const file of files) {
        const [a, b] = await Promise.all([readFile(join(out, locale, 'data', file)), readFile(join(again, locale, 'data', file))]);
        expect(a.equals(b), `${locale}/data/${file}`).toBe(true);
      }
    }
  }, 60_000);
});

interface Resource {
  name: string;
  schema: { fields: { name: string; type: string; constraints?: { required?: boolean } }[]; primaryKey?: string[]; foreignKeys?: unknown[] };
}
