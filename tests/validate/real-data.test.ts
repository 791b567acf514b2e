// The real data set validates and holds the facts of the seed document.
import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { validate } from '../../src/build.ts';
import type { CooperationData } from '../../src/validate/data-types.ts';
import { TYPES_FILE, generateTypes } from '../../src/tools/generate-types.ts';
import { fixtureConfig } from '../helpers/fixture.ts';

let files: number;
let data: CooperationData;
// Each test validates anew: a failure while the file loads or in beforeAll is
// no failed test, and mutation testing would not count it.
beforeEach(async () => {
  const result = await validate(fixtureConfig());
  if (!result.ok) throw new Error(`real data is invalid: ${result.errors.map((e) => e.message).join('; ')}`);
  ({ data, files } = result);
});

describe('the real data set', () => {
  it('is valid', () => {
    expect(files).toBe(9);
  });

  it('describes the report section', () => {
    expect(data.report.report).toMatchObject({
      section: { number: '2.5', title: 'International cooperation' },
      region: { name: 'Leningrad Oblast', country: 'RU' },
      as_of: '2005-12-31',
      currency: 'EUR',
    });
  });

  it('has the six Baltic Sea Region projects with their budgets, 8,442,362 EUR in all', () => {
    const budgets = Object.fromEntries(data.projects.projects.map((p) => [p.acronym, p.budget_eur]));
    expect(budgets).toEqual({
      'A.S.A.P.': 1_776_888,
      RED: 790_336,
      InterBaltic: 3_129_653,
      MARITOUR: 1_889_792,
      'BEN-EAST': 508_693,
      'Business Matryoshka': 347_000,
    });
    expect(data.projects.projects.reduce((sum, p) => sum + p.budget_eur, 0)).toBe(8_442_362);
  });

  it('keeps the stated total of 21 partner regions apart from the 11 named ones', () => {
    const partners = data['partner-regions'];
    expect(partners.stated_total).toBe(21);
    const named = partners.regions.filter((r) => r.status === 'partner');
    expect(named.map((r) => `${r.name} (${r.country})`)).toEqual([
      'South Moravian Region (CZ)',
      'Södermanland County (SE)',
      'Värmland County (SE)',
      'Lower Silesian Voivodeship (PL)',
      'Province of Antwerp (BE)',
      'Nordland County (NO)',
      'Mecklenburg-Vorpommern (DE)',
      'Aarhus County (DK)',
      'Province of Southern Finland (FI)',
      'Maryland (US)',
      'Lombardy (IT)',
    ]);
    expect(partners.fields_of_cooperation.map((f) => f.id)).toEqual(['social-economic', 'cultural', 'youth']);
  });

  it('plans contacts in Asia for 2006 and records the CIS statuses', () => {
    const planned = data['partner-regions'].regions.filter((r) => r.status === 'planned');
    expect(planned.map((r) => [r.name, r.country, r.planned_for])).toEqual([
      ['Hebei Province', 'CN', 2006],
      ['Chungcheongnam-do', 'KR', 2006],
      ['Kyoto Prefecture', 'JP', 2006],
    ]);
    const cis = Object.fromEntries(data['cis-cooperation'].countries.map((c) => [c.country, c.status]));
    expect(cis).toEqual({ BY: 'active', UA: 'active', AM: 'active', AZ: 'under-consideration', KG: 'under-consideration' });
    expect(data['cis-cooperation'].countries.find((c) => c.most_intensive)?.country).toBe('BY');
  });

  it('lists five directions, the programmes and the Baltic Sea Region participants', () => {
    expect(data.directions.directions).toHaveLength(5);
    const kinds = data.programmes.programmes.map((p) => p.kind);
    expect(kinds.filter((k) => k === 'technical-assistance')).toHaveLength(7);
    expect(data.programmes.programmes.filter((p) => p.kind === 'investment').map((p) => p.town)).toEqual([
      'Kirovsk',
      'Gatchina',
      'Tikhvin',
      'Pikalevo',
    ]);
    const bsr = data.programmes.programmes.find((p) => p.id === 'bsr-neighbourhood-2004-2006')!;
    expect(bsr.supported_fields).toHaveLength(7);
    expect(bsr.calls).toEqual([8, 9]);
    expect(bsr.participants?.map((p) => p.country)).toEqual(['DK', 'SE', 'FI', 'DE', 'EE', 'LT', 'LV', 'PL', 'NO', 'BY', 'RU']);
    expect(bsr.participants?.find((p) => p.country === 'BY')?.regions).toHaveLength(4);
    expect(bsr.participants?.find((p) => p.country === 'RU')?.regions).toHaveLength(9);
    const northern = data.initiatives.initiatives.find((i) => i.id === 'northern-initiative')!;
    expect(northern.countries).toEqual(['DK', 'FI', 'SE']);
    expect(northern.organisations).toEqual(['nordic-investment-bank', 'ndep-support-fund']);
  });

  it('keeps the seed spelling wherever the official name differs', () => {
    const seed = [
      ...data['partner-regions'].regions.map((r) => r.seed_name),
      ...data.organisations.organisations.map((o) => o.seed_name),
      ...data.projects.projects.map((p) => p.seed_acronym),
    ];
    for (const name of ['lehn Sedermanland', 'lehn Wormland', 'Habai', 'Chunhonnamdo province', 'Arhus province', 'Local Authority Kletzer Winkel', 'Northern Investment bank', 'Municipality of Slantsevski region', 'InterBatlic']) {
      expect(seed).toContain(name);
    }
  });

  it('has TypeScript types generated from the current schemas (run `npm run types` if this fails)', async () => {
    expect(await readFile(TYPES_FILE, 'utf8')).toBe(await generateTypes());
  });
});
